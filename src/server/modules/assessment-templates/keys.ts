import { slug } from '../../db/seed/lookup-defaults.ts';

/**
 * A key made from a name or a question's wording: lower-case letters, digits and hyphens, short
 * enough to name an answer, with a number added when the plain one is taken.
 */
export async function freeKey(name: string, keysLike: (stem: string) => Promise<string[]>, fallback: string): Promise<string> {
  const stem = slug(name).replace(/_/g, '-').replace(/-+/g, '-').replace(/^-+/, '').slice(0, 50).replace(/-+$/, '') || fallback;
  const used = new Set(await keysLike(stem));
  let key = stem;
  for (let n = 2; used.has(key); n++) key = `${stem}-${n}`;
  return key;
}
