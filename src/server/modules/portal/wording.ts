import { portalCode } from '../../../shared/portal.ts';

/**
 * What Concord says to a client by email or text. Someone else may read their phone, so it names
 * only the partnership's neutral name for the portal: never Concord, a team or what it is for.
 * A text is the body alone.
 */
export interface Wording {
  subject: string;
  body: string;
  /** The name an email comes from: the portal's, never the deployment's own. */
  senderName: string;
}

export function codeWording(serviceName: string, code: string): Wording {
  return {
    senderName: serviceName,
    subject: `Your code for ${serviceName}`,
    body: `Your code for ${serviceName} is ${code}. It works once, for ${portalCode.lifetimeMinutes} minutes. If you did not ask for it, you can ignore this message.`,
  };
}

export function invitationWording(serviceName: string, url: string, code: string): Wording {
  return {
    senderName: serviceName,
    subject: `${serviceName}: your sign-in code`,
    body: `You can now sign in to ${serviceName} at ${url}. Your code is ${code}. It works once, for ${portalCode.lifetimeMinutes} minutes; after that you can ask for a new one on the sign-in page.`,
  };
}

export function messageWording(serviceName: string, url: string): Wording {
  return { senderName: serviceName, subject: serviceName, body: `You have a new message. Sign in to read it: ${url}` };
}

const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long' });
const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hour12: true });

/** "Tuesday 3 March" and "2:30pm", in London, as GOV.UK writes them. */
export function dayAndTime(at: Date): { day: string; time: string } {
  return { day: day.format(at), time: time.format(at).replace(/\s/g, '').toLowerCase() };
}

export function reminderWording(serviceName: string, url: string, startsAt: Date): Wording {
  const when = dayAndTime(startsAt);
  return { senderName: serviceName, subject: `${serviceName}: reminder`, body: `You have an appointment on ${when.day} at ${when.time}. Sign in for the details: ${url}` };
}
