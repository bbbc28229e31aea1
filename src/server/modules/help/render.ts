import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { allowed, textOf } from '../reports/sanitise.ts';

const markdown = new Marked({ gfm: true, async: false });

/**
 * The reports' allow-list, plus h2 for an article's sections, with links only to http(s)
 * addresses or to Concord's own pages (`allowProtocolRelative` is off, so `//host` is dropped
 * too). The transform replaces a link's attributes, so an author's own rel, target or handler
 * never survives: a link to another site opens in a new tab with no hold on Concord's window,
 * one to Concord's pages stays in the tab as the app's own links do.
 */
const helpMarkup: sanitizeHtml.IOptions = {
  ...allowed,
  allowedTags: [...(allowed.allowedTags || []), 'h2'],
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['http', 'https'],
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href ?? '';
      if (/^https?:/i.test(href)) return { tagName, attribs: { href, rel: 'noopener noreferrer', target: '_blank' } };
      return { tagName, attribs: href ? { href } : {} };
    },
  },
};

/** A link whose address was refused is left as `<a>`: keep its words, drop the link. */
const emptyLink = /<a>([\s\S]*?)<\/a>/g;

export interface RenderedArticle {
  html: string;
  /** The words alone, for search and snippets. */
  text: string;
}

/**
 * An article's Markdown as the HTML the app shows. marked passes raw HTML through; the
 * allow-list then drops it (a script or a style with its content), so none survives.
 */
export function renderArticle(body: string): RenderedArticle {
  const html = sanitizeHtml(markdown.parse(body, { async: false }), helpMarkup).replace(emptyLink, '$1').trim();
  return { html, text: textOf(html) };
}
