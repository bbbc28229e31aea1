import type { KeepSafeState, Scheme, SchemeBody, SchemeSummary } from '../../../../shared/api/schemes.ts';
import { lookedUpStatuses, printedCardNumber, type SchemeKey } from '../../../../shared/schemes.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { canManagePartnershipLists } from '../../../platform/access/administration.ts';
import { isSchemeAdmin, readsScheme, worksScheme } from '../../../platform/access/schemes.ts';
import { diff } from '../../../platform/audit/diff.ts';
import type { Context } from '../../../platform/context.ts';
import { ForbiddenError, NotFoundError, staleVersion, ValidationError, type FieldProblem } from '../../../platform/errors.ts';
import { viewableRecord } from '../../sharing/record-access.ts';
import * as applications from '../applications/queries.ts';
import * as register from '../queries.ts';
import * as q from './queries.ts';

function presentSummary(actor: Actor, row: q.SchemeRow): SchemeSummary {
  return {
    key: row.key,
    name: row.name,
    team: { id: row.teamId, name: row.teamName },
    counts: { active: row.active, reviewDue: row.reviewDue, applications: row.applications },
    permissions: { canApprove: isSchemeAdmin(actor, row), canManage: canManagePartnershipLists(actor, row.partnershipId) },
  };
}

function presentScheme(actor: Actor, row: q.SchemeRow): Scheme {
  return {
    ...presentSummary(actor, row),
    reviewMonths: row.reviewMonths,
    removalMonths: row.removalMonths,
    cardValidMonths: row.cardValidMonths,
    applicationForm: row.applicationFormId && row.formName && row.formSlug
      ? { id: row.applicationFormId, name: row.formName, publicPath: `/refer/${row.formSlug}` }
      : null,
    version: row.version,
  };
}

/** A scheme is its staff's and administrators' to read, and the partnership's system administrators' to set up. */
const mayRead = (actor: Actor, row: q.SchemeRow) => readsScheme(actor, row) || canManagePartnershipLists(actor, row.partnershipId);

const notStaff = () => new ForbiddenError('Only the scheme\'s staff and administrators may do that.', 'not_scheme_staff');

/** The schemes the reader works or administers (the admin page); someone who works none is refused, as on the register. */
export async function listSchemes(ctx: Context): Promise<{ items: SchemeSummary[] }> {
  const rows = (await q.schemesOf(ctx.tx, ctx.actor.partnershipId)).filter((row) => mayRead(ctx.actor, row));
  if (rows.length === 0) throw notStaff();
  return { items: rows.map((row) => presentSummary(ctx.actor, row)) };
}

async function schemeRow(ctx: Context, key: SchemeKey): Promise<q.SchemeRow> {
  const row = (await q.schemesOf(ctx.tx, ctx.actor.partnershipId)).find((r) => r.key === key);
  if (!row) throw new NotFoundError('scheme');
  return row;
}

export async function getScheme(ctx: Context, key: SchemeKey): Promise<Scheme> {
  const row = await schemeRow(ctx, key);
  if (!mayRead(ctx.actor, row)) throw notStaff();
  return presentScheme(ctx.actor, row);
}

const settingFields = ['name', 'teamId', 'reviewMonths', 'removalMonths', 'cardValidMonths', 'applicationFormId'] as const;

/**
 * The scheme's set-up, by the partnership's system administrators: the team that runs it, its
 * intervals, and the published application form (one of that team's, built for applications).
 */
export async function updateScheme(ctx: Context, key: SchemeKey, body: SchemeBody): Promise<Scheme> {
  const row = await schemeRow(ctx, key);
  if (!canManagePartnershipLists(ctx.actor, row.partnershipId)) throw new ForbiddenError('Only the partnership\'s system administrators set up its schemes.');
  if (row.version !== body.version) throw staleVersion(presentScheme(ctx.actor, row));
  const problems: FieldProblem[] = [];
  if (!(await q.teamOf(ctx.tx, row.partnershipId, body.teamId))) problems.push({ field: 'teamId', problem: 'is not a team of the partnership' });
  const form = body.applicationFormId ? await q.formOf(ctx.tx, row.partnershipId, body.applicationFormId) : null;
  if (body.applicationFormId && !form) problems.push({ field: 'applicationFormId', problem: 'is not a referral form of the partnership' });
  if (form && form.purpose !== 'scheme-application') problems.push({ field: 'applicationFormId', problem: 'is a referral form, not an application form' });
  if (form && form.teamId !== body.teamId) problems.push({ field: 'applicationFormId', problem: 'must be a form of the team that runs the scheme, so applications reach its desk' });
  if (problems.length > 0) throw new ValidationError(problems);
  const values = {
    name: body.name,
    teamId: body.teamId,
    reviewMonths: body.reviewMonths,
    removalMonths: body.removalMonths,
    cardValidMonths: body.cardValidMonths,
    applicationFormId: body.applicationFormId ?? null,
  };
  const changes = diff(row, { ...row, ...values }, settingFields);
  if (!(await q.updateScheme(ctx.tx, row.id, body.version, values))) throw staleVersion(presentScheme(ctx.actor, await schemeRow(ctx, key)));
  ctx.audit({ action: 'scheme.updated', entityType: 'scheme', entityId: row.id, subjectOrganisationId: row.organisationId, subjectTeamId: body.teamId, changes });
  return presentScheme(ctx.actor, await schemeRow(ctx, key));
}

/**
 * A person's Keep Safe panel, for whoever may open the profile: whether they hold a card; the
 * scheme's details only to its staff and administrators and the holder's keyworker (D21).
 */
export async function keepSafeOfProfile(ctx: Context, profileId: string): Promise<KeepSafeState> {
  const profile = await viewableRecord(ctx, 'profile', profileId);
  const scheme = await register.schemeByKey(ctx.tx, ctx.actor.partnershipId, 'keep-safe');
  if (!scheme) return { isCardholder: false, cardholder: null, application: null, canApply: false };
  const holderId = (await register.holderOfProfile(ctx.tx, scheme.id, profile.id))?.id;
  const holder = holderId ? await register.getCardholder(ctx.tx, scheme.id, holderId) : null;
  const staff = readsScheme(ctx.actor, scheme);
  const reads = staff || (!!holder && ctx.actor.kind === 'user' && holder.holder.keyworkerId === ctx.actor.id);
  const latest = staff ? await applications.latestApplicationOf(ctx.tx, scheme.id, profile.id) : null;
  if (holder && reads) ctx.audit({ action: 'cardholder.viewed', entityType: 'cardholder', entityId: holder.id, subjectOrganisationId: scheme.organisationId, subjectTeamId: scheme.teamId });
  return {
    isCardholder: !!holder && lookedUpStatuses.includes(holder.status),
    cardholder: holder && reads
      ? {
        id: holder.id,
        status: holder.status,
        card: holder.card
          ? {
            id: holder.card.id,
            number: holder.card.cardNumber,
            printed: printedCardNumber(holder.card.cardNumber),
            issuedOn: holder.card.issuedOn,
            expiresOn: holder.card.expiresOn,
            status: holder.card.status,
            printedAt: holder.card.printedAt?.toISOString() ?? null,
          }
          : null,
        reviewDueOn: holder.reviewDueOn,
        condition: holder.holder.condition,
        communication: holder.holder.communication,
      }
      : null,
    application: latest ? { id: latest.id, kind: latest.kind, status: latest.status, createdAt: latest.createdAt.toISOString() } : null,
    canApply: worksScheme(ctx.actor, scheme),
  };
}
