import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { helpArticleCreate } from '../../../../shared/api/help.ts';

/**
 * The how-to articles Concord ships, one Markdown file each in this folder, every partnership's
 * starting wording. A file starts with its title and the screens it helps with:
 *
 *     ---
 *     title: How do I share a profile with another team?
 *     screens: /profiles/:id, /cases/:id
 *     ---
 *
 * and its name (less `.md`) is the article's slug.
 */
export interface ShippedArticle {
  slug: string;
  title: string;
  screens: string[];
  body: string;
}

const folder = fileURLToPath(new URL('.', import.meta.url));
const heading = /^---\n([\s\S]*?)\n---\n/;

function parse(slug: string, source: string): ShippedArticle {
  const match = heading.exec(source);
  if (!match) throw new Error(`help article ${slug}: no --- heading`);
  const fields = Object.fromEntries(match[1]!.split('\n').map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
  }));
  // The same checks an administrator's article passes, so a shipped one can always be saved again.
  return helpArticleCreate.parse({
    slug,
    title: fields.title,
    screens: fields.screens ? fields.screens.split(',').map((s: string) => s.trim()).filter(Boolean) : [],
    body: source.slice(match[0].length).trim(),
  });
}

let cached: ShippedArticle[] | undefined;

export function shippedArticles(): ShippedArticle[] {
  cached ??= readdirSync(folder).filter((name) => name.endsWith('.md')).sort()
    .map((name) => parse(name.slice(0, -'.md'.length), readFileSync(join(folder, name), 'utf8')));
  return cached;
}
