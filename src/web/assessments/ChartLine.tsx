import { useElementSize } from '@mantine/hooks';
import type { BandColour } from '../../shared/assessments.ts';
import { bandFill, bandStroke } from './ChartStyle.ts';

export interface LinePoint {
  /** The x-axis label, e.g. the date of the review. */
  label: string;
  value: number;
  /** Shown beside the value so the band is never read from colour alone. */
  note: string | null;
}

export interface ChartBand {
  label: string;
  min: number;
  max: number | null;
  colour: BandColour;
}

interface Props {
  points: LinePoint[];
  bands: ChartBand[];
  /** What the chart shows, read out in place of the drawing. */
  label: string;
}

const height = 320;
const margin = { top: 24, right: 124, bottom: 44, left: 44 };
const plotHeight = height - margin.top - margin.bottom;
/** Points keep clear of the axis and of the band labels. */
const inset = 28;

function niceStep(span: number): number {
  const rough = span / 5;
  const power = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? power * 10;
}

/** Scores over time as a line, with each band's range shaded and named at the right. */
export function ChartLine({ points, bands, label }: Props) {
  // Drawn at the width it is shown, so its text stays readable on a phone instead of shrinking.
  const { ref, width: measured } = useElementSize();
  const width = Math.round(Math.min(720, Math.max(300, measured || 640)));
  const plotWidth = width - margin.left - margin.right;
  const values = points.map((p) => p.value);
  const finiteEdges = bands.flatMap((b) => (b.max === null ? [b.min] : [b.min, b.max + 1]));
  const low = Math.min(0, ...values, ...bands.map((b) => b.min));
  const highest = Math.max(...values, ...finiteEdges, low + 1);
  const high = highest + Math.max(2, Math.ceil((highest - low) * 0.1));
  const y = (v: number) => margin.top + plotHeight - ((v - low) / (high - low)) * plotHeight;
  const x = (i: number) => margin.left + inset + (points.length === 1 ? (plotWidth - 2 * inset) / 2 : (i / (points.length - 1)) * (plotWidth - 2 * inset));
  // Dates need about 80 pixels each; with many reviews only every n-th (and the latest) is written.
  const every = Math.max(1, Math.ceil(points.length / Math.max(1, Math.floor((plotWidth - 2 * inset) / 80))));
  const dated = (i: number) => i % every === 0 || i === points.length - 1;
  const step = niceStep(high - low);
  const ticks: number[] = [];
  for (let t = Math.ceil(low / step) * step; t <= high; t += step) ticks.push(t);

  return (
    <div ref={ref} style={{ maxWidth: 720 }}>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label} style={{ display: 'block' }}>
        {bands.map((b) => {
          const top = y(Math.min(b.max === null ? high : b.max + 1, high));
          const bottom = y(Math.max(b.min, low));
          return (
            <g key={b.label}>
              <rect x={margin.left} y={top} width={plotWidth} height={Math.max(bottom - top, 0)} fill={bandFill[b.colour]} />
              <line x1={margin.left} x2={margin.left + plotWidth} y1={bottom} y2={bottom} stroke={bandStroke[b.colour]} strokeDasharray="4 3" />
              <text x={margin.left + plotWidth + 8} y={(top + bottom) / 2} dominantBaseline="middle" fontSize="13" fill="#212529">
                <tspan x={margin.left + plotWidth + 8} dy="-0.6em">{b.label.length > 16 ? `${b.label.slice(0, 15)}…` : b.label}</tspan>
                <tspan x={margin.left + plotWidth + 8} dy="1.2em">{b.max === null ? `${b.min} and above` : `${b.min} to ${b.max}`}</tspan>
              </text>
            </g>
          );
        })}
        <line x1={margin.left} x2={margin.left} y1={margin.top} y2={margin.top + plotHeight} stroke="#495057" />
        <line x1={margin.left} x2={margin.left + plotWidth} y1={margin.top + plotHeight} y2={margin.top + plotHeight} stroke="#495057" />
        {ticks.map((t) => (
          <text key={t} x={margin.left - 6} y={y(t)} textAnchor="end" dominantBaseline="middle" fontSize="12" fill="#495057">
            {t}
          </text>
        ))}
        <text x={12} y={margin.top + plotHeight / 2} fontSize="12" fill="#495057" transform={`rotate(-90 12 ${margin.top + plotHeight / 2})`} textAnchor="middle">
          Score
        </text>
        <polyline points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')} fill="none" stroke="#1a1b1e" strokeWidth="2.5" />
        {points.map((p, i) => (
          <g key={`${p.label}-${i}`}>
            <circle cx={x(i)} cy={y(p.value)} r={i === points.length - 1 ? 7 : 5} fill="#1a1b1e" stroke="#fff" strokeWidth="2" />
            <text x={x(i)} y={y(p.value) - 12} textAnchor="middle" fontSize="13" fontWeight="700" fill="#1a1b1e">
              {p.value}
            </text>
            {dated(i) && (
              <text x={x(i)} y={margin.top + plotHeight + 18} textAnchor="middle" fontSize="12" fill="#212529">
                {p.label}
              </text>
            )}
            {p.note && dated(i) && (
              <text x={x(i)} y={margin.top + plotHeight + 34} textAnchor="middle" fontSize="11" fill="#495057">
                {p.note}
              </text>
            )}
          </g>
        ))}
      </svg>
    </div>
  );
}
