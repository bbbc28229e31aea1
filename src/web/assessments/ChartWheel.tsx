import { Group, List, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { seriesStyle, wrapLabel } from './ChartStyle.ts';

export interface WheelSpoke {
  key: string;
  label: string;
  min: number;
  max: number;
}

export interface WheelSeries {
  name: string;
  values: Record<string, number | undefined>;
}

interface Props {
  spokes: WheelSpoke[];
  /** Oldest first; the last is drawn strongest. */
  series: WheelSeries[];
  label: string;
}

interface Geometry {
  width: number;
  height: number;
  centre: { x: number; y: number };
  radius: number;
  /** Characters per line of a spoke's label. */
  wrap: number;
  fontSize: number;
  maxLines: number;
}

/** A phone gets a smaller wheel with narrower labels, drawn at its real size so the text stays readable. */
function geometryFor(available: number): Geometry {
  const compact = available > 0 && available < 520;
  const width = compact ? Math.max(300, Math.round(available)) : 560;
  const radius = compact ? Math.round(width / 2 - 92) : 160;
  return { width, height: 2 * radius + 110, centre: { x: width / 2, y: radius + 52 }, radius, wrap: compact ? 11 : 18, fontSize: compact ? 12 : 13, maxLines: compact ? 4 : 3 };
}

const angleOf = (i: number, count: number) => -Math.PI / 2 + (2 * Math.PI * i) / count;

/** How far out a rating sits: the lowest rating is a small ring, not the centre, so it stays visible. */
const reach = (value: number, spoke: WheelSpoke, radius: number) => ((value - spoke.min + 1) / (spoke.max - spoke.min + 1)) * radius;

function pointAt(g: Geometry, i: number, count: number, distance: number) {
  const angle = angleOf(i, count);
  return { x: g.centre.x + Math.cos(angle) * distance, y: g.centre.y + Math.sin(angle) * distance };
}

/** One spoke per rating (pathway) and one outline per review; a legend names each outline and its line pattern. */
export function ChartWheel({ spokes, series, label }: Props) {
  const { ref, width: measured } = useElementSize();
  const g = geometryFor(measured);
  const { width, height, centre, radius } = g;
  const count = spokes.length;
  const rings = [0.2, 0.4, 0.6, 0.8, 1];
  return (
    <div ref={ref} style={{ maxWidth: 560 }}>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label} style={{ display: 'block' }}>
        {rings.map((r) => (
          <polygon
            key={r}
            points={spokes.map((_, i) => pointAt(g, i, count, r * radius)).map((p) => `${p.x},${p.y}`).join(' ')}
            fill="none"
            stroke="#ced4da"
          />
        ))}
        {spokes.map((spoke, i) => {
          const end = pointAt(g, i, count, radius);
          const place = pointAt(g, i, count, radius + 18);
          const cos = Math.cos(angleOf(i, count));
          const anchor = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
          const lines = wrapLabel(spoke.label, g.wrap, g.maxLines);
          const above = Math.sin(angleOf(i, count)) < -0.3;
          const firstY = above ? place.y - (lines.length - 1) * 15 : place.y;
          return (
            <g key={spoke.key}>
              <line x1={centre.x} y1={centre.y} x2={end.x} y2={end.y} stroke="#adb5bd" />
              <text x={place.x} y={firstY} textAnchor={anchor} dominantBaseline="middle" fontSize={g.fontSize} fill="#212529">
                {lines.map((line, n) => (
                  <tspan key={line} x={place.x} dy={n === 0 ? 0 : 15}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
        {spokes[0] && [spokes[0].min, Math.round((spokes[0].min + spokes[0].max) / 2), spokes[0].max].map((v) => (
          <text key={v} x={centre.x + 4} y={centre.y - reach(v, spokes[0]!, radius)} fontSize="11" fill="#495057" dominantBaseline="middle">
            {v}
          </text>
        ))}
        {series.map((s, n) => {
          const style = seriesStyle(n, series.length);
          const points = spokes.map((spoke, i) => pointAt(g, i, count, reach(s.values[spoke.key] ?? spoke.min - 1, spoke, radius)));
          return (
            <g key={`${s.name}-${n}`}>
              <polygon
                points={points.map((p) => `${p.x},${p.y}`).join(' ')}
                fill={n === series.length - 1 ? 'rgba(26,27,30,0.08)' : 'none'}
                stroke={style.stroke}
                strokeWidth={style.width}
                strokeDasharray={style.dash}
              />
              {points.map((p, i) => (
                <circle key={spokes[i]!.key} cx={p.x} cy={p.y} r={n === series.length - 1 ? 4 : 3} fill={style.stroke} />
              ))}
            </g>
          );
        })}
      </svg>
      <List listStyleType="none" spacing={4} aria-label="Key to the wheel">
        {series.map((s, n) => {
          const style = seriesStyle(n, series.length);
          return (
            <List.Item key={`${s.name}-${n}`}>
              <Group gap="xs" wrap="nowrap">
                <svg width="40" height="12" aria-hidden="true">
                  <line x1="0" y1="6" x2="40" y2="6" stroke={style.stroke} strokeWidth={style.width} strokeDasharray={style.dash} />
                </svg>
                <Text size="sm" fw={n === series.length - 1 ? 700 : 400}>
                  {s.name}
                  {n === series.length - 1 ? ' (latest, solid line)' : ''}
                </Text>
              </Group>
            </List.Item>
          );
        })}
      </List>
    </div>
  );
}
