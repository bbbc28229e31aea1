import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { suggestionStatuses } from '../../../shared/api/help.ts';
import { at, id, timestamps, version } from './columns.ts';
import { inList } from './sharing.ts';
import { partnerships, users } from './structure.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A how-to article of one partnership, written in Markdown: seeded from the wording Concord ships
 * (db/seed/help.ts) and then the partnership's own, kept by its system administrators. The HTML
 * and the plain words are made from the Markdown when it is written, so a read renders nothing.
 */
export const helpArticles = pgTable('help_articles', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  slug: text('slug').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  html: text('html').notNull(),
  bodyText: text('body_text').notNull(),
  /** The app's route patterns the article helps with (`/profiles/:id`), for "How do I…" on those screens. */
  screens: text('screens').array().notNull().default(sql`'{}'::text[]`),
  /** Title words weigh more than body words in the ranking; kept by the database. */
  searchVector: tsvector('search_vector').generatedAlwaysAs(
    sql`setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, body_text), 'B')`,
  ),
  /** Null while the article is the wording Concord shipped. */
  updatedBy: uuid('updated_by').references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  uniqueIndex('help_articles_partnership_slug_key').on(t.partnershipId, t.slug),
  // Search is always within one partnership, as for reports.
  index('help_articles_search_idx').using('gin', t.partnershipId, t.searchVector),
]);

/** The wording an edit replaced: each earlier version of an article. */
export const helpArticleVersions = pgTable('help_article_versions', {
  id: id(),
  articleId: uuid('article_id').notNull().references(() => helpArticles.id),
  version: integer('version').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  screens: text('screens').array().notNull(),
  changedBy: uuid('changed_by').references(() => users.id),
  changedAt: at('changed_at').notNull(),
}, (t) => [
  uniqueIndex('help_article_versions_article_version_key').on(t.articleId, t.version),
]);

/** A suggestion to improve Concord, read by everyone in its partnership, answered by its system administrators. */
export const suggestions = pgTable('suggestions', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  authorId: uuid('author_id').notNull().references(() => users.id),
  title: text('title').notNull(),
  body: text('body').notNull(),
  status: text('status', { enum: suggestionStatuses }).notNull().default('under_review'),
  answer: text('answer'),
  answeredBy: uuid('answered_by').references(() => users.id),
  answeredAt: at('answered_at'),
  version: version(),
  ...timestamps,
}, (t) => [
  index('suggestions_partnership_idx').on(t.partnershipId, t.id),
  check('suggestions_status_check', sql`${t.status} in (${inList(suggestionStatuses)})`),
  check('suggestions_answer_check', sql`(${t.answer} is null) = (${t.answeredBy} is null) and (${t.answer} is null) = (${t.answeredAt} is null)`),
]);

/** One person's support of a suggestion: at most once each. */
export const suggestionSupports = pgTable('suggestion_supports', {
  suggestionId: uuid('suggestion_id').notNull().references(() => suggestions.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.suggestionId, t.userId] }),
]);
