import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';

/**
 * The vocabularies of the client portal: where a person on a profile (a victim, an offender on a
 * contract, a family member) signs in with a one-time code to message their keyworker, read their
 * safety plan, see their appointments and the documents shared with them, and tick off their own
 * tasks. The same words in the database, the API and the screen.
 */

/** One-time codes: 6 digits, for 10 minutes, once; the fifth wrong try ends the code. */
export const portalCode = { digits: 6, lifetimeMinutes: 10, maxWrongTries: 5 } as const;

/** Client sessions end after 15 minutes without a request, and after 8 hours whatever happens. */
export const portalSession = { idleMinutes: 15, absoluteHours: 8 } as const;

/**
 * What a client sees the portal called, and what every email and text to them says, so that
 * neither names what the service is for: someone else may read their phone. A partnership may
 * choose its own (`portal_settings`); this is the default, and the name on the sign-in pages,
 * which are the same for every partnership.
 */
export const defaultPortalName = 'My account';

/**
 * Where "Exit this page" sends someone: a neutral site, as GOV.UK's own component does by default.
 * A partnership may choose another.
 */
export const defaultExitUrl = 'https://www.bbc.co.uk/weather';

/** How a one-time code reaches the client. */
export const portalChannels = ['email', 'sms'] as const;
export type PortalChannel = (typeof portalChannels)[number];

/** Why a client's access ended. */
export const portalEndReasons = ['ended_by_staff', 'case_closed', 'profile_merged'] as const;
export type PortalEndReason = (typeof portalEndReasons)[number];
export const portalEndReasonLabels: Record<PortalEndReason, string> = {
  ended_by_staff: 'Ended by a practitioner',
  case_closed: 'The case was closed',
  profile_merged: 'The profile was merged into another',
};

/** Who wrote a message in a client's conversation. */
export const messageSenders = ['client', 'staff'] as const;
export type MessageSender = (typeof messageSenders)[number];

/** An appointment's state; a client's request to rearrange is kept beside it, not as a state. */
export const appointmentStatuses = ['booked', 'cancelled'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** Limits that keep a client's reply and a practitioner's plan readable and bounded. */
export const portalLimits = {
  messageLength: 4000,
  attachmentsPerMessage: 5,
  safetyPlanSteps: 30,
  safetyPlanContacts: 20,
} as const;

/** The UK's numbering plan: Great Britain, Northern Ireland and the Crown Dependencies. */
const ukNumbering = new Set(['GB', 'GG', 'JE', 'IM']);

/**
 * A UK mobile number as E.164 (+447…), or null if it is not one. Codes go by text message only to
 * mobiles, so a landline is refused when the client is invited rather than failing silently later.
 */
export function ukMobile(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), 'GB');
  return parsed?.isValid() && ukNumbering.has(parsed.country ?? '') ? parsed.number : null;
}

/** A mobile number as a person reads it on screen: 07911 123456. */
export function showMobile(e164: string): string {
  return e164.startsWith('+44') ? `0${e164.slice(3, 7)} ${e164.slice(7)}` : e164;
}
