import { demoCardNumber } from '../../../db/seed/demo-schemes.ts';
import type { TestApp } from '../../../test/harness.ts';
import { people, type Records } from '../route-walk.fixtures.ts';

/**
 * The route walk's part for the Keep Safe Card register and its emergency look-up (route-walk.test.ts
 * spreads these into its own tables). No stranger is the scheme's staff or flagged for look-up, so
 * every route refuses them all and none is an exception.
 */

const made = { cardholderId: '', applicationId: '', profileId: '' };
const by = 'Changed by a stranger';
const params = () => ({ scheme: 'keep-safe', id: made.cardholderId });

/** A cardholder of Demo County's scheme, registered by a system administrator (a scheme administrator). */
export async function prepareSchemes(t: TestApp): Promise<void> {
  const police = await t.as(people.police);
  const person = await police.post('/api/v1/profiles', { firstName: 'Walker', lastName: 'Keepsafe', reasonCreated: 'Walk: a Keep Safe cardholder', confirmNoDuplicate: true });
  if (person.statusCode !== 201) throw new Error(`could not create a profile: ${person.statusCode} ${person.body}`);
  const admin = await t.as(people.admin);
  const holder = await admin.post('/api/v1/schemes/keep-safe/cardholders', {
    profileId: person.json().id, condition: 'Walk condition', communication: 'Walk communication', carers: [], emergencyContacts: [],
  });
  if (holder.statusCode !== 201) throw new Error(`could not register a cardholder: ${holder.statusCode} ${holder.body}`);
  made.cardholderId = holder.json().id;
  made.profileId = person.json().id;
  // A renewal waiting for its checks, as the desk or the scheme's staff would have made it.
  const { rows } = await t.database.pool.query(
    `insert into scheme_applications (id, partnership_id, scheme_id, profile_id, cardholder_id, kind, details)
     select gen_random_uuid(), s.partnership_id, s.id, $1, $2, 'renewal', $3::jsonb from schemes s join cardholders h on h.scheme_id = s.id where h.id = $2
     returning id`,
    [made.profileId, made.cardholderId, JSON.stringify({
      condition: 'Walk condition', communication: 'Walk communication', medicationNotes: null, carers: [], emergencyContacts: [],
      usesDisabilityContactLine: false, showConditionOnCard: false, parentalConsent: null,
    })],
  );
  made.applicationId = rows[0].id;
}

const application = () => ({ scheme: 'keep-safe', id: made.applicationId });
const details = { condition: by, communication: by, carers: [], emergencyContacts: [] };

export const schemesWalk = {
  'POST /api/v1/schemes/:scheme/cardholders': (r: Records) => ({
    params: { scheme: 'keep-safe' }, body: { profileId: r.profile.id, condition: by, communication: by, carers: [], emergencyContacts: [] },
  }),
  'GET /api/v1/schemes/:scheme/cardholders': () => ({ params: { scheme: 'keep-safe' }, query: { limit: 200 } }),
  'GET /api/v1/schemes/:scheme/cardholders/:id': () => ({ params: params() }),
  'PATCH /api/v1/schemes/:scheme/cardholders/:id': () => ({ params: params(), body: { version: 1, condition: by } }),
  'POST /api/v1/schemes/:scheme/cardholders/:id/cards': () => ({ params: params(), body: { reason: 'lost' } }),
  'GET /api/v1/schemes/:scheme/cardholders/:id/card.pdf': () => ({ params: params() }),
  'POST /api/v1/schemes/:scheme/cardholders/:id/review': () => ({ params: params(), body: { confirmed: true, version: 1 } }),
  'POST /api/v1/schemes/:scheme/cardholders/:id/withdraw': () => ({ params: params(), body: { version: 1, reason: by, removalReason: 'other' } }),
  'GET /api/v1/schemes/:scheme/lookup': () => ({ params: { scheme: 'keep-safe' }, query: { cardNumber: demoCardNumber, reason: by } }),
  'POST /api/v1/schemes/:scheme/lookup': () => ({ params: { scheme: 'keep-safe' }, body: { cardNumber: demoCardNumber, reason: by } }),
  'GET /api/v1/schemes/:scheme/lookups': () => ({ params: { scheme: 'keep-safe' }, query: { limit: 200 } }),
  'GET /api/v1/schemes': () => ({}),
  'GET /api/v1/schemes/:scheme': () => ({ params: { scheme: 'keep-safe' } }),
  'PUT /api/v1/schemes/:scheme': () => ({
    params: { scheme: 'keep-safe' }, body: { name: by, teamId: made.cardholderId, reviewMonths: 1, removalMonths: 1, cardValidMonths: 1, version: 1 },
  }),
  'GET /api/v1/profiles/:id/keep-safe': (r: Records) => ({ params: { id: r.profile.id } }),
  'GET /api/v1/schemes/:scheme/applications': () => ({ params: { scheme: 'keep-safe' }, query: { status: 'all', limit: 200 } }),
  'POST /api/v1/schemes/:scheme/applications': (r: Records) => ({ params: { scheme: 'keep-safe' }, body: { profileId: r.profile.id, kind: 'new', details } }),
  'GET /api/v1/schemes/:scheme/applications/:id': () => ({ params: application() }),
  'PATCH /api/v1/schemes/:scheme/applications/:id': () => ({ params: application(), body: { version: 1, details, checks: { identity: true } } }),
  'POST /api/v1/schemes/:scheme/applications/:id/approve': () => ({ params: application(), body: { version: 1 } }),
  'POST /api/v1/schemes/:scheme/applications/:id/decline': () => ({ params: application(), body: { version: 1, reason: by } }),
  'POST /api/v1/schemes/:scheme/applications/:id/withdraw': () => ({ params: application(), body: { version: 1, reason: by } }),
  'POST /api/v1/schemes/:scheme/applications/:id/issue': () => ({ params: application(), body: { version: 1 } }),
};
