import { and, eq } from 'drizzle-orm';
import type { TemplateDefinition } from '../../../../shared/api/assessments.ts';
import type { LookupList } from '../../../../shared/records.ts';
import { addDays, londonInstant, londonToday } from '../../../platform/london.ts';
import { assessmentTemplates, assessmentTemplateVersions, lookups } from '../../schema/index.ts';
import type { Tx } from '../../transaction.ts';
import type { Random } from './random.ts';

/** The demo teams the data set works in, by "<organisation>/<team>" as the demo seed names them. */
export const demoTeams = {
  policeAsb: 'Demo County Police/ASB team',
  policeIom: 'Demo County Police/IOM team',
  neighbourhood: 'Demo County Police/Neighbourhood policing',
  councilSafety: 'Demo District Council/Community Safety team',
  environmentalHealth: 'Demo District Council/Environmental Health',
  housing: 'Demo Housing Association/Tenancy team',
  fire: 'Demo Fire and Rescue Service/Community Safety team',
  probation: 'Demo Probation Service/Offender Management team',
  idva: 'Demo Domestic Abuse Charity/IDVA team',
} as const;
export type TeamKey = keyof typeof demoTeams;

export interface Team {
  id: string;
  organisationId: string;
}

/** Someone of a team who writes its reports, sets its tasks and completes its assessments. */
export interface Worker {
  id: string;
  team: TeamKey;
  teamId: string;
  organisationId: string;
}

/** The day the data set counts back from (London), and instants on its days. */
export interface Clock {
  today: string;
  daysAgo(days: number): string;
  /** A London wall-clock time on a date. */
  at(date: string, hour: number, minute?: number): Date;
  /** The London date of an instant. */
  dateOf(instant: Date): string;
}

export function clockOf(today: string): Clock {
  return {
    today,
    daysAgo: (days) => addDays(today, -days),
    at: (date, hour, minute = 0) => new Date(londonInstant(date, hour).getTime() + minute * 60_000),
    dateOf: (instant) => londonToday(instant),
  };
}

export interface BuiltInTemplate {
  id: string;
  versionId: string;
  version: number;
  definition: TemplateDefinition;
}

/** What every part of the data set draws on: the partnership, its teams and people, lists and templates. */
export interface World {
  partnershipId: string;
  random: Random;
  clock: Clock;
  teams: Record<TeamKey, Team>;
  /** Filled in by the staff step: each team's workers, demo accounts first. */
  workers: Record<TeamKey, Worker[]>;
  lookup(list: LookupList, key: string): string;
  /** A case type's reference prefix, as a new case of the type is numbered. */
  caseTypeCode(key: string): string;
  templates: { screening: BuiltInTemplate; matrix: BuiltInTemplate };
}

/** The partnership's lookup values by list and key, as the app resolves them by key. */
export async function lookupsOf(tx: Tx, partnershipId: string): Promise<Pick<World, 'lookup' | 'caseTypeCode'>> {
  const rows = await tx.select({ id: lookups.id, list: lookups.list, key: lookups.key, code: lookups.code }).from(lookups).where(eq(lookups.partnershipId, partnershipId));
  const byKey = new Map(rows.map((r) => [`${r.list}/${r.key}`, r]));
  const find = (list: LookupList, key: string) => {
    const row = byKey.get(`${list}/${key}`);
    if (!row) throw new Error(`The demo data set names a ${list} the partnership lacks: ${key}`);
    return row;
  };
  return {
    lookup: (list, key) => find(list, key).id,
    caseTypeCode: (key) => (find('case_type', key).code ?? key).toUpperCase(),
  };
}

/** A built-in template's current version, as the partnership defaults seeded it. */
export async function templateOf(tx: Tx, partnershipId: string, key: string): Promise<BuiltInTemplate> {
  const [row] = await tx.select({ id: assessmentTemplates.id, versionId: assessmentTemplateVersions.id, version: assessmentTemplateVersions.version, definition: assessmentTemplateVersions.definition })
    .from(assessmentTemplates)
    .innerJoin(assessmentTemplateVersions, and(eq(assessmentTemplateVersions.templateId, assessmentTemplates.id), eq(assessmentTemplateVersions.version, assessmentTemplates.version)))
    .where(and(eq(assessmentTemplates.partnershipId, partnershipId), eq(assessmentTemplates.key, key)));
  if (!row) throw new Error(`The demo data set names a template the partnership lacks: ${key}`);
  return row;
}
