import type { BandColour } from '../../shared/assessments.ts';

/** Band colours in charts: light fills behind text, each band also named in the chart and the table. */
export const bandFill: Record<BandColour, string> = {
  green: '#d3f9d8',
  yellow: '#fff3bf',
  orange: '#ffe8cc',
  red: '#ffe3e3',
  blue: '#d0ebff',
  grey: '#e9ecef',
};

/** Strong versions for bars and markers; all reach 3:1 against white. */
export const bandStroke: Record<BandColour, string> = {
  green: '#2b8a3e',
  yellow: '#946800',
  orange: '#c2410c',
  red: '#c92a2a',
  blue: '#1864ab',
  grey: '#495057',
};

/** Mantine colour names for badges. */
export const bandBadge: Record<BandColour, string> = {
  green: 'green',
  yellow: 'yellow',
  orange: 'orange',
  red: 'red',
  blue: 'blue',
  grey: 'gray',
};

/** Series in a wheel differ by line pattern as well as colour, so they can be told apart without colour. */
export const seriesStyles = [
  { stroke: '#1c7ed6', dash: '' },
  { stroke: '#e8590c', dash: '8 4' },
  { stroke: '#2f9e44', dash: '2 3' },
  { stroke: '#862e9c', dash: '10 3 2 3' },
  { stroke: '#495057', dash: '4 4' },
] as const;

/** The latest series is always drawn solid and dark, the earlier ones cycle through the patterns. */
export function seriesStyle(index: number, count: number) {
  if (index === count - 1) return { stroke: '#1a1b1e', dash: '', width: 3.5 };
  const style = seriesStyles[(index + 1) % seriesStyles.length]!;
  return { ...style, width: 2 };
}

/** Splits a label into lines of at most `width` characters, at spaces. */
export function wrapLabel(label: string, width: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/\W*$/, '')}…`;
  return kept;
}
