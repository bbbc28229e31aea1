import type { z } from 'zod';
import {
  templateDefinition, type copyTemplateBody, type createTemplateBody, type Template, type TemplateDefinition, type templateListQuery, type TemplateSummary,
  type updateTemplateBody,
} from '../../../shared/api/assessments.ts';
import { canManageAssessmentTemplate } from '../../platform/access/administration.ts';
import { actorHas } from '../../platform/access/permissions.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, staleVersion, ValidationError } from '../../platform/errors.ts';
import { resolveDefinition, sameDefinition } from './definition.ts';
import { freeKey } from './keys.ts';
import * as q from './queries.ts';

export type { TemplateRow, VersionRow } from './queries.ts';

/**
 * Designers (team admins and up) edit the templates of the teams they manage: a team admin their
 * own team's, an organisation admin those of their organisation's teams. The built-in ones are the
 * partnership's, kept by its system administrators.
 */
export function mayEditTemplate(ctx: Context, row: q.TemplateRow): boolean {
  if (ctx.actor.kind !== 'user' || !actorHas(ctx.actor, 'assessments.design')) return false;
  const ownerTeam = row.ownerTeamId && row.ownerOrganisationId ? { id: row.ownerTeamId, organisationId: row.ownerOrganisationId } : null;
  return canManageAssessmentTemplate(ctx.actor, { partnershipId: row.partnershipId, builtIn: row.builtIn, ownerTeam });
}

/**
 * A template of the actor's partnership, by id, or by key or name in any case; any other does not
 * exist for them. A name two templates share is refused on `idOrKey`: an id or key says which.
 */
export async function findTemplate(ctx: Context, idOrKey: string): Promise<q.TemplateRow> {
  const rows = await q.templatesCalled(ctx.tx, ctx.actor.partnershipId, idOrKey);
  const lower = idOrKey.toLowerCase();
  const exact = rows.find((r) => r.id === lower || r.key.toLowerCase() === lower);
  if (exact) return exact;
  if (rows.length > 1) throw new ValidationError([{ field: 'idOrKey', problem: `"${idOrKey}" is the name of more than one template; give its key or id` }]);
  if (!rows[0]) throw new NotFoundError('assessment template');
  return rows[0];
}

/** One version of a template (the current one unless asked), its definition read with today's defaults. */
export async function templateVersion(ctx: Context, row: q.TemplateRow, version = row.version): Promise<q.VersionRow> {
  const found = await q.getVersion(ctx.tx, row.id, version);
  if (!found) throw new NotFoundError('version of this assessment template');
  return { ...found, definition: templateDefinition.parse(found.definition) };
}

function summary(row: q.TemplateRow, definition: TemplateDefinition): TemplateSummary {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    version: row.version,
    description: row.description,
    builtIn: row.builtIn,
    status: row.status,
    team: row.ownerTeamId ? { id: row.ownerTeamId, name: row.ownerTeamName ?? '' } : null,
    family: definition.family,
    chart: definition.chart,
  };
}

function present(ctx: Context, row: q.TemplateRow, version: q.VersionRow): Template {
  return {
    ...summary(row, version.definition),
    ...version.definition,
    version: version.version,
    versionCreatedAt: version.createdAt.toISOString(),
    permissions: { canEdit: mayEditTemplate(ctx, row) },
  };
}

async function presentCurrent(ctx: Context, idOrKey: string): Promise<Template> {
  const row = await findTemplate(ctx, idOrKey);
  return present(ctx, row, await templateVersion(ctx, row));
}

const audience = (ctx: Context) => ({ partnershipIds: [ctx.actor.partnershipId] });
const subject = (id: string) => ({ entityType: 'assessment_template' as const, entityId: id });

export async function listTemplates(ctx: Context, query: z.infer<typeof templateListQuery>) {
  const rows = await q.listTemplates(ctx.tx, ctx.actor.partnershipId, query.includeRetired);
  return { items: rows.map((row) => summary(row, templateDefinition.parse(row.definition))) };
}

export async function getTemplate(ctx: Context, idOrKey: string, version?: number): Promise<Template> {
  const row = await findTemplate(ctx, idOrKey);
  return present(ctx, row, await templateVersion(ctx, row, version));
}

export async function listVersions(ctx: Context, idOrKey: string) {
  const row = await findTemplate(ctx, idOrKey);
  const versions = await q.listVersions(ctx.tx, row.id);
  return {
    items: versions.map((v) => ({
      version: v.version,
      createdAt: v.createdAt.toISOString(),
      createdBy: v.createdBy ? { id: v.createdBy, name: v.createdByName ?? '' } : null,
    })),
  };
}

async function chooseKey(ctx: Context, name: string, given: string | undefined): Promise<string> {
  const keysLike = (stem: string) => q.keysLike(ctx.tx, ctx.actor.partnershipId, stem);
  if (given) {
    if ((await keysLike(given)).includes(given)) throw new ConflictError(`The key "${given}" is already used by another template of your partnership.`);
    return given;
  }
  return freeKey(name, keysLike, 'template');
}

async function insertForTeam(ctx: Context, input: { key: string; name: string; description: string | null; definition: TemplateDefinition }): Promise<string> {
  const id = await q.insertTemplate(ctx.tx, {
    partnershipId: ctx.actor.partnershipId,
    key: input.key,
    name: input.name,
    description: input.description,
    ownerTeamId: ctx.actor.teamId,
    createdBy: ctx.actor.id,
  });
  await q.insertVersion(ctx.tx, { templateId: id, version: 1, definition: input.definition, createdBy: ctx.actor.id });
  return id;
}

/** A designer builds a template for their own team, from the bank and their own wording. */
export async function createTemplate(ctx: Context, body: z.infer<typeof createTemplateBody>): Promise<Template> {
  const definition = await resolveDefinition(ctx, body.definition, null);
  const key = await chooseKey(ctx, body.name, body.key);
  const id = await insertForTeam(ctx, { key, name: body.name, description: body.description ?? null, definition });
  ctx.audit({ action: 'assessment_template.created', ...subject(id), details: { key, name: body.name, version: 1 } });
  ctx.emit({ type: 'assessment_template.changed', audience: audience(ctx), data: { id } });
  return presentCurrent(ctx, id);
}

const auditedFields = ['name', 'description', 'status', 'version'] as const;

/**
 * Renames, retires or brings back a template, or saves a changed definition as the next
 * version; assessments already made keep the version they used.
 */
export async function updateTemplate(ctx: Context, idOrKey: string, body: z.infer<typeof updateTemplateBody>): Promise<Template> {
  const row = await findTemplate(ctx, idOrKey);
  if (!mayEditTemplate(ctx, row)) {
    throw new ForbiddenError(row.builtIn || !row.ownerTeamId
      ? 'Only the partnership\'s system administrators can change a built-in template. You can copy it for your team.'
      : 'Only the administrators of the team that built this template, or of its organisation, can change it. You can copy it for your team.');
  }
  const current = await templateVersion(ctx, row);
  const before = present(ctx, row, current);
  if (body.version !== row.version) throw staleVersion(before);
  const definition = body.definition ? await resolveDefinition(ctx, body.definition, current.definition) : null;
  const nextVersion = definition && !sameDefinition(definition, current.definition) ? row.version + 1 : null;
  const saved = await q.updateTemplate(ctx.tx, row.id, body.version, {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
    ...(body.status !== undefined ? { status: body.status } : {}),
    ...(nextVersion ? { version: nextVersion } : {}),
  });
  if (!saved) throw staleVersion(before);
  if (nextVersion && definition) await q.insertVersion(ctx.tx, { templateId: row.id, version: nextVersion, definition, createdBy: ctx.actor.id });
  const after = await presentCurrent(ctx, row.id);
  const changes = diff(before, after, auditedFields);
  if (Object.keys(changes).length > 0) {
    ctx.audit({ action: 'assessment_template.updated', ...subject(row.id), changes });
    ctx.emit({ type: 'assessment_template.changed', audience: audience(ctx), data: { id: row.id } });
  }
  return after;
}

/** Any designer may copy any template of the partnership (a built-in starter, another team's) to adapt it for their own team. */
export async function copyTemplate(ctx: Context, idOrKey: string, body: z.infer<typeof copyTemplateBody>): Promise<Template> {
  const source = await findTemplate(ctx, idOrKey);
  const version = await templateVersion(ctx, source);
  const key = await chooseKey(ctx, body.name, body.key);
  const id = await insertForTeam(ctx, { key, name: body.name, description: source.description, definition: version.definition });
  ctx.audit({ action: 'assessment_template.copied', ...subject(id), details: { key, name: body.name, from: source.id, fromKey: source.key, fromVersion: version.version } });
  ctx.emit({ type: 'assessment_template.changed', audience: audience(ctx), data: { id } });
  return presentCurrent(ctx, id);
}
