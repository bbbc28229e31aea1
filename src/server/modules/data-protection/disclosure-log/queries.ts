import { sql, type SQL } from 'drizzle-orm';
import type { DisclosureLogKind } from '../../../../shared/retention.ts';
import type { Tx } from '../../../db/transaction.ts';

/** An organisation of the partnership, with its kind (only a police organisation keeps an s62 log). */
export async function organisationOf(tx: Tx, id: string) {
  const { rows } = await tx.execute<{ id: string; name: string; kind: string; partnership_id: string }>(sql`
    select id, name, kind, partnership_id from organisations where id = ${id}`);
  return rows[0] ?? null;
}

/** Giving what a record holds to others: sharing it, exporting it, referring it to a panel. */
const disclosures = ['record.shared', 'case.summary_exported', 'profile.summary_exported', 'panel_referral.created', 'insights.exported', 'subject_access.downloaded'];

/** Reading what records hold: opening, listing, downloading, searching, matching, looking up. */
const consultation = sql`(e.action like any (array['%.viewed', '%.listed', '%.downloaded', '%.searched', '%.matched']) or e.action in ('search.performed', 'scheme.looked_up'))`;

export type LogRow = {
  id: string; seq: number; at: Date; actor_id: string; actor_name: string | null; team_id: string | null; team_name: string | null;
  organisation_id: string; organisation_name: string; kind: DisclosureLogKind; action: string;
  entity_type: string | null; entity_id: string | null; reference: string | null; justification: string; recipients: string | null;
};

/**
 * DPA 2018 s62: the organisation's staff's consultations and disclosures between two London
 * dates, read from the audit trail by `audit_events_org_idx`. The justification is the reason
 * they gave where they gave one (breaking the glass, asking for access, a look-up), otherwise
 * the basis on which they could open the record: their emergency access, their own team's or
 * organisation's record, or a share to them (F6: Concord asks no reason on ordinary reads).
 * Recipients are the team or organisation a record was shared with, or the panel referred to.
 */
export async function logRows(tx: Tx, filter: { organisationId: string; from: Date; to: Date; afterSeq: number | null; limit: number | null }): Promise<LogRow[]> {
  const conditions: SQL[] = [
    sql`e.organisation_id = ${filter.organisationId}`,
    sql`e.at >= ${filter.from.toISOString()}::timestamptz and e.at < ${filter.to.toISOString()}::timestamptz`,
    sql`e.actor_kind in ('user', 'api_token')`,
    sql`e.outcome = 'success'`,
    sql`(e.action = any(${sql`array[${sql.join(disclosures.map((a) => sql`${a}`), sql`, `)}]::text[]`}) or ${consultation})`,
  ];
  if (filter.afterSeq !== null) conditions.push(sql`e.seq > ${filter.afterSeq}`);
  const { rows } = await tx.execute<LogRow>(sql`
    select e.id, e.seq, e.at, e.actor_id, e.actor_name, e.team_id, t.name as team_name, e.organisation_id, o.name as organisation_name,
           case when e.action = any(${sql`array[${sql.join(disclosures.map((a) => sql`${a}`), sql`, `)}]::text[]`}) then 'disclosure' else 'consultation' end as kind,
           e.action, e.entity_type, e.entity_id,
           case when e.entity_type = 'case' then (select c.reference from cases c where c.id = e.entity_id) end as reference,
           coalesce(
             nullif(v.reason, ''),
             (select 'Emergency access: ' || g.reason from emergency_accesses g
               where g.user_id = e.actor_id and e.at between g.granted_at and g.expires_at
                 and (e.entity_type <> 'profile' or g.profile_id = e.entity_id) order by g.granted_at desc limit 1),
             case when e.entity_id is null then 'Searching or listing in the course of their duties'
                  when e.subject_team_id = e.team_id then 'A record their own team holds'
                  when e.subject_organisation_id = e.organisation_id then 'A record their own organisation holds'
                  when e.subject_organisation_id is not null then 'A record shared with their team or organisation'
                  else 'In the course of their duties' end) as justification,
           case e.action
             when 'record.shared' then coalesce(v.details -> 'target' -> 'team' ->> 'name', v.details -> 'target' -> 'organisation' ->> 'name')
             when 'panel_referral.created' then (select p.name from panels p where p.id::text = coalesce(e.details, v.details) ->> 'panelId')
           end as recipients
      from audit_events e
      left join audit_values v on v.event_id = e.id
      join organisations o on o.id = e.organisation_id
      left join teams t on t.id = e.team_id
     where ${sql.join(conditions, sql` and `)}
     order by e.seq
     ${filter.limit === null ? sql`` : sql`limit ${filter.limit + 1}`}`);
  // A raw statement hands timestamps back as text, and a bigint too.
  return rows.map((r) => ({ ...r, at: new Date(r.at), seq: Number(r.seq) }));
}
