import { redactionMark, type Exemption } from '../../../../shared/subject-access.ts';

/**
 * Finding and applying redactions in an item's text. Spans are in UTF-16 code units of the text
 * as collected, so they stay put whatever is redacted around them; matching ignores case and
 * accents ("Zoë" finds "ZOE"), as the names people are known by are written both ways.
 */

export interface Span {
  start: number;
  length: number;
}

export interface MarkedSpan extends Span {
  exemption: Exemption;
}

/** The text folded for matching, and for each folded code unit the original span it came from. */
function fold(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let index = 0;
  for (const char of text) {
    const plain = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (let i = 0; i < plain.length; i++) {
      from.push(index);
      to.push(index + char.length);
    }
    folded += plain;
    index += char.length;
  }
  return { folded, from, to };
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/**
 * Every occurrence of `phrase` in `text`, ignoring case and accents. With `wholeWords` an
 * occurrence must not run on into a letter or digit either side (a name "Al" is not in "Alan").
 */
export function findOccurrences(text: string, phrase: string, wholeWords = false): Span[] {
  const needle = fold(phrase.trim()).folded;
  if (!needle) return [];
  const { folded, from, to } = fold(text);
  const spans: Span[] = [];
  for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (wholeWords && (isWordChar(folded[at - 1]) || isWordChar(folded[end]))) continue;
    const start = from[at]!;
    spans.push({ start, length: to[end - 1]! - start });
  }
  return spans;
}

/**
 * Overlapping or touching spans as one, in order. The merged span keeps the first exemption met,
 * except that a third-party span joined to another keeps `third-party` only when all of it is.
 */
export function mergeSpans(spans: readonly MarkedSpan[]): MarkedSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.length - a.length);
  const merged: MarkedSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.start + last.length) {
      const end = Math.max(last.start + last.length, span.start + span.length);
      if (last.exemption !== span.exemption && last.exemption === 'third-party') last.exemption = span.exemption;
      last.length = end - last.start;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/** The text as the person receives it: each (merged) redacted span replaced by its mark. */
export function applyRedactions(text: string, spans: readonly MarkedSpan[]): string {
  let out = '';
  let at = 0;
  for (const span of mergeSpans(spans)) {
    out += text.slice(at, span.start) + redactionMark(span.exemption);
    at = span.start + span.length;
  }
  return out + text.slice(at);
}

/**
 * The forms of a person's name to look for: the whole name and each part long enough to be a
 * name rather than an initial, less any the subject is known by too (their own name stays).
 */
export function nameForms(names: readonly { firstName: string; lastName: string }[], keep: readonly string[]): string[] {
  const kept = new Set(keep.map((k) => fold(k).folded));
  const forms = new Set<string>();
  for (const { firstName, lastName } of names) {
    for (const form of [`${firstName} ${lastName}`, firstName, lastName]) {
      const trimmed = form.trim();
      if (trimmed.length >= 2 && !kept.has(fold(trimmed).folded)) forms.add(trimmed);
    }
  }
  // Longest first, so a whole name is found as one span before its parts.
  return [...forms].sort((a, b) => b.length - a.length);
}
