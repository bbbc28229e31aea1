const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * At most `max` UTF-16 units of `text`, cut between characters as a person sees them. A cut inside
 * a surrogate pair leaves half a character, which shows as U+FFFD and which PostgreSQL's JSON (an
 * audit row's changes) refuses.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}
