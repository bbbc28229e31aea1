import type { TestApp } from '../../../test/harness.ts';
import { people } from '../route-walk.fixtures.ts';

/**
 * The route walk's part for the set-up wizard (route-walk.test.ts spreads it into its own table):
 * a partnership being set up by a system administrator, whose steps no stranger may read or take.
 */

const made = { partnershipId: '', templatePartnershipId: '' };
const by = 'Changed by a stranger';

/** A partnership started in the wizard by Demo County's system administrator, with Demo County as its template. */
export async function prepareSetup(t: TestApp, demoCountyId: string): Promise<void> {
  const started = await (await t.as(people.admin)).post('/api/v1/partnership-setups', { name: 'Walk County Community Safety Partnership' });
  if (started.statusCode !== 201) throw new Error(`could not start a set-up: ${started.statusCode} ${started.body}`);
  made.partnershipId = started.json().partnership.id;
  made.templatePartnershipId = demoCountyId;
}

const step = (body: unknown) => () => ({ params: { partnershipId: made.partnershipId }, body });

export const setupWalk = {
  'GET /api/v1/partnership-setups': () => ({}),
  'POST /api/v1/partnership-setups': () => ({ body: { name: by } }),
  'GET /api/v1/partnership-setups/:partnershipId': () => ({ params: { partnershipId: made.partnershipId } }),
  'POST /api/v1/partnership-setups/:partnershipId/organisations': step({ lines: `${by}, police` }),
  'POST /api/v1/partnership-setups/:partnershipId/teams': step({ lines: `${by} / ${by}` }),
  'POST /api/v1/partnership-setups/:partnershipId/admins': step({ lines: `${by}, stranger.setup@concord.test, ${by} / ${by}` }),
  'POST /api/v1/partnership-setups/:partnershipId/lookups': () => ({ params: { partnershipId: made.partnershipId }, body: { templatePartnershipId: made.templatePartnershipId } }),
  'POST /api/v1/partnership-setups/:partnershipId/case-types': step({ lines: `ASB, ${by}, edit` }),
  'POST /api/v1/partnership-setups/:partnershipId/agreement': step({ title: by, purpose: by, lawfulBasis: 'public-task', startsOn: '2026-01-01', reviewOn: '2027-01-01' }),
};
