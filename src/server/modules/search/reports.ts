import type { z } from 'zod';
import type { reportSearchQuery, ReportSearchResult } from '../../../shared/api/insights.ts';
import type { Context } from '../../platform/context.ts';
import * as q from './queries.ts';
import { snippetParts } from './snippet.ts';

/**
 * The search box's report text: reports whose words match, stemmed as English, that the actor may
 * read on records they may open, best match first, each with a snippet of its text in which the
 * words found are marked. The words searched for are kept in the search's own audit event, which
 * only its actor reads back, as `search.performed` keeps a search by name.
 */
export async function searchReports(ctx: Context, query: z.infer<typeof reportSearchQuery>): Promise<{ items: ReportSearchResult[] }> {
  const rows = await q.searchReports(ctx.tx, ctx.actor, query.q, query.limit);
  const items = rows.map((row): ReportSearchResult => ({
    id: row.id,
    record: { kind: row.record_kind, id: row.record_id, title: row.record_title },
    type: { id: row.type_id, name: row.type_name },
    occurredAt: row.occurred_at,
    author: { team: { id: row.team_id, name: row.team_name }, organisation: { id: row.organisation_id, name: row.organisation_name } },
    snippet: snippetParts(row.headline),
    rank: Math.round(row.rank * 1000) / 1000,
  }));
  ctx.audit({ action: 'reports.searched', details: { query: query.q, resultCount: items.length, reportIds: items.map((i) => i.id) } });
  return { items };
}
