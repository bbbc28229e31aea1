import { sql } from 'drizzle-orm';
import { shippedArticles } from '../../modules/help/articles/index.ts';
import { renderArticle } from '../../modules/help/render.ts';
import type { Drizzle } from '../connection.ts';
import { helpArticles, partnerships } from '../schema/index.ts';
import type { Tx } from '../transaction.ts';

/**
 * Gives a partnership (or every partnership) each shipped how-to article it has not had yet, by
 * slug: one its administrators reworded keeps their wording, and a new release's articles arrive.
 */
export async function ensureHelpArticles(tx: Tx | Drizzle, partnershipId?: string): Promise<void> {
  const which = partnershipId ? sql`p.id = ${partnershipId}` : sql`true`;
  for (const article of shippedArticles()) {
    const { html, text } = renderArticle(article.body);
    const screens = sql`${`{${article.screens.join(',')}}`}::text[]`;
    await tx.execute(sql`
      insert into ${helpArticles} (id, partnership_id, slug, title, body, html, body_text, screens)
      select uuid_generate_v5(p.id, ${`help-article:${article.slug}`}), p.id, ${article.slug}, ${article.title}, ${article.body}, ${html}, ${text}, ${screens}
        from ${partnerships} p where ${which}
      on conflict do nothing`);
  }
}
