import type { SnippetPart } from '../../../shared/api/insights.ts';

/**
 * The marks `ts_headline` puts around each word that matched: control characters, which no report
 * text holds once they are taken out of it, so the snippet travels as plain text in runs and no
 * HTML is ever built from what someone wrote.
 */
export const matchStart = '\u0002';
export const matchStop = '\u0003';

/** The headline's options: short fragments around the matches, at most two, joined by an ellipsis. */
export const headlineOptions = `StartSel=${matchStart}, StopSel=${matchStop}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * A headline as runs of text, the matched words marked. A mark left open runs to the end; a stray
 * closing mark is dropped. Neighbouring runs of the same kind are joined and empty ones left out.
 */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const add = (text: string, match: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.match === match) last.text += text;
    else parts.push({ text, match });
  };
  for (const [i, piece] of headline.split(matchStart).entries()) {
    if (i === 0) {
      add(piece.replaceAll(matchStop, ''), false);
      continue;
    }
    const stop = piece.indexOf(matchStop);
    if (stop === -1) {
      add(piece, true);
      continue;
    }
    add(piece.slice(0, stop), true);
    add(piece.slice(stop + 1).replaceAll(matchStop, ''), false);
  }
  return parts;
}
