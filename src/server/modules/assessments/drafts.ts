import type { z } from 'zod';
import type { Answers, Assessment, createAssessmentBody, updateAssessmentBody } from '../../../shared/api/assessments.ts';
import type { AssessmentSubjectKind } from '../../../shared/assessments.ts';
import { answerProblems } from '../../../shared/forms/engine.ts';
import type { Visibility } from '../../../shared/work.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, staleVersion, ValidationError } from '../../platform/errors.ts';
import { contributableRecord, type SharedRecord } from '../sharing/record-access.ts';
import { announce, inAuthorTeam, isReadable, loadAssessment, recordDetails, reloadRow, require, requireDraft, subjectOf } from './assessment.ts';
import { presentOne } from './detail.ts';
import { pullMembers } from './members.ts';
import * as q from './queries.ts';
import { findTemplate } from './template-lookup.ts';

/** Whoever answers for the work: a person, or for a system's token the person who issued the token. */
export async function personOf(ctx: Context): Promise<string> {
  if (ctx.actor.kind === 'user') return ctx.actor.id;
  const issuer = await q.tokenIssuer(ctx.tx, ctx.actor.id);
  if (!issuer) throw new ForbiddenError('This API token cannot write assessments.');
  return issuer;
}

/** A template that can start a new assessment: one of the partnership's (by id, key or name), not retired. */
export async function usableTemplate(ctx: Context, idOrKey: string, field = 'template'): Promise<q.TemplateRow> {
  const template = await findTemplate(ctx, idOrKey, field);
  if (!template) throw new ValidationError([{ field, problem: 'is not a template of this partnership' }]);
  if (template.template.status === 'retired') throw new ConflictError('This template is retired and cannot start new assessments.', 'template_retired');
  return template;
}

export function checkAnswers(problems: { field: string; problem: string }[]): void {
  if (problems.length > 0) throw new ValidationError(problems);
}

/** Answers are never audited: the audit trail is read by administrators whom a private assessment is not for. Their keys are. */
const answeredKeys = (answers: Answers) => Object.keys(answers).sort();

export async function createAssessment(ctx: Context, body: z.infer<typeof createAssessmentBody>): Promise<Assessment> {
  const record = await contributableRecord(ctx, body.subject.type, body.subject.id);
  const template = await usableTemplate(ctx, body.template);
  return startDraft(ctx, { ...record, kind: body.subject.type }, template, body.answers, body.visibility);
}

/** A new draft on a record the actor may add to, made with the version of the template given. */
export async function startDraft(ctx: Context, record: SharedRecord & { kind: AssessmentSubjectKind }, template: q.TemplateRow, answers: Answers, visibility: Visibility): Promise<Assessment> {
  const members = template.definition.family ? await pullMembers(ctx, record) : [];
  checkAnswers(answerProblems(template.definition, answers, members));
  const person = await personOf(ctx);
  const created = await q.insertAssessment(ctx.tx, ctx.actor, template, {
    partnershipId: ctx.actor.partnershipId,
    recordKind: record.kind,
    recordId: record.id,
    answers,
    members,
    visibility,
    createdBy: person,
    authorId: person,
    authorTeamId: ctx.actor.teamId,
    authorOrganisationId: ctx.actor.organisationId,
  });
  ctx.audit({
    action: 'assessment.started',
    ...subjectOf(record, created.assessment.id),
    details: { ...recordDetails(record), template: template.template.key, templateVersion: template.template.version, visibility, answered: answeredKeys(answers) },
  });
  await announce(ctx, record, created.assessment);
  return presentOne(ctx, record, created);
}

/** The assessment, or a stub (template, status, team, dates) for a reader its visibility leaves out. */
export async function getAssessment(ctx: Context, id: string): Promise<Assessment> {
  const { row, record } = await loadAssessment(ctx, id);
  ctx.audit({ action: 'assessment.viewed', ...subjectOf(record, id), details: { ...recordDetails(record), readable: isReadable(ctx, row) } });
  return presentOne(ctx, record, row);
}

/** A draft the actor's team may work on: on a record they can still add to. */
export async function workableDraft(ctx: Context, id: string) {
  const { row } = await loadAssessment(ctx, id);
  const record = await contributableRecord(ctx, row.assessment.recordKind, row.assessment.recordId);
  require(ctx, record, row, inAuthorTeam(ctx, row), 'Only the team that started this assessment can work on it.');
  requireDraft(row);
  return { row, record };
}

/** Saves work in progress: answers given replace those held, null clears one. */
export async function updateAssessment(ctx: Context, id: string, body: z.infer<typeof updateAssessmentBody>): Promise<Assessment> {
  const { row, record } = await workableDraft(ctx, id);
  const before = row.assessment;
  if (body.version !== before.version) throw staleVersion(await presentOne(ctx, record, row));
  const answers: Answers = { ...before.answers };
  for (const [key, value] of Object.entries(body.answers ?? {})) {
    if (value === null) delete answers[key];
    else answers[key] = value;
  }
  checkAnswers(answerProblems(row.definition, answers, before.members));
  const visibility = body.visibility ?? before.visibility;
  const after = await q.updateAssessment(ctx.tx, ctx.actor, row, body.version, { answers, visibility });
  if (!after) throw staleVersion(await presentOne(ctx, record, await reloadRow(ctx, id)));
  const changedKeys = [...new Set([...Object.keys(before.answers), ...Object.keys(answers)])]
    .filter((k) => JSON.stringify(before.answers[k]) !== JSON.stringify(answers[k])).sort();
  ctx.audit({
    action: 'assessment.updated',
    ...subjectOf(record, id),
    changes: diff({ visibility: before.visibility }, { visibility }, ['visibility']),
    details: { ...recordDetails(record), answersChanged: changedKeys },
  });
  await announce(ctx, record, after.assessment);
  return presentOne(ctx, record, after);
}
