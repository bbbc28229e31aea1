/**
 * The public referral pages are HTML made on the server with GOV.UK Frontend's Nunjucks macros,
 * so they work with no JavaScript on an old phone. Autoescaping is on: whatever a person typed
 * is shown as text, never as markup. The stylesheet and the script are built by `vite build`
 * (src/public) and found through its manifest; without a build the pages still work, unstyled.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import nunjucks from 'nunjucks';
import type { FieldView } from './fields.ts';

const views = fileURLToPath(new URL('./views', import.meta.url));
const govukFrontend = join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');
const manifestFile = fileURLToPath(new URL('../../../../../dist/web/.vite/manifest.json', import.meta.url));

export interface PublicAssets {
  css: string[];
  js: string | null;
}

interface ManifestEntry {
  file: string;
  name?: string;
  isEntry?: boolean;
  css?: string[];
}

/** The built stylesheet and script of the public pages, by their hashed names. */
export function readAssets(log: FastifyBaseLogger): PublicAssets {
  if (!existsSync(manifestFile)) {
    log.warn('the public referral pages\' stylesheet is not built (run "npx vite build"); serving them unstyled');
    return { css: [], js: null };
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestEntry>;
  const entry = Object.values(manifest).find((e) => e.isEntry && e.name === 'refer');
  if (!entry) return { css: [], js: null };
  return { css: (entry.css ?? []).map((file) => `/${file}`), js: `/${entry.file}` };
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text as typed, new lines kept, for a macro's `html` option: escaped here, since the macro takes
 * `html` as it is. (A macro indents every line of its `html`, so the lines are <br>, not CSS.)
 */
export const linesHtml = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c]!).split('\n').join('<br>');

export interface Pages {
  /** A whole page from `views/<name>.njk`. */
  page(name: string, context: Record<string, unknown>): string;
  /** One field, and the fields it reveals or holds, through its GOV.UK macro. */
  field(view: FieldView): string;
}

export function createPages(assets: PublicAssets): Pages {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([views, govukFrontend]), { autoescape: true, throwOnUndefined: false });
  // A form's introduction and privacy notice are plain text; a blank line starts a paragraph.
  env.addFilter('paragraphs', (text: unknown) => String(text ?? '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean));

  const field = (view: FieldView): string => {
    const params = { ...view.params };
    if (view.reveals?.length) {
      params.items = (params.items as { value: string }[]).map((item) => {
        const reveal = view.reveals!.find((r) => r.value === item.value);
        return reveal ? { ...item, conditional: { html: reveal.fields.map(field).join('') } } : item;
      });
    }
    if (view.fields) params.html = view.fields.map(field).join('');
    return env.render('field.njk', { macro: view.macro, params });
  };

  return {
    page: (name, context) => env.render(`${name}.njk`, { ...context, assets }),
    field,
  };
}
