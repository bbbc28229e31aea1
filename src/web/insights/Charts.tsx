import type { ReactNode } from 'react';
import { BarChart, DonutChart } from '@mantine/charts';
import { Box } from '@mantine/core';

/**
 * A chart is a picture of the table beside it: one image to a screen reader, named by a summary
 * of its figures. Tooltips and the keyboard layer are off, as they would only repeat the table.
 */
function Picture({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box role="img" aria-label={label} maw={640}>
      {children}
    </Box>
  );
}

export interface Series {
  /** The row's field holding the figure. */
  name: string;
  label: string;
  color: string;
}

interface BarsProps {
  /** One object per bar (group), with `label` and a figure under each series' name. */
  rows: Record<string, string | number>[];
  series: Series[];
  label: string;
}

/** Strong colours, 3:1 or more against white; with more than one series a legend names them. */
export const chartColours = { first: 'blue.8', second: 'orange.9', third: 'teal.9' } as const;

const barHeight = 30;

/** Horizontal bars, so that long names (vulnerabilities, ethnicities) stay readable on a phone. */
export function Bars({ rows, series, label }: BarsProps) {
  const legend = series.length > 1 ? 40 : 0;
  return (
    <Picture label={label}>
      <BarChart
        h={rows.length * barHeight * series.length + 50 + legend}
        data={rows}
        dataKey="label"
        series={series}
        orientation="vertical"
        withTooltip={false}
        accessibilityLayer={false}
        withLegend={series.length > 1}
        withBarValueLabel
        // Without a formatter Mantine writes no value beside the bars.
        valueFormatter={String}
        barLabelColor="gray.9"
        textColor="gray.8"
        gridAxis="none"
        yAxisProps={{ width: 170 }}
        xAxisProps={{ allowDecimals: false }}
      />
    </Picture>
  );
}

interface Slice {
  name: string;
  value: number;
  color: string;
}

export function Donut({ slices, label, total }: { slices: Slice[]; label: string; total: number }) {
  return (
    <Picture label={label}>
      <DonutChart data={slices} withTooltip={false} accessibilityLayer={false} withLabels withLabelsLine withLegend labelColor="gray.9" chartLabel={total} size={180} thickness={30} />
    </Picture>
  );
}
