import { and, desc, eq } from 'drizzle-orm';
import { outboundMessages } from '../db/schema/index.ts';
import type { TestApp } from './harness.ts';

/** The newest email to an address, as the recipient would read it. */
export async function latestEmailTo(t: TestApp, to: string) {
  const [message] = await t.database.db
    .select()
    .from(outboundMessages)
    .where(and(eq(outboundMessages.recipient, to), eq(outboundMessages.channel, 'email')))
    .orderBy(desc(outboundMessages.createdAt), desc(outboundMessages.id))
    .limit(1);
  if (!message) throw new Error(`no email to ${to}`);
  return message;
}

let counter = 0;

/**
 * Creates a user through the API as an administrator, then accepts the emailed invitation, as a
 * new colleague would. Returns their email and password; they still have to enrol.
 */
export async function createUserAs(t: TestApp, adminEmail: string, input: { name: string; role?: string; teamId?: string }) {
  const admin = await t.as(adminEmail);
  const me = (await admin.get('/api/v1/me')).json();
  const email = `new.user.${Date.now()}.${counter++}@concord.test`;
  const created = await admin.post('/api/v1/users', { teamId: input.teamId ?? me.team.id, name: input.name, email, role: input.role ?? 'practitioner' });
  if (created.statusCode !== 201) throw new Error(`could not create user: ${created.body}`);
  const link = /https?:\/\/\S+/.exec((await latestEmailTo(t, email)).body)![0];
  const token = new URL(link).searchParams.get('token')!;
  const password = 'correct horse battery staple';
  const accepted = await t.anonymous.post('/api/v1/auth/password-reset/complete', { token, password });
  if (accepted.statusCode !== 204) throw new Error(`could not accept invitation: ${accepted.body}`);
  return { id: created.json().id as string, email, password };
}
