import { and, asc, desc, eq, like, or, sql } from 'drizzle-orm';
import type { TemplateDefinition } from '../../../shared/api/assessments.ts';
import type { TemplateStatus } from '../../../shared/assessments.ts';
import { assessmentTemplates as templates, assessmentTemplateVersions as versions, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import { isUuid } from '../../platform/cursor.ts';

const templateColumns = {
  id: templates.id,
  partnershipId: templates.partnershipId,
  key: templates.key,
  name: templates.name,
  description: templates.description,
  ownerTeamId: templates.ownerTeamId,
  ownerTeamName: teams.name,
  ownerOrganisationId: teams.organisationId,
  builtIn: templates.builtIn,
  status: templates.status,
  version: templates.version,
  createdAt: templates.createdAt,
  updatedAt: templates.updatedAt,
};

export interface TemplateRow {
  id: string;
  partnershipId: string;
  key: string;
  name: string;
  description: string | null;
  ownerTeamId: string | null;
  ownerTeamName: string | null;
  ownerOrganisationId: string | null;
  builtIn: boolean;
  status: TemplateStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface VersionRow {
  id: string;
  templateId: string;
  version: number;
  definition: TemplateDefinition;
  createdAt: Date;
  createdBy: string | null;
  createdByName: string | null;
}

/** A template of the partnership by its id or its key (keys are lower-case). */
export async function findTemplate(tx: Tx, partnershipId: string, idOrKey: string): Promise<TemplateRow | null> {
  const byId: boolean = isUuid(idOrKey);
  const [row] = await tx.select(templateColumns).from(templates)
    .leftJoin(teams, eq(teams.id, templates.ownerTeamId))
    .where(and(
      eq(templates.partnershipId, partnershipId),
      byId ? eq(templates.id, idOrKey) : eq(templates.key, idOrKey.toLowerCase()),
    ));
  return row ?? null;
}

/** The partnership's templates answering to an id, or to a key or name in any case. */
export async function templatesCalled(tx: Tx, partnershipId: string, input: string): Promise<TemplateRow[]> {
  const lower = input.toLowerCase();
  return tx.select(templateColumns).from(templates)
    .leftJoin(teams, eq(teams.id, templates.ownerTeamId))
    .where(and(
      eq(templates.partnershipId, partnershipId),
      or(
        isUuid(input) ? eq(templates.id, lower) : undefined,
        eq(sql`lower(${templates.key})`, lower),
        eq(sql`lower(${templates.name})`, lower),
      ),
    ))
    .orderBy(asc(templates.id));
}

/** The partnership's templates with their current version's definition: built-in ones first, then by name. */
export async function listTemplates(tx: Tx, partnershipId: string, includeRetired: boolean): Promise<(TemplateRow & { definition: TemplateDefinition })[]> {
  return tx.select({ ...templateColumns, definition: versions.definition }).from(templates)
    .leftJoin(teams, eq(teams.id, templates.ownerTeamId))
    .innerJoin(versions, and(eq(versions.templateId, templates.id), eq(versions.version, templates.version)))
    .where(and(eq(templates.partnershipId, partnershipId), includeRetired ? undefined : eq(templates.status, 'active')))
    .orderBy(desc(templates.builtIn), asc(sql`lower(${templates.name})`), asc(templates.id));
}

const versionColumns = {
  id: versions.id,
  templateId: versions.templateId,
  version: versions.version,
  definition: versions.definition,
  createdAt: versions.createdAt,
  createdBy: versions.createdBy,
  createdByName: users.name,
};

export async function getVersion(tx: Tx, templateId: string, version: number): Promise<VersionRow | null> {
  const [row] = await tx.select(versionColumns).from(versions)
    .leftJoin(users, eq(users.id, versions.createdBy))
    .where(and(eq(versions.templateId, templateId), eq(versions.version, version)));
  return row ?? null;
}

export async function listVersions(tx: Tx, templateId: string): Promise<VersionRow[]> {
  return tx.select(versionColumns).from(versions)
    .leftJoin(users, eq(users.id, versions.createdBy))
    .where(eq(versions.templateId, templateId))
    .orderBy(desc(versions.version));
}

/** The partnership's template keys that are `stem` or `stem-…`, for choosing a free one (keys hold no LIKE wildcards). */
export async function keysLike(tx: Tx, partnershipId: string, stem: string): Promise<string[]> {
  const rows = await tx.select({ key: templates.key }).from(templates)
    .where(and(eq(templates.partnershipId, partnershipId), or(eq(templates.key, stem), like(templates.key, `${stem}-%`))));
  return rows.map((r) => r.key);
}

export async function insertTemplate(tx: Tx, values: typeof templates.$inferInsert): Promise<string> {
  const [row] = await tx.insert(templates).values(values).returning({ id: templates.id });
  return row!.id;
}

export async function insertVersion(tx: Tx, values: typeof versions.$inferInsert): Promise<void> {
  await tx.insert(versions).values(values);
}

export type TemplatePatch = Partial<Pick<typeof templates.$inferInsert, 'name' | 'description' | 'status' | 'version'>>;

/** Applies a change only if the template is still at the version the designer saw. */
export async function updateTemplate(tx: Tx, id: string, basedOn: number, patch: TemplatePatch): Promise<boolean> {
  const rows = await tx.update(templates)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(templates.id, id), eq(templates.version, basedOn)))
    .returning({ id: templates.id });
  return rows.length > 0;
}
