import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { TemplateDefinition } from '../../../../shared/api/assessments.ts';
import { assessments, assessmentTemplateVersions as versions } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { canReadContent, teamCanView } from '../../../platform/access/records.ts';

/** Which subjects count: those whose current address's postcode is in the area, sector or district. */
export type AreaMatch =
  | { kind: 'area'; letters: string }
  | { kind: 'outward'; value: string }
  | { kind: 'sector'; value: string };

export interface StatisticsFilter {
  from?: string | undefined;
  to?: string | undefined;
  area?: AreaMatch | undefined;
}

/** A postcode (stored normalised, "DE4 3AG") matches: by its letters, its outward code or its sector. */
function postcodeMatches(postcode: SQL, area: AreaMatch): SQL {
  const compact = sql`replace(upper(${postcode}), ' ', '')`;
  const outward = sql`left(${compact}, length(${compact}) - 3)`;
  const sector = sql`left(${compact}, length(${compact}) - 2)`;
  switch (area.kind) {
    case 'area':
      return sql`substring(${outward} from '^[A-Z]+') = ${area.letters}`;
    case 'outward':
      return sql`(${outward} = ${area.value} or ${sector} = ${area.value})`;
    case 'sector':
      return sql`${sector} = ${area.value}`;
  }
}

const currentAddressIn = (profileId: SQL, area: AreaMatch) => sql`exists (select 1 from profile_addresses pa
  where pa.profile_id = ${profileId}
    and (pa.from_date is null or pa.from_date <= (now() at time zone 'Europe/London')::date)
    and (pa.to_date is null or pa.to_date >= (now() at time zone 'Europe/London')::date)
    and pa.postcode is not null and length(replace(pa.postcode, ' ', '')) >= 5
    and ${postcodeMatches(sql`pa.postcode`, area)})`;

function inArea(area: AreaMatch): SQL {
  return sql`(case assessments.record_kind
    when 'profile' then ${currentAddressIn(sql`assessments.record_id`, area)}
    else exists (select 1 from case_profiles cp where cp.case_id = assessments.record_id and ${currentAddressIn(sql`cp.profile_id`, area)})
  end)`;
}

/**
 * The completed assessments with a template, completed (London days) in the range, that the
 * actor may read: they can open the record, and the visibility lets them see the content.
 */
export async function readableCompleted(tx: Tx, actor: Actor, templateId: string, filter: StatisticsFilter) {
  const team = sql`${actor.teamId}::uuid`;
  const organisation = sql`${actor.organisationId}::uuid`;
  const recordId = sql`assessments.record_id`;
  return tx.select({
    id: assessments.id,
    recordKind: assessments.recordKind,
    recordId: assessments.recordId,
    templateVersionId: assessments.templateVersionId,
    score: assessments.score,
    adjustedScore: assessments.adjustedScore,
    adjustmentStatus: assessments.adjustmentStatus,
    answers: assessments.answers,
    completedAt: assessments.completedAt,
  }).from(assessments)
    .where(and(
      eq(assessments.partnershipId, actor.partnershipId),
      eq(assessments.templateId, templateId),
      eq(assessments.status, 'completed'),
      filter.from ? sql`${assessments.completedAt} >= (${filter.from}::date)::timestamp at time zone 'Europe/London'` : undefined,
      filter.to ? sql`${assessments.completedAt} < (${filter.to}::date + 1)::timestamp at time zone 'Europe/London'` : undefined,
      or(
        and(eq(assessments.recordKind, 'profile'), teamCanView('profile', recordId, team, organisation)),
        and(eq(assessments.recordKind, 'case'), teamCanView('case', recordId, team, organisation)),
      ),
      canReadContent(actor, { visibility: assessments.visibility, authorId: assessments.authorId, authorTeamId: assessments.authorTeamId }),
      filter.area ? inArea(filter.area) : undefined,
    ))
    .orderBy(asc(assessments.completedAt), asc(assessments.id));
}

export async function definitionsOf(tx: Tx, versionIds: string[]): Promise<Map<string, TemplateDefinition>> {
  if (versionIds.length === 0) return new Map();
  const rows = await tx.select({ id: versions.id, definition: versions.definition }).from(versions).where(inArray(versions.id, [...new Set(versionIds)]));
  return new Map(rows.map((r) => [r.id, r.definition]));
}

export type CompletedRow = Awaited<ReturnType<typeof readableCompleted>>[number];
