import type { Actor } from '../../platform/access/actor.ts';
import type { Context } from '../../platform/context.ts';
import type { Mailer } from '../../platform/notify/types.ts';

/**
 * What the referrer is told by email, if they gave an address. Never a name, an answer, the team
 * or what it decided: an inbox may be read by the person the referral is about, so the words say
 * no more than that a referral exists and where it stands, and nothing says what kind it was.
 */
type Referrer = { reference: string; referrer: { email?: string | null } };

const signOff = 'Please quote the reference if you contact us about it.\n\nThis is an automatic message.';

async function send(ctx: Context<Actor | null>, mailer: Mailer, referral: Referrer, subject: string, body: string): Promise<boolean> {
  const to = referral.referrer.email;
  if (!to) return false;
  await mailer.queueEmail(ctx, { to, subject, body, userId: null });
  return true;
}

export function emailReceived(ctx: Context<Actor | null>, mailer: Mailer, referral: Referrer): Promise<boolean> {
  return send(ctx, mailer, referral, `We have received your referral ${referral.reference}`,
    `Thank you for your referral. Its reference is ${referral.reference}.\n\nWe will look at it and may contact you if we need to know more.\n\n${signOff}`);
}

/** The link to answer on the same referral; the question itself is shown only behind it. */
export function emailInformationRequest(ctx: Context<Actor | null>, mailer: Mailer, referral: Referrer, link: string, validDays: number): Promise<boolean> {
  return send(ctx, mailer, referral, `A question about your referral ${referral.reference}`,
    `Thank you for your referral ${referral.reference}. The team looking at it has a question for you.\n\nYou can read it and answer here within ${validDays} days. The link works once:\n\n${link}\n\n${signOff}`);
}

/** Once the team has decided (accepted, signposted or declined), without saying what. */
export function emailDecided(ctx: Context<Actor | null>, mailer: Mailer, referral: Referrer): Promise<boolean> {
  return send(ctx, mailer, referral, `Your referral ${referral.reference} has been looked at`,
    `Your referral ${referral.reference} has been looked at and the team has decided what to do next. We cannot share any details by email.\n\nThank you for telling us.\n\n${signOff}`);
}
