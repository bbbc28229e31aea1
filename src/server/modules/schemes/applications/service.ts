import type { z } from 'zod';
import {
  cardholderDetailsInput, type Application, type ApplicationBody, type ApplicationPage, type ApplicationPatch, type ApplicationRow,
  type CardholderDetails, type CardholderDetailsInput, type IssuedApplication, type applicationListQuery,
} from '../../../../shared/api/schemes.ts';
import {
  applicationChecks, applicationStatuses, openApplicationStatuses, printedCardNumber, type ApplicationChecks, type ApplicationKind, type ApplicationStatus,
  type SchemeKey,
} from '../../../../shared/schemes.ts';
import { isSchemeAdmin, readsScheme, worksScheme } from '../../../platform/access/schemes.ts';
import type { Context } from '../../../platform/context.ts';
import { decodeCheckedCursor, isIsoTime, isUuid, pageOf } from '../../../platform/cursor.ts';
import { ConflictError, ValidationError, NotFoundError, staleVersion, type FieldProblem } from '../../../platform/errors.ts';
import { londonToday } from '../../../platform/london.ts';
import { recordSchemeConsent } from '../../data-protection/lawful-basis/service.ts';
import { contributableRecord } from '../../sharing/record-access.ts';
import * as register from '../register.ts';
import type { Scheme } from '../queries.ts';
import * as q from './queries.ts';

const subject = (scheme: Scheme, id: string) => ({ entityType: 'scheme_application' as const, entityId: id, ...register.schemeSubject(scheme) });

/** Details as an application keeps them: every optional field present, blanks as null. */
function detailsOf(input: CardholderDetailsInput): CardholderDetails {
  return {
    condition: input.condition,
    communication: input.communication,
    medicationNotes: input.medicationNotes || null,
    carers: register.contactsOf(input.carers),
    emergencyContacts: register.contactsOf(input.emergencyContacts),
    usesDisabilityContactLine: input.usesDisabilityContactLine,
    showConditionOnCard: input.showConditionOnCard,
    parentalConsent: input.parentalConsent ?? null,
  };
}

function presentRow(row: q.ApplicationListRow): ApplicationRow {
  const a = row.application;
  return {
    id: a.id,
    kind: a.kind,
    status: a.status,
    profile: { id: a.profileId, firstName: row.firstName, lastName: row.lastName, dateOfBirth: row.dateOfBirth },
    referral: a.referralId && row.reference ? { id: a.referralId, reference: row.reference } : null,
    checksDone: applicationChecks.filter((c) => a.checks[c]).length,
    createdAt: a.createdAt.toISOString(),
  };
}

async function present(ctx: Context, scheme: Scheme, row: q.ApplicationFull): Promise<Application> {
  const a = row.application;
  const names = await q.userNames(ctx.tx, [...new Set(applicationChecks.flatMap((c) => (a.checks[c] ? [a.checks[c].by] : [])))]);
  const d = a.details;
  return {
    ...presentRow(row),
    details: {
      ...d,
      carers: d.carers.map((c) => ({ name: c.name, relationship: c.relationship ?? null, phone: c.phone })),
      emergencyContacts: d.emergencyContacts.map((c) => ({ name: c.name, relationship: c.relationship ?? null, phone: c.phone })),
    },
    checks: applicationChecks.map((check) => {
      const done = a.checks[check];
      return { check, done: !!done, by: done ? { id: done.by, name: names.get(done.by) ?? '' } : null, at: done?.at ?? null };
    }),
    cardholder: a.cardholderId ? { id: a.cardholderId, cardNumber: row.cardNumber ? printedCardNumber(row.cardNumber) : null } : null,
    keyworker: a.keyworkerId && row.keyworkerName ? { id: a.keyworkerId, name: row.keyworkerName } : null,
    underAge: register.underAgeWithoutConsent(row.dateOfBirth, null),
    approvedBy: a.approvedBy && row.approverName ? { id: a.approvedBy, name: row.approverName } : null,
    approvedAt: a.approvedAt?.toISOString() ?? null,
    decisionReason: a.decisionReason,
    issuedAt: a.issuedAt?.toISOString() ?? null,
    createdBy: a.createdBy && row.creatorName ? { id: a.createdBy, name: row.creatorName } : null,
    permissions: {
      canEdit: worksScheme(ctx.actor, scheme) && openApplicationStatuses.includes(a.status),
      canApprove: isSchemeAdmin(ctx.actor, scheme),
    },
    version: a.version,
  };
}

async function load(ctx: Context, scheme: Scheme, id: string): Promise<q.ApplicationFull> {
  const row = await q.getApplication(ctx.tx, scheme.id, id);
  if (!row) throw new NotFoundError('application');
  return row;
}

const reread = async (ctx: Context, scheme: Scheme, id: string) => present(ctx, scheme, await load(ctx, scheme, id));

const wrongState = (status: ApplicationStatus, wanted: string) =>
  new ConflictError(`This application is ${status === 'checks' ? 'still being checked' : status}; it must be ${wanted} for that.`, 'application_state');

/**
 * A new application, whichever way it came: new card or renewal, by what the register holds of
 * the person. One is worked at a time per person (409 `application_open`).
 */
async function open(
  ctx: Context,
  scheme: Scheme,
  input: { profileId: string; kind: ApplicationKind | null; details: CardholderDetails; keyworkerId: string | null; referralId: string | null },
): Promise<string> {
  if (await q.openApplicationOf(ctx.tx, scheme.id, input.profileId)) {
    throw new ConflictError('This person already has an application being worked.', 'application_open');
  }
  const holder = await q.holderOf(ctx.tx, scheme.id, input.profileId);
  const kind = input.kind ?? (holder ? 'renewal' : 'new');
  if (kind === 'new' && holder) throw new ConflictError('This person is already on the register: make a renewal application.', 'already_registered');
  if (kind === 'renewal' && !holder) throw new ValidationError([{ field: 'kind', problem: 'is a renewal, but the person is not on the register' }]);
  if (input.keyworkerId && !(await register.isStaffMember(ctx, scheme, input.keyworkerId))) {
    throw new ValidationError([{ field: 'keyworkerId', problem: 'is not a member of staff' }]);
  }
  const id = await q.insertApplication(ctx.tx, {
    partnershipId: scheme.partnershipId,
    schemeId: scheme.id,
    profileId: input.profileId,
    cardholderId: kind === 'renewal' ? holder!.id : null,
    referralId: input.referralId,
    kind,
    details: input.details,
    keyworkerId: input.keyworkerId,
    createdBy: ctx.actor.id,
  });
  ctx.audit({ action: 'scheme_application.created', ...subject(scheme, id), details: { record: { kind: 'profile', id: input.profileId }, kind, referralId: input.referralId } });
  return id;
}

/** Scheme staff apply for someone whose record they may add to (from the person's Keep Safe panel). */
export async function createApplication(ctx: Context, key: SchemeKey, body: ApplicationBody): Promise<Application> {
  const scheme = await register.schemeFor(ctx, key, worksScheme);
  const person = await contributableRecord(ctx, 'profile', body.profileId);
  const id = await open(ctx, scheme, { profileId: person.id, kind: body.kind, details: detailsOf(body.details), keyworkerId: body.keyworkerId ?? null, referralId: null });
  return reread(ctx, scheme, id);
}

/**
 * An application sent on the scheme's public form, taken in by the desk: the person is already
 * entered once (found or made), and the answers mapped to details. A person on the register
 * already is renewing. The form must be the application form of one of the partnership's schemes.
 */
export async function applicationFromReferral(
  ctx: Context,
  input: { formId: string | null; profileId: string; referralId: string; details: CardholderDetails },
): Promise<string> {
  const found = input.formId ? await q.schemeOfForm(ctx.tx, ctx.actor.partnershipId, input.formId) : null;
  if (!found) throw new ValidationError([{ field: 'decision', problem: 'is only for referrals sent on a scheme\'s application form' }]);
  const scheme = await register.loadScheme(ctx, found.key);
  return open(ctx, scheme, { profileId: input.profileId, kind: null, details: input.details, keyworkerId: null, referralId: input.referralId });
}

export async function listApplications(ctx: Context, key: SchemeKey, query: z.infer<typeof applicationListQuery>): Promise<ApplicationPage> {
  const scheme = await register.schemeFor(ctx, key, readsScheme);
  const statuses = query.status === 'open' ? openApplicationStatuses : query.status === 'all' ? applicationStatuses : [query.status];
  const after = decodeCheckedCursor<[string, string]>(query.cursor, isIsoTime, isUuid);
  const rows = await q.listApplications(ctx.tx, scheme.id, statuses, after, query.limit + 1);
  const result = pageOf(rows, query.limit, presentRow, (r) => [r.application.createdAt.toISOString(), r.application.id]);
  ctx.audit({ action: 'scheme_applications.listed', entityType: 'scheme', entityId: scheme.id, ...register.schemeSubject(scheme), details: { count: result.items.length, status: query.status } });
  return result;
}

export async function getApplication(ctx: Context, key: SchemeKey, id: string): Promise<Application> {
  const scheme = await register.schemeFor(ctx, key, readsScheme);
  const row = await load(ctx, scheme, id);
  ctx.audit({ action: 'scheme_application.viewed', ...subject(scheme, id) });
  return present(ctx, scheme, row);
}

/** Loads an application the caller may act on, at the version they saw, in one of `states`. */
async function forChange(ctx: Context, scheme: Scheme, id: string, version: number | undefined, states: readonly ApplicationStatus[], wanted: string) {
  const row = await load(ctx, scheme, id);
  if (version !== undefined && row.application.version !== version) throw staleVersion(await present(ctx, scheme, row));
  if (!states.includes(row.application.status)) throw wrongState(row.application.status, wanted);
  return row;
}

/** Details and checks while the application is worked; each check ticked or unticked is on the audit trail. */
export async function updateApplication(ctx: Context, key: SchemeKey, id: string, body: ApplicationPatch): Promise<Application> {
  const scheme = await register.schemeFor(ctx, key, worksScheme);
  const row = await forChange(ctx, scheme, id, body.version, ['checks'], 'being checked');
  const a = row.application;
  if (body.keyworkerId && !(await register.isStaffMember(ctx, scheme, body.keyworkerId))) {
    throw new ValidationError([{ field: 'keyworkerId', problem: 'is not a member of staff' }]);
  }
  const checks: ApplicationChecks = { ...a.checks };
  const ticked: { check: (typeof applicationChecks)[number]; done: boolean }[] = [];
  for (const check of applicationChecks) {
    const wanted = body.checks?.[check];
    if (wanted === undefined || wanted === !!a.checks[check]) continue;
    checks[check] = wanted ? { by: ctx.actor.id, at: new Date().toISOString() } : null;
    ticked.push({ check, done: wanted });
  }
  const details = body.details ? detailsOf(body.details) : a.details;
  const values = {
    checks,
    details,
    ...(body.keyworkerId !== undefined ? { keyworkerId: body.keyworkerId ?? null } : {}),
  };
  if (!(await q.updateApplication(ctx.tx, id, body.version, values))) throw staleVersion(await reread(ctx, scheme, id));
  for (const t of ticked) ctx.audit({ action: 'scheme_application.checked', ...subject(scheme, id), details: t });
  const detailsChanged = JSON.stringify(details) !== JSON.stringify(a.details);
  const keyworkerChanged = body.keyworkerId !== undefined && (body.keyworkerId ?? null) !== a.keyworkerId;
  if (detailsChanged || keyworkerChanged) {
    ctx.audit({
      action: 'scheme_application.updated',
      ...subject(scheme, id),
      changes: {
        ...(detailsChanged ? { details: { before: a.details, after: details } } : {}),
        ...(keyworkerChanged ? { keyworkerId: { before: a.keyworkerId, after: body.keyworkerId ?? null } } : {}),
      },
    });
  }
  return reread(ctx, scheme, id);
}

/** A scheme administrator approves once every check is done, and an under-16 has a parent's or guardian's consent. */
export async function approveApplication(ctx: Context, key: SchemeKey, id: string, version: number): Promise<Application> {
  const scheme = await register.schemeFor(ctx, key, isSchemeAdmin);
  const row = await forChange(ctx, scheme, id, version, ['checks'], 'being checked');
  const a = row.application;
  const problems: FieldProblem[] = applicationChecks.filter((c) => !a.checks[c]).map((c) => ({ field: `checks.${c}`, problem: 'is not done yet' }));
  if (register.underAgeWithoutConsent(row.dateOfBirth, a.details.parentalConsent)) {
    problems.push({ field: 'details.parentalConsent', problem: 'is needed for someone under 16' });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  if (!(await q.updateApplication(ctx.tx, id, version, { status: 'approved', approvedBy: ctx.actor.id, approvedAt: new Date() }))) {
    throw staleVersion(await reread(ctx, scheme, id));
  }
  ctx.audit({ action: 'scheme_application.approved', ...subject(scheme, id) });
  return reread(ctx, scheme, id);
}

/** Declined by the scheme, or withdrawn at the applicant's wish, with the reason. */
export async function closeApplication(ctx: Context, key: SchemeKey, id: string, to: 'declined' | 'withdrawn', body: { reason: string; version: number }): Promise<Application> {
  const scheme = await register.schemeFor(ctx, key, worksScheme);
  await forChange(ctx, scheme, id, body.version, openApplicationStatuses, 'open');
  if (!(await q.updateApplication(ctx.tx, id, body.version, { status: to, decisionReason: body.reason }))) throw staleVersion(await reread(ctx, scheme, id));
  ctx.audit({ action: to === 'declined' ? 'scheme_application.declined' : 'scheme_application.withdrawn', ...subject(scheme, id), reason: body.reason });
  return reread(ctx, scheme, id);
}

/**
 * The card: an approved new application puts the person on the register (the register's own
 * rules: a unique number, the holder's role on the profile); a renewal gives the holder a renewed
 * card with the application's details. Details from the public form are checked as the register's
 * POST would check them (a phone number that is not one is 422 until staff correct it).
 */
export async function issueApplication(ctx: Context, key: SchemeKey, id: string, version: number | undefined): Promise<IssuedApplication> {
  const scheme = await register.schemeFor(ctx, key, isSchemeAdmin);
  const row = await forChange(ctx, scheme, id, version, ['approved'], 'approved');
  const a = row.application;
  const checked = cardholderDetailsInput.safeParse(a.details);
  if (!checked.success) {
    throw new ValidationError(checked.error.issues.map((i) => ({ field: `details.${i.path.join('.')}`, problem: i.message })));
  }
  const details = { ...checked.data, keyworkerId: a.keyworkerId };
  const issued = a.kind === 'renewal' && a.cardholderId
    ? await register.renewFromApplication(ctx, scheme, a.cardholderId, details)
    : await register.putOnRegister(ctx, scheme, { ...details, profileId: a.profileId }, a.id);
  if (!(await q.updateApplication(ctx.tx, id, a.version, { status: 'issued', issuedAt: new Date(), cardholderId: issued.id }))) {
    throw staleVersion(await reread(ctx, scheme, id));
  }
  ctx.audit({ action: 'scheme_application.issued', ...subject(scheme, id), details: { cardholderId: issued.id, cardId: issued.cardId } });
  // The card is given on the person's consent, which the consent check confirmed.
  const consentedAt = a.checks.consent?.at;
  await recordSchemeConsent(ctx, {
    profileId: a.profileId,
    organisationId: scheme.organisationId,
    givenOn: consentedAt ? londonToday(new Date(consentedAt)) : londonToday(),
    method: details.parentalConsent ? 'parent-or-guardian' : a.referralId ? 'electronic' : 'written',
  });
  return { application: await reread(ctx, scheme, id), cardholder: { id: issued.id, cardNumber: issued.cardNumber } };
}
