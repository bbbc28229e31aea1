import { pdfBytes } from '../../../modules/documents/documents.fixtures.ts';
import type { TestApp } from '../../../test/harness.ts';
import { people, type Records } from '../route-walk.fixtures.ts';

/**
 * The route walk's part for sharing agreements, people's lawful bases and the data protection
 * settings (route-walk.test.ts spreads these into its own tables): how to call each route, and
 * which answer a stranger by design.
 */

type Stranger = 'council' | 'councilAdmin' | 'other' | 'readOnly';

const made = { agreementId: '', lawfulBasisId: '' };
const by = 'Changed by a stranger';

/** An agreement of Demo County, and the police's lawful basis for the walk's profile, recorded by its own officer. */
export async function prepareAgreements(t: TestApp, r: Records): Promise<void> {
  const admin = await t.as(people.admin);
  const agreement = await admin.post('/api/v1/sharing-agreements', {
    title: 'Walk protocol', purpose: 'Walk: sharing to reduce anti-social behaviour', lawfulBasis: 'public-task',
    parties: [{ organisationId: r.place.policeOrganisation }], startsOn: '2026-01-01', reviewOn: '2030-01-01', status: 'active',
  });
  if (agreement.statusCode !== 201) throw new Error(`could not record an agreement: ${agreement.statusCode} ${agreement.body}`);
  made.agreementId = agreement.json().id;
  const signed = await admin.request('PUT', `/api/v1/sharing-agreements/${made.agreementId}/document?fileName=signed.pdf`, pdfBytes('Walk protocol'), { 'content-type': 'application/pdf' });
  if (signed.statusCode !== 200) throw new Error(`could not upload the signed agreement: ${signed.statusCode} ${signed.body}`);
  const police = await t.as(people.police);
  const basis = await police.post(`/api/v1/profiles/${r.profile.id}/lawful-bases`, { basis: 'public-task', agreementId: made.agreementId });
  if (basis.statusCode !== 201) throw new Error(`could not record a lawful basis: ${basis.statusCode} ${basis.body}`);
  made.lawfulBasisId = basis.json().id;
}

export const agreementsWalk = {
  'GET /api/v1/sharing-agreements': () => ({ query: { limit: 200 } }),
  'POST /api/v1/sharing-agreements': (r: Records) => ({
    body: { title: by, purpose: by, lawfulBasis: 'consent', parties: [{ organisationId: r.place.policeOrganisation }], startsOn: '2026-01-01', reviewOn: '2030-01-01', status: 'draft' },
  }),
  'GET /api/v1/sharing-agreements/:id': () => ({ params: { id: made.agreementId } }),
  'PATCH /api/v1/sharing-agreements/:id': () => ({ params: { id: made.agreementId }, body: { version: 2, title: by } }),
  'PUT /api/v1/sharing-agreements/:id/document': () => ({ params: { id: made.agreementId }, query: { fileName: 'stranger.pdf' }, file: { bytes: pdfBytes('Stranger'), type: 'application/pdf' } }),
  'GET /api/v1/sharing-agreements/:id/document': () => ({ params: { id: made.agreementId } }),
  'GET /api/v1/profiles/:id/lawful-bases': (r: Records) => ({ params: { id: r.profile.id } }),
  'POST /api/v1/profiles/:id/lawful-bases': (r: Records) => ({ params: { id: r.profile.id }, body: { basis: 'legitimate-interests', notes: by } }),
  'POST /api/v1/lawful-bases/:id/end': () => ({ params: { id: made.lawfulBasisId }, body: { reason: 'no-longer-needed', note: by } }),
  'GET /api/v1/data-protection/settings': () => ({}),
  'PUT /api/v1/data-protection/settings': () => ({ body: { reviewReminderDays: 7, lawfulBasisReviewMonths: 6, redactOtherAgencyStaff: false, downloadDays: 7, version: 0 } }),
};

const partnership: Stranger[] = ['council', 'councilAdmin', 'readOnly'];

export const agreementsExceptions: Record<string, { who: Stranger[] | 'skip'; reason: string }> = {
  'GET /api/v1/sharing-agreements': { who: ['council', 'councilAdmin', 'other', 'readOnly'], reason: 'the caller\'s partnership\'s sharing agreements, read by all its staff: no record data' },
  'GET /api/v1/sharing-agreements/:id': { who: partnership, reason: 'an agreement of the caller\'s partnership, read by all its staff: no record data' },
  'GET /api/v1/sharing-agreements/:id/document': { who: partnership, reason: 'the signed agreement of the caller\'s partnership, read by all its staff: no record data' },
};
