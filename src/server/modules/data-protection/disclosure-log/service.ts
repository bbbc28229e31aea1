import type { z } from 'zod';
import type { DisclosureLogEntry, DisclosureLogPage, disclosureLogExportQuery, disclosureLogQuery } from '../../../../shared/api/retention.ts';
import type { ExportFormat } from '../../../../shared/insights.ts';
import { protectiveMarking } from '../../../../shared/insights.ts';
import { disclosureLogKindLabels } from '../../../../shared/retention.ts';
import { canManageOrganisation } from '../../../platform/access/administration.ts';
import type { Context } from '../../../platform/context.ts';
import { decodeCheckedCursor, pageOf } from '../../../platform/cursor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { addDays, londonInstant } from '../../../platform/london.ts';
import { tableCsv, tablesXlsx, type ExportTable } from '../../../platform/spreadsheet.ts';
import * as q from './queries.ts';

type Range = z.infer<typeof disclosureLogExportQuery>;

/** A police organisation's log is for its own administrators and the partnership's system administrators. */
async function policeOrganisation(ctx: Context, range: Range) {
  const organisation = await q.organisationOf(ctx.tx, range.organisationId);
  if (!organisation || organisation.partnership_id !== ctx.actor.partnershipId) throw new NotFoundError('organisation');
  if (!canManageOrganisation(ctx.actor, organisation.id)) {
    ctx.refuse({ action: 'access.refused', entityType: 'organisation', entityId: organisation.id, details: { why: 'not an administrator of the organisation' } });
    throw new ForbiddenError('Only the organisation\'s administrators export its log.');
  }
  if (organisation.kind !== 'police') throw new ValidationError([{ field: 'organisationId', problem: 'is not a police organisation: the s62 log is kept for police users' }]);
  if (range.to < range.from) throw new ValidationError([{ field: 'to', problem: 'must not be before the start' }]);
  // London's days, the end date included.
  return { organisation, from: londonInstant(range.from, 0), to: londonInstant(addDays(range.to, 1), 0) };
}

function present(row: q.LogRow): DisclosureLogEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    user: { id: row.actor_id, name: row.actor_name ?? '' },
    team: row.team_id ? { id: row.team_id, name: row.team_name ?? '' } : null,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    kind: row.kind,
    action: row.action,
    record: row.entity_type && row.entity_id ? { type: row.entity_type, id: row.entity_id, reference: row.reference } : null,
    justification: row.justification,
    recipients: row.recipients,
  };
}

const isSeq = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

export async function logPage(ctx: Context, query: z.infer<typeof disclosureLogQuery>): Promise<DisclosureLogPage> {
  const { organisation, from, to } = await policeOrganisation(ctx, query);
  const [afterSeq] = decodeCheckedCursor<[number]>(query.cursor, isSeq) ?? [null];
  const rows = await q.logRows(ctx.tx, { organisationId: organisation.id, from, to, afterSeq, limit: query.limit });
  const page = pageOf(rows, query.limit, present, (r) => [Number(r.seq)]);
  ctx.audit({ action: 'disclosure_log.viewed', entityType: 'organisation', entityId: organisation.id, details: { organisationId: organisation.id, from: query.from, to: query.to, rows: page.items.length } });
  return page;
}

const london = (at: Date) => at.toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'medium' });

function logTable(rows: q.LogRow[]): ExportTable {
  return {
    title: 'DPA 2018 s62 log',
    columns: ['Date and time', 'Who', 'Team', 'Organisation', 'Consultation or disclosure', 'What was done', 'Record', 'Reference', 'Justification', 'Recipients'],
    rows: rows.map((r) => [
      london(r.at), r.actor_name, r.team_name, r.organisation_name, disclosureLogKindLabels[r.kind], r.action,
      r.entity_type && r.entity_id ? `${r.entity_type} ${r.entity_id}` : null, r.reference, r.justification, r.recipients,
    ]),
  };
}

/** The whole range as CSV or an XLSX workbook for the ICO, marked OFFICIAL-SENSITIVE; the export is itself audited. */
export async function exportLog(ctx: Context, range: Range, format: ExportFormat): Promise<{ body: string | Buffer; fileName: string }> {
  const { organisation, from, to } = await policeOrganisation(ctx, range);
  const rows = await q.logRows(ctx.tx, { organisationId: organisation.id, from, to, afterSeq: null, limit: null });
  ctx.audit({ action: 'disclosure_log.exported', entityType: 'organisation', entityId: organisation.id, details: { organisationId: organisation.id, from: range.from, to: range.to, rows: rows.length, format } });
  const table = logTable(rows);
  const fileName = `s62-log-${range.from}-to-${range.to}.${format}`;
  if (format === 'csv') return { body: tableCsv(table, protectiveMarking), fileName };
  const body = await tablesXlsx({ title: `DPA 2018 s62 log: ${organisation.name}`, lines: [`From ${range.from} to ${range.to}`], marking: protectiveMarking }, [table]);
  return { body, fileName };
}
