import type { BandColour } from '../../shared/assessments.ts';
import { bandStroke } from './ChartStyle.ts';

export interface Bar {
  label: string;
  count: number;
  colour: BandColour;
}

const width = 560;
const rowHeight = 36;
const labelWidth = 170;
const countWidth = 50;

/** Horizontal bars with each label and count written beside its bar, so colour carries nothing alone. */
export function ChartBars({ bars, label }: { bars: Bar[]; label: string }) {
  const most = Math.max(1, ...bars.map((b) => b.count));
  const barSpace = width - labelWidth - countWidth;
  const height = bars.length * rowHeight + 8;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={label} style={{ maxWidth: width, display: 'block' }}>
      {bars.map((b, i) => {
        const y = 4 + i * rowHeight;
        const length = (b.count / most) * barSpace;
        return (
          <g key={b.label}>
            <text x={labelWidth - 8} y={y + rowHeight / 2} textAnchor="end" dominantBaseline="middle" fontSize="14" fill="#212529">
              {b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label}
            </text>
            <rect x={labelWidth} y={y + 6} width={Math.max(length, 2)} height={rowHeight - 12} fill={bandStroke[b.colour]} rx="3" />
            <text x={labelWidth + Math.max(length, 2) + 6} y={y + rowHeight / 2} dominantBaseline="middle" fontSize="14" fontWeight="700" fill="#212529">
              {b.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
