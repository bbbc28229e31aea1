import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { helpArticles, helpArticleVersions, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import { headlineOptions, matchStart, matchStop } from '../search/snippet.ts';

const editor = alias(users, 'editor');

const articleColumns = {
  id: helpArticles.id,
  slug: helpArticles.slug,
  title: helpArticles.title,
  body: helpArticles.body,
  html: helpArticles.html,
  screens: helpArticles.screens,
  version: helpArticles.version,
  updatedAt: helpArticles.updatedAt,
  updatedById: helpArticles.updatedBy,
  updatedByName: editor.name,
};

export type ArticleRow = Awaited<ReturnType<typeof getArticle>>;

/** The partnership's articles, by title. */
export async function listArticles(tx: Tx, partnershipId: string) {
  return tx
    .select({ id: helpArticles.id, slug: helpArticles.slug, title: helpArticles.title, screens: helpArticles.screens, updatedAt: helpArticles.updatedAt })
    .from(helpArticles)
    .where(eq(helpArticles.partnershipId, partnershipId))
    .orderBy(asc(helpArticles.title), asc(helpArticles.id));
}

/** One article of the partnership by its slug; `lock` holds it for an edit. */
export async function getArticle(tx: Tx, partnershipId: string, slug: string, lock = false) {
  const query = tx
    .select(articleColumns)
    .from(helpArticles)
    .leftJoin(editor, eq(editor.id, helpArticles.updatedBy))
    .where(and(eq(helpArticles.partnershipId, partnershipId), eq(helpArticles.slug, slug)));
  const [row] = lock ? await query.for('update', { of: helpArticles }) : await query;
  return row;
}

export interface ArticleWrite {
  title: string;
  body: string;
  html: string;
  bodyText: string;
  screens: string[];
}

/** Returns null when the slug is taken in the partnership. */
export async function insertArticle(tx: Tx, partnershipId: string, slug: string, write: ArticleWrite, by: string) {
  const [row] = await tx
    .insert(helpArticles)
    .values({ partnershipId, slug, ...write, updatedBy: by })
    .onConflictDoNothing()
    .returning({ id: helpArticles.id });
  return row ?? null;
}

/** Keeps the wording being replaced, then writes the new one as the next version. */
export async function updateArticle(tx: Tx, current: NonNullable<ArticleRow>, write: ArticleWrite, by: string) {
  await tx.insert(helpArticleVersions).values({
    articleId: current.id,
    version: current.version,
    title: current.title,
    body: current.body,
    screens: current.screens,
    changedBy: current.updatedById,
    changedAt: current.updatedAt,
  });
  await tx
    .update(helpArticles)
    .set({ ...write, updatedBy: by, version: current.version + 1, updatedAt: new Date() })
    .where(eq(helpArticles.id, current.id));
}

/** The article's earlier versions, latest first. */
export async function listVersions(tx: Tx, articleId: string) {
  return tx
    .select({ version: helpArticleVersions.version, title: helpArticleVersions.title, changedAt: helpArticleVersions.changedAt, changedById: helpArticleVersions.changedBy, changedByName: editor.name })
    .from(helpArticleVersions)
    .leftJoin(editor, eq(editor.id, helpArticleVersions.changedBy))
    .where(eq(helpArticleVersions.articleId, articleId))
    .orderBy(desc(helpArticleVersions.version));
}

export interface ArticleHit extends Record<string, unknown> {
  slug: string;
  title: string;
  headline: string;
}

/**
 * The partnership's articles whose words match (`websearch_to_tsquery`, English stems, on the GIN
 * index), best first (`ts_rank_cd`; title words weigh more), each with a headline from its body
 * marked as report search marks them. Words that are all stop words find nothing.
 */
export async function searchArticles(tx: Tx, partnershipId: string, text: string, limit: number): Promise<ArticleHit[]> {
  const { rows } = await tx.execute<ArticleHit>(sql`
    with query as (select websearch_to_tsquery('english', ${text}) as q),
    found as (
      select ${helpArticles.slug} as slug, ${helpArticles.title} as title, ${helpArticles.bodyText} as body_text,
             ts_rank_cd(${helpArticles.searchVector}, query.q) as rank
        from ${helpArticles} cross join query
       where numnode(query.q) > 0 and ${helpArticles.partnershipId} = ${partnershipId} and ${helpArticles.searchVector} @@ query.q
       order by rank desc, ${helpArticles.title}
       limit ${limit})
    select found.slug, found.title,
           ts_headline('english', translate(found.body_text, ${matchStart + matchStop}, ''), query.q, ${headlineOptions}) as headline
      from found cross join query
     order by found.rank desc, found.title`);
  return rows;
}
