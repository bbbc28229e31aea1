import { z } from 'zod';
import { isoTime, ref, text, uuid, version } from './common.ts';
import { snippetPart } from './insights.ts';

// ---- How-to help ---------------------------------------------------------------------------

/** An article's address in the app: /help/<slug>. */
export const helpSlug = z.string().trim().min(1, 'must not be blank').max(80, 'must be at most 80 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters and numbers joined by hyphens');

/**
 * A screen the article helps with, as the app's route pattern: `/profiles/:id`, `/search`. A
 * `:name` part stands for any one part of the path.
 */
export const screenPattern = z.string().trim().max(120, 'must be at most 120 characters')
  .regex(/^\/([a-z0-9-]+|:[a-zA-Z]+)?(\/([a-z0-9-]+|:[a-zA-Z]+))*$/, 'must be a path of the app such as /profiles/:id');

export const helpArticleSummary = z.object({
  id: uuid,
  slug: z.string(),
  title: z.string(),
  screens: z.array(z.string()),
  updatedAt: isoTime,
});
export type HelpArticleSummary = z.infer<typeof helpArticleSummary>;
export const helpArticleList = z.object({ items: z.array(helpArticleSummary) });

export const helpArticle = helpArticleSummary.extend({
  /** The Markdown as written, for editing. */
  body: z.string(),
  /** The Markdown rendered and sanitised on the server: the only HTML of an article the app shows. */
  html: z.string(),
  version: z.number().int(),
  /** Null while it is the wording Concord shipped. */
  updatedBy: ref.nullable(),
});
export type HelpArticle = z.infer<typeof helpArticle>;

export const helpArticleParams = z.object({ slug: z.string().max(80) });

const helpFields = {
  title: text(200),
  body: text(50_000),
  screens: z.array(screenPattern).max(20, 'must be at most 20 screens').default([]),
};
export const helpArticleCreate = z.strictObject({ slug: helpSlug, ...helpFields });
export const helpArticleUpdate = z.strictObject({ ...helpFields, version });
export type HelpArticleUpdate = z.infer<typeof helpArticleUpdate>;

export const helpPreviewBody = z.strictObject({ body: z.string().max(50_000, 'must be at most 50000 characters') });
export const helpPreview = z.object({ html: z.string() });

export const helpArticleVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  changedBy: ref.nullable(),
  changedAt: isoTime,
});
export const helpArticleVersions = z.object({ items: z.array(helpArticleVersion) });

export const helpSearchQuery = z.object({ q: z.string().trim().min(1, 'must not be blank').max(200, 'must be at most 200 characters') });
export const helpSearchResult = z.object({
  slug: z.string(),
  title: z.string(),
  /** Words around the match, the searched-for words marked: plain text runs, never HTML. */
  snippet: z.array(snippetPart),
});
export type HelpSearchResult = z.infer<typeof helpSearchResult>;
export const helpSearchReply = z.object({ items: z.array(helpSearchResult) });

/**
 * Whether a route pattern matches a path of the app: the same number of parts, each equal or a
 * `:name` standing for any one.
 */
export function screenMatches(pattern: string, pathname: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  return want.length === have.length && want.every((part, i) => part.startsWith(':') || part === have[i]);
}

// ---- The suggestion box --------------------------------------------------------------------

export const suggestionStatuses = ['under_review', 'planned', 'done', 'declined'] as const;
export type SuggestionStatus = (typeof suggestionStatuses)[number];
export const suggestionStatusLabels: Record<SuggestionStatus, string> = {
  under_review: 'Under review',
  planned: 'Planned',
  done: 'Done',
  declined: 'Declined',
};

export const suggestionCreate = z.strictObject({ title: text(200), body: text(5_000) });
export const suggestionAnswerBody = z.strictObject({ body: text(5_000) });
export const suggestionStatusBody = z.strictObject({ status: z.enum(suggestionStatuses), version });

export const suggestionSorts = ['newest', 'support'] as const;
export const suggestionListQuery = z.object({
  status: z.enum(suggestionStatuses).optional(),
  sort: z.enum(suggestionSorts).default('newest'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const suggestion = z.object({
  id: uuid,
  title: z.string(),
  body: z.string(),
  status: z.enum(suggestionStatuses),
  author: ref,
  createdAt: isoTime,
  supportCount: z.number().int(),
  /** Whether the caller supports it. */
  supported: z.boolean(),
  answer: z.object({ body: z.string(), by: ref, at: isoTime }).nullable(),
  version: z.number().int(),
});
export type Suggestion = z.infer<typeof suggestion>;
export const suggestionPage = z.object({ items: z.array(suggestion), nextCursor: z.string().nullable() });
export const suggestionCreated = z.object({ id: uuid });
