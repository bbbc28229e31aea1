import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { loadConfig } from '../../src/server/config.ts';
import { randomToken, sha256 } from '../../src/server/platform/auth/crypto.ts';
import { loadKeyRing, openJson, type KeyRing } from '../../src/server/platform/crypto/envelope.ts';
import { sessionCookie } from '../../src/server/platform/http/auth-guard.ts';
import type { CreateReferralFormBody, ReferralForm } from '../../src/shared/api/referrals.ts';
import type { BenchDesk } from '../load/referrals.ts';

/** Someone the bench sends requests as. */
export interface Caller {
  id: string;
  cookie: string;
  csrf: string;
}

/**
 * The key ring the server builds from the same settings (loadKeyRing in app.ts), so what the
 * loader seals the server opens.
 */
export function benchKeyRing(env: Record<string, string>): KeyRing {
  return loadKeyRing(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
}

/** Fails early, naming the setting, when the desk was loaded under another key than the server now has. */
export async function checkSealedWith(pool: pg.Pool, ring: KeyRing, teamId: string): Promise<void> {
  const { rows: [row] } = await pool.query<{ sealed_subject: string }>('select sealed_subject from referrals where team_id = $1 limit 1', [teamId]);
  if (!row) return;
  try {
    openJson(ring, row.sealed_subject);
  } catch {
    throw new Error('The desk\'s referrals were sealed under another DATA_ENCRYPTION_KEY: run with the key they were loaded with.');
  }
}

/** The form the public sends to the bench desk with: its own questions, a choice, yes/no, a date and text, as a team would build it. */
export const benchFormSlug = 'bench-asb-concern';
const yesNo = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];

function formBody(teamId: string): CreateReferralFormBody {
  return {
    name: 'Tell us about anti-social behaviour',
    teamId,
    slug: benchFormSlug,
    introduction: 'Tell us about anti-social behaviour that is affecting you or someone else. The ASB team will look at what you send within 2 working days.',
    decisionDays: 2,
    subjectRole: 'victim',
    questions: [
      {
        key: 'what', text: 'What is happening?', kind: 'single_choice', required: true, guidance: null, scale: null, condition: null,
        options: [
          { value: 'noise', label: 'Noise' }, { value: 'harassment', label: 'Harassment or intimidation' }, { value: 'damage', label: 'Damage or graffiti' },
          { value: 'drugs', label: 'Drug dealing or use' }, { value: 'other', label: 'Something else' },
        ],
      },
      { key: 'since', text: 'When did it start?', kind: 'date', required: false, guidance: null, options: [], scale: null, condition: null },
      { key: 'children', text: 'Are children affected?', kind: 'yes_no', required: true, guidance: null, options: yesNo, scale: null, condition: null },
      { key: 'police', text: 'Has it been reported to the police?', kind: 'yes_no', required: false, guidance: null, options: yesNo, scale: null, condition: null },
      { key: 'concern', text: 'What is your concern?', kind: 'text', required: true, guidance: null, options: [], scale: null, condition: null },
    ],
  };
}

async function send<T>(url: string, as: Caller, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      cookie: as.cookie,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': as.csrf, 'idempotency-key': randomUUID() }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

/**
 * The bench desk's form, built through the API by the team's administrator on the first run
 * (as a team would), found by its slug after that.
 */
export async function benchForm(url: string, pool: pg.Pool, admin: Caller, teamId: string): Promise<BenchDesk['form']> {
  const { items } = await send<{ items: { id: string; slug: string }[] }>(url, admin, 'GET', `/api/v1/referral-forms?teamId=${teamId}`);
  const found = items.find((f) => f.slug === benchFormSlug);
  const form = found
    ? await send<ReferralForm>(url, admin, 'GET', `/api/v1/referral-forms/${found.id}`)
    : await send<ReferralForm>(url, admin, 'POST', '/api/v1/referral-forms', formBody(teamId));
  if (form.status !== 'published') throw new Error(`the bench form ${benchFormSlug} is ${form.status}: publish it again`);
  const { rows: [version] } = await pool.query<{ id: string }>('select id from referral_form_versions where form_id = $1 and version = $2', [form.id, form.formVersion]);
  return { id: form.id, versionId: version!.id, definition: form.definition, decisionDays: form.decisionDays };
}

/**
 * Members of the desk's team who triage during the run (made on the first run, put back in the
 * team after), each with a session written as sign-in writes one, so the bench acts as many
 * people without two-factor sign-ins (as bench/work.ts's live readers do).
 */
export async function triageUsers(pool: pg.Pool, teamId: string, count: number): Promise<Caller[]> {
  const callers: Caller[] = [];
  for (let n = 1; n <= count; n++) {
    const email = `triage.${n}@bench.concord.test`;
    const { rows: [user] } = await pool.query<{ id: string }>(`
      insert into users (id, team_id, email, name, role) values ($1, $2, $3::text, 'Triage officer ' || $4::int, 'practitioner')
      on conflict (email) do update set team_id = excluded.team_id, disabled_at = null returning id`, [uuidv7(), teamId, email, n]);
    const token = randomToken();
    const csrf = randomToken();
    await pool.query(`insert into sessions (token_hash, user_id, stage, csrf_token, expires_at) values ($1, $2, 'full', $3, now() + interval '12 hours')`,
      [sha256(token), user!.id, csrf]);
    callers.push({ id: user!.id, cookie: `${sessionCookie}=${token}`, csrf });
  }
  return callers;
}

/** Ends the sessions the bench wrote, so they do not linger as open sign-ins. */
export async function endSessions(pool: pg.Pool, callers: Caller[]): Promise<void> {
  const hashes = callers.map((c) => sha256(c.cookie.slice(sessionCookie.length + 1)));
  await pool.query(`update sessions set ended_at = now(), end_reason = 'signed_out' where token_hash = any($1) and ended_at is null`, [hashes]);
}
