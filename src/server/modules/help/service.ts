import type { HelpArticle } from '../../../shared/api/help.ts';
import type { Context } from '../../platform/context.ts';
import { NotFoundError, staleVersion, ValidationError } from '../../platform/errors.ts';
import { diff } from '../../platform/audit/diff.ts';
import { snippetParts } from '../search/snippet.ts';
import * as q from './queries.ts';
import { renderArticle } from './render.ts';

/**
 * How-to help: each partnership's own articles, read by all its staff and kept by its system
 * administrators (the route permissions say who). An article is read by its slug, only ever within
 * the reader's partnership: another partnership's slug answers 404 like one that does not exist.
 * Reading help is not audited: an article holds nobody's data. Every change is.
 */

const auditedFields = ['title', 'body', 'screens'] as const;
const audited = (a: { title: string; body: string; screens: string[] }) => ({ title: a.title, body: a.body, screens: a.screens });
const searchLimit = 20;

function present(row: NonNullable<q.ArticleRow>): HelpArticle {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    screens: row.screens,
    body: row.body,
    html: row.html,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedById ? { id: row.updatedById, name: row.updatedByName ?? '' } : null,
  };
}

async function found(ctx: Context, slug: string, lock = false) {
  const row = await q.getArticle(ctx.tx, ctx.actor.partnershipId, slug, lock);
  if (!row) throw new NotFoundError('help article');
  return row;
}

/** An article's Markdown rendered, its HTML sanitised, and a body with no words refused. */
function written(input: { title: string; body: string; screens: string[] }): q.ArticleWrite {
  const { html, text } = renderArticle(input.body);
  if (!text) throw new ValidationError([{ field: 'body', problem: 'must have some words once formatting is taken out' }]);
  return { title: input.title, body: input.body, html, bodyText: text, screens: [...new Set(input.screens)] };
}

export async function list(ctx: Context) {
  const rows = await q.listArticles(ctx.tx, ctx.actor.partnershipId);
  return { items: rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })) };
}

export async function get(ctx: Context, slug: string) {
  return present(await found(ctx, slug));
}

export async function search(ctx: Context, text: string) {
  const hits = await q.searchArticles(ctx.tx, ctx.actor.partnershipId, text, searchLimit);
  return { items: hits.map((h) => ({ slug: h.slug, title: h.title, snippet: snippetParts(h.headline) })) };
}

/** What an edit would show, rendered and sanitised exactly as saving would. */
export function preview(body: string) {
  return { html: renderArticle(body).html };
}

export async function create(ctx: Context, input: { slug: string; title: string; body: string; screens: string[] }) {
  const write = written(input);
  const row = await q.insertArticle(ctx.tx, ctx.actor.partnershipId, input.slug, write, ctx.actor.id);
  if (!row) throw new ValidationError([{ field: 'slug', problem: 'is already used by another article' }]);
  ctx.audit({ action: 'help_article.created', entityType: 'help_article', entityId: row.id, details: { slug: input.slug }, changes: diff(null, audited(write), auditedFields) });
  return get(ctx, input.slug);
}

export async function update(ctx: Context, slug: string, input: { title: string; body: string; screens: string[]; version: number }) {
  const current = await found(ctx, slug, true);
  if (current.version !== input.version) throw staleVersion(present(current));
  const write = written(input);
  const changes = diff(audited(current), audited(write), auditedFields);
  if (Object.keys(changes).length === 0) return present(current);
  await q.updateArticle(ctx.tx, current, write, ctx.actor.id);
  ctx.audit({ action: 'help_article.updated', entityType: 'help_article', entityId: current.id, details: { slug, version: current.version + 1 }, changes });
  return get(ctx, slug);
}

export async function versions(ctx: Context, slug: string) {
  const article = await found(ctx, slug);
  const rows = await q.listVersions(ctx.tx, article.id);
  return {
    items: rows.map((r) => ({
      version: r.version,
      title: r.title,
      changedAt: r.changedAt.toISOString(),
      changedBy: r.changedById ? { id: r.changedById, name: r.changedByName ?? '' } : null,
    })),
  };
}
