import { enrolledUser, loadStructure } from '../../../modules/sharing/records.fixtures.ts';
import type { TestApp } from '../../../test/harness.ts';
import { people, type Records } from '../route-walk.fixtures.ts';

/**
 * The route walk's part for who looked at a person and breaking the glass (route-walk.test.ts
 * spreads these into its own tables): how to call each route, and which answer a stranger by design.
 */

type Stranger = 'council' | 'councilAdmin' | 'other' | 'readOnly';

const made = { emergencyAccessId: '' };

/**
 * An emergency access to the walk's profile for the review route to name: broken by a fire
 * service officer, nobody the walk acts as, so no stranger gains anything by it.
 */
export async function preparePrivacy(t: TestApp, r: Records): Promise<void> {
  const place = await loadStructure(t);
  const officer = await enrolledUser(t, people.admin, { name: 'Fenella Firewatch', role: 'practitioner', teamId: place.team('Demo Fire and Rescue Service/Community Safety team').teamId });
  const granted = await officer.agent.post(`/api/v1/profiles/${r.profile.id}/emergency-access`, { reason: 'Walk: smoke reported at the address' });
  if (granted.statusCode !== 200) throw new Error(`could not break the glass: ${granted.statusCode} ${granted.body}`);
  made.emergencyAccessId = granted.json().id;
}

export const privacyWalk = {
  'GET /api/v1/profiles/:id/viewers': (r: Records) => ({ params: { id: r.profile.id } }),
  'GET /api/v1/profiles/:id/recent-viewers': (r: Records) => ({ params: { id: r.profile.id } }),
  'GET /api/v1/profiles/:id/emergency-access': (r: Records) => ({ params: { id: r.profile.id } }),
  'GET /api/v1/emergency-access': () => ({ query: { status: 'all' } }),
  'POST /api/v1/emergency-access/:id/review': () => ({ params: { id: made.emergencyAccessId }, body: { outcome: 'justified', note: 'Changed by a stranger' } }),
};

export const privacyExceptions: Record<string, { who: Stranger[] | 'skip'; reason: string }> = {
  'POST /api/v1/profiles/:id/emergency-access': {
    who: 'skip',
    reason: 'breaking the glass opens the profile to a stranger by design, which every later route of the walk would then show them (data-protection/emergency-access/emergency-access.test.ts)',
  },
  'GET /api/v1/profiles/:id/emergency-access': { who: ['council', 'councilAdmin'], reason: 'whether the caller holds emergency access, asked from the locked page: no record data' },
  'GET /api/v1/emergency-access': { who: ['councilAdmin'], reason: 'the review queue of records the caller administers' },
};
