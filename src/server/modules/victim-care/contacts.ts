import type { z } from 'zod';
import type { recordContactBody, VictimContact, victimContactListQuery } from '../../../shared/api/victim-care.ts';
import { contactChannelLabels, type ContactChannel } from '../../../shared/victim-care.ts';
import { checkRecord } from '../../platform/access/check.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCheckedCursor, isIsoTime, isUuid, pageOf } from '../../platform/cursor.ts';
import { csvLine } from '../../platform/csv.ts';
import { AppError, ConflictError, ValidationError } from '../../platform/errors.ts';
import { tellInterested } from '../notifications/notify.ts';
import { audienceOf, findProfile, profileFacts, subjectOf, viewableProfile } from '../profiles/access.ts';
import { announceVictimCare, type CheckedProfile } from './plans.ts';
import * as q from './queries.ts';

/** Sending by a channel the victim's plan does not mark safe: refused, whoever asks. */
export class UnsafeChannelError extends AppError {
  readonly status = 422;
  readonly code = 'unsafe_channel';
}

/** What the plan must say before Concord records a message sent that way. */
function unsafeProblem(plan: q.PlanRow['plan'], channel: ContactChannel, voicemailLeft: boolean): { field: string; problem: string } | null {
  const unsafe = (what: string) => `is not safe: the contact plan does not say it is safe to ${what} this person. Check with them and change the plan first.`;
  if (channel === 'text' && !plan.safeToText) return { field: 'channel', problem: unsafe('text') };
  if (channel === 'email' && !plan.safeToEmail) return { field: 'channel', problem: unsafe('email') };
  if (channel === 'letter' && !plan.safeToLetter) return { field: 'channel', problem: unsafe('send a letter to') };
  if (voicemailLeft && !plan.safeToVoicemail) return { field: 'voicemailLeft', problem: unsafe('leave a voicemail for') };
  return null;
}

export function presentContact(row: q.ContactRow): VictimContact {
  const c = row.contact;
  return {
    id: c.id,
    at: c.at.toISOString(),
    channel: c.channel,
    reached: c.reached,
    voicemailLeft: c.voicemailLeft,
    note: c.note,
    reportId: c.reportId,
    recordedBy: c.recordedBy && row.recorderShown ? { id: c.recordedBy, name: row.recordedByName ?? '' } : null,
    team: { id: c.recordedByTeamId, name: row.teamName },
    organisation: { id: c.recordedByOrganisationId, name: row.organisationName },
    createdAt: c.createdAt.toISOString(),
  };
}

/** Everyone who can open the person sees the new entry on their timeline and their victim care. */
async function announceContact(ctx: Context, profile: CheckedProfile): Promise<void> {
  ctx.emit({ type: 'timeline.changed', audience: await audienceOf(ctx, profile), data: { kind: 'profile', id: profile.profile.id, entry: 'contact' } });
  await announceVictimCare(ctx, profile);
}

/** A day and time a contact happened may be typed a little ahead of the server's clock, not more. */
const slackMs = 5 * 60_000;

/**
 * Records a contact with a victim, or an attempt at one, by anyone who may add to their record.
 * Only a contact that reached them moves the next one on. A message by a channel the plan does not
 * mark safe is refused and the refusal audited: Concord does not record sending what is unsafe.
 */
export async function recordContact(ctx: Context, profileId: string, body: z.infer<typeof recordContactBody>): Promise<VictimContact> {
  const profile = checkRecord(ctx, 'contribute', 'profile', (await findProfile(ctx, profileId)).row, profileFacts);
  const plan = await q.getPlan(ctx.tx, profile.profile.id);
  if (!plan) throw new ConflictError('This person has no contact plan yet. Set one before recording contacts.', 'no_contact_plan');
  const voicemailLeft = body.voicemailLeft ?? false;
  if (voicemailLeft && (body.channel !== 'phone' || body.reached)) {
    throw new ValidationError([{ field: 'voicemailLeft', problem: 'is only for a phone call that did not reach them' }]);
  }
  const at = body.at ? new Date(body.at) : new Date();
  if (at.getTime() > Date.now() + slackMs) throw new ValidationError([{ field: 'at', problem: 'must not be in the future' }]);
  const unsafe = unsafeProblem(plan.plan, body.channel, voicemailLeft);
  if (unsafe) {
    ctx.refuse({ action: 'victim_contact.recorded', ...subjectOf(profile), details: { code: 'unsafe_channel', channel: body.channel, voicemailLeft } });
    const what = unsafe.field === 'voicemailLeft' ? 'Leaving a voicemail' : `Sending by ${contactChannelLabels[body.channel].toLowerCase()}`;
    throw new UnsafeChannelError(`${what} ${unsafe.problem}`, [unsafe]);
  }
  const id = await q.insertContact(ctx.tx, {
    partnershipId: ctx.actor.partnershipId,
    profileId: profile.profile.id,
    at,
    channel: body.channel,
    reached: body.reached,
    voicemailLeft,
    note: body.note ?? null,
    recordedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    recordedByTeamId: ctx.actor.teamId,
    recordedByOrganisationId: ctx.actor.organisationId,
  });
  if (body.reached) await q.contactMade(ctx.tx, profile.profile.id, at);
  ctx.audit({ action: 'victim_contact.recorded', ...subjectOf(profile), details: { contactId: id, channel: body.channel, reached: body.reached, reportId: null } });
  await announceContact(ctx, profile);
  await tellInterested(ctx, { kind: 'profile', id: profile.profile.id }, body.reached ? 'A contact with the victim was recorded' : 'An attempt to contact the victim was recorded');
  return presentContact((await q.getContact(ctx.tx, ctx.actor, id))!);
}

export interface VictimUpdate {
  profile: CheckedProfile;
  reportId: string;
  occurredAt: Date;
  authorId: string;
}

/**
 * A "Victim update" report on a person with a plan is a contact that reached them, made when the
 * report says. One dated ahead of the clock is kept but moves nothing, as `recordContact` refuses
 * it: a date years away would otherwise silence the overdue alerts until then.
 */
export async function contactFromReport(ctx: Context, update: VictimUpdate): Promise<void> {
  const { profile } = update;
  if (!(await q.getPlan(ctx.tx, profile.profile.id))) return;
  const id = await q.insertContact(ctx.tx, {
    partnershipId: ctx.actor.partnershipId,
    profileId: profile.profile.id,
    at: update.occurredAt,
    channel: null,
    reached: true,
    reportId: update.reportId,
    recordedBy: update.authorId,
    recordedByTeamId: ctx.actor.teamId,
    recordedByOrganisationId: ctx.actor.organisationId,
  });
  if (update.occurredAt.getTime() <= Date.now() + slackMs) await q.contactMade(ctx.tx, profile.profile.id, update.occurredAt);
  ctx.audit({ action: 'victim_contact.recorded', ...subjectOf(profile), details: { contactId: id, channel: null, reached: true, reportId: update.reportId } });
  await announceVictimCare(ctx, profile);
}

/** The victim's own record of contacts and attempts, newest first: everyone who can open them sees it. */
export async function listContacts(ctx: Context, profileId: string, query: z.infer<typeof victimContactListQuery>) {
  const { row: profile } = await viewableProfile(ctx, profileId);
  const key = decodeCheckedCursor(query.cursor, isIsoTime, isUuid);
  const rows = await q.listContacts(ctx.tx, ctx.actor, profile.profile.id, key ? { at: key[0], id: key[1] } : null, query.limit);
  const page = pageOf(rows, query.limit, presentContact, (r) => [r.cursorAt, r.contact.id]);
  ctx.audit({ action: 'victim_contacts.listed', ...subjectOf(profile), details: { count: page.items.length } });
  return page;
}

/** How many contacts an export holds at most: years of weekly contact. */
const exportLimit = 5000;

const londonTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'short' });

/** The record of contacts as a spreadsheet the victim can be given: times in London, newest first. */
export async function exportContacts(ctx: Context, profileId: string): Promise<{ csv: string; fileName: string }> {
  const { row: profile } = await viewableProfile(ctx, profileId);
  const rows = (await q.listContacts(ctx.tx, ctx.actor, profile.profile.id, null, exportLimit)).slice(0, exportLimit);
  const lines = [
    csvLine(['Date and time', 'How', 'Reached', 'Voicemail left', 'Note', 'Recorded by', 'Team', 'Organisation']),
    ...rows.map(({ contact: c, recorderShown, recordedByName, teamName, organisationName }) => csvLine([
      londonTime.format(c.at),
      c.channel ? contactChannelLabels[c.channel] : 'Victim update report',
      c.reached ? 'Yes' : 'No',
      c.voicemailLeft ? 'Yes' : 'No',
      c.note,
      recorderShown ? recordedByName : null,
      teamName,
      organisationName,
    ])),
  ];
  ctx.audit({ action: 'victim_contacts.exported', ...subjectOf(profile), details: { count: rows.length } });
  return { csv: `${lines.join('\r\n')}\r\n`, fileName: `contacts-${profile.profile.id}.csv` };
}
