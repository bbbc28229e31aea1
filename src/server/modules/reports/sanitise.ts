import sanitizeHtml from 'sanitize-html';

/**
 * The only markup a report keeps: what the editor offers (paragraphs, emphasis, lists, quotes,
 * small headings, links). Everything else is dropped, with its content where it is a script or a
 * style, so that the HTML the app renders can never run code or restyle the page.
 */
export const allowed: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'u', 's', 'ul', 'ol', 'li', 'blockquote', 'h3', 'h4', 'a'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'],
};

// The second pass: links open in a new tab and give the page they open no hold on Concord's
// window. rel and target are allowed only because the transform always sets them.
const links: sanitizeHtml.IOptions = {
  ...allowed,
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
};

/** A link whose address the first pass refused is left as `<a>`: keep its words, drop the link. */
const emptyLink = /<a>([\s\S]*?)<\/a>/g;

const blockBreaks = /<\/?(p|li|ul|ol|blockquote|h[2-4])>|<br\s*\/?>/g;

export interface SanitisedBody {
  html: string;
  /** The words alone, a line per paragraph: for search and short previews. */
  text: string;
}

/** The words of sanitised HTML alone, a line per block. */
export function textOf(html: string): string {
  return sanitizeHtml(html.replace(blockBreaks, (tag) => `\n${tag}\n`), { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .split('\n').map((line) => line.trim()).filter(Boolean).join('\n');
}

export function sanitiseBody(input: string): SanitisedBody {
  const html = sanitizeHtml(sanitizeHtml(input, allowed).replace(emptyLink, '$1'), links).trim();
  const text = textOf(html);
  return { html: text ? html : '', text };
}
