import { londonToday } from '../../london.ts';
import type { TestApp } from '../../../test/harness.ts';
import { people, type Records } from '../route-walk.fixtures.ts';

/**
 * The route walk's part for retention, anonymisation, legal holds and the s62 log
 * (route-walk.test.ts spreads these into its own tables): how to call each route, and which
 * answer a stranger by design.
 */

type Stranger = 'council' | 'councilAdmin' | 'other' | 'readOnly';

const made = { ruleId: '', reviewId: '', holdId: '' };
const by = 'Changed by a stranger';

/**
 * A rule for ASB cases, a pending review of the walk's case as if it had closed years ago (the
 * case stays open: a refused decision must change nothing), and a legal hold on the walk's
 * profile placed by the police's organisation admin.
 */
export async function prepareRetention(t: TestApp, r: Records): Promise<void> {
  const admin = await t.as(people.admin);
  const rule = await admin.post('/api/v1/retention-rules', { recordKind: 'case', caseType: 'ASB', startsFrom: 'case_closed', keepMonths: 72 });
  if (rule.statusCode !== 201) throw new Error(`could not set a retention rule: ${rule.statusCode} ${rule.body}`);
  made.ruleId = rule.json().id;
  const { rows } = await t.database.pool.query<{ id: string }>(`
    insert into retention_reviews (id, partnership_id, record_kind, record_id, rule_id, owner_team_id, owner_organisation_id, due_on)
    select gen_random_uuid(), c.partnership_id, 'case', c.id, $2, c.owner_team_id, t.organisation_id, current_date
      from cases c join teams t on t.id = c.owner_team_id where c.id = $1
    returning id`, [r.case.id, made.ruleId]);
  made.reviewId = rows[0]!.id;
  const hold = await (await t.as(people.policeAdmin)).post('/api/v1/legal-holds', { record: { type: 'profile', id: r.profile.id }, reason: 'Walk: civil claim' });
  if (hold.statusCode !== 201) throw new Error(`could not place a legal hold: ${hold.statusCode} ${hold.body}`);
  made.holdId = hold.json().id;
}

const range = (r: Records) => ({ organisationId: r.place.policeOrganisation, from: londonToday(), to: londonToday() });

export const retentionWalk = {
  'GET /api/v1/retention-rules': () => ({}),
  'POST /api/v1/retention-rules': () => ({ body: { recordKind: 'profile', startsFrom: 'last_activity', keepMonths: 12 } }),
  'POST /api/v1/retention-rules/sweep': () => ({ body: {} }),
  'PATCH /api/v1/retention-rules/:id': () => ({ params: { id: made.ruleId }, body: { keepMonths: 1, version: 1 } }),
  'GET /api/v1/retention-reviews': () => ({ query: { limit: 200 } }),
  'POST /api/v1/retention-reviews/:id/decision': () => ({ params: { id: made.reviewId }, body: { decision: 'delete', reason: by } }),
  'POST /api/v1/profiles/:id/anonymise': (r: Records) => ({ params: { id: r.profile.id }, body: { reason: by, version: r.profile.version } }),
  'POST /api/v1/cases/:id/anonymise': (r: Records) => ({ params: { id: r.case.id }, body: { reason: by, version: r.case.version } }),
  'GET /api/v1/profiles/:id/retention': (r: Records) => ({ params: { id: r.profile.id } }),
  'GET /api/v1/cases/:id/retention': (r: Records) => ({ params: { id: r.case.id } }),
  'GET /api/v1/legal-holds': () => ({ query: { limit: 200 } }),
  'POST /api/v1/legal-holds': (r: Records) => ({ body: { record: { type: 'case', id: r.case.id }, reason: by } }),
  'POST /api/v1/legal-holds/:id/lift': () => ({ params: { id: made.holdId }, body: { reason: by } }),
  'GET /api/v1/disclosure-log': (r: Records) => ({ query: { ...range(r), limit: 200 } }),
  'GET /api/v1/disclosure-log.csv': (r: Records) => ({ query: range(r) }),
  'GET /api/v1/disclosure-log.xlsx': (r: Records) => ({ query: range(r) }),
};

export const retentionExceptions: Record<string, { who: Stranger[] | 'skip'; reason: string }> = {
  'GET /api/v1/retention-rules': { who: ['councilAdmin'], reason: 'the caller\'s partnership\'s retention rules, read by those who decide reviews: no record data' },
  'GET /api/v1/retention-reviews': { who: ['councilAdmin'], reason: 'the caller\'s own organisation\'s retention queue: none of the police team\'s records' },
  'GET /api/v1/legal-holds': { who: ['councilAdmin'], reason: 'the legal holds on the caller\'s own organisation\'s records: none of the police team\'s' },
};
