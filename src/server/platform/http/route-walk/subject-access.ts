import type { SubjectAccessItem } from '../../../../shared/api/subject-access.ts';
import { pdfBytes } from '../../../modules/documents/documents.fixtures.ts';
import type { TestApp } from '../../../test/harness.ts';
import { people, type Records } from '../route-walk.fixtures.ts';

/**
 * The route walk's part for subject access requests (route-walk.test.ts spreads these into its
 * own tables): how to call each route, and which answer a stranger by design.
 */

type Stranger = 'council' | 'councilAdmin' | 'other' | 'readOnly';

const made = { requestId: '', readyId: '', itemId: '', fileItemId: '', redactionId: '', itemVersion: 0 };
const by = 'Changed by a stranger';

/**
 * Two requests about the walk's profile, started by the police's organisation admin and finished
 * with before the walk begins (their jobs write nothing more): one in review, with a redaction of
 * theirs for the removal route to name, and one released, for the download.
 */
export async function prepareSubjectAccess(t: TestApp, r: Records): Promise<void> {
  const policeAdmin = await t.as(people.policeAdmin);
  const startAndWait = async () => {
    const started = await policeAdmin.post(`/api/v1/profiles/${r.profile.id}/subject-access-exports`, {});
    if (started.statusCode !== 202) throw new Error(`could not start a subject access request: ${started.statusCode} ${started.body}`);
    const id = started.json().id as string;
    await reach(id, 'in_review');
    return id;
  };
  const reach = async (id: string, wanted: string) => {
    for (let tries = 0; ; tries++) {
      const status = (await policeAdmin.get(`/api/v1/subject-access-exports/${id}`)).json().status;
      if (status === wanted) return;
      if (tries > 300 || status === 'failed') throw new Error(`the subject access request did not reach ${wanted}: ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  // One released, for the download: every agency's review done by the system administrator.
  made.readyId = await startAndWait();
  const admin = await t.as(people.admin);
  for (const review of (await admin.get(`/api/v1/subject-access-exports/${made.readyId}`)).json().reviews as { organisation: { id: string } }[]) {
    const completed = await admin.post(`/api/v1/subject-access-exports/${made.readyId}/reviews/${review.organisation.id}/complete`, {});
    if (completed.statusCode !== 200) throw new Error(`could not complete a review: ${completed.statusCode} ${completed.body}`);
  }
  await reach(made.readyId, 'ready');
  made.requestId = await startAndWait();
  const items = (await policeAdmin.get(`/api/v1/subject-access-exports/${made.requestId}/items?organisationId=${r.place.policeOrganisation}&limit=200`)).json().items as SubjectAccessItem[];
  made.fileItemId = items.find((i) => i.kind === 'document')?.id ?? '';
  const report = items.find((i) => i.kind === 'report' && i.fields.some((f) => f.text.includes('Reportedited')));
  if (!report) throw new Error('the walk\'s report was not collected');
  const redacted = await policeAdmin.post(`/api/v1/subject-access-exports/${made.requestId}/items/${report.id}/redactions`, { text: 'Reportedited', exemption: 'third-party' });
  if (redacted.statusCode !== 200) throw new Error(`could not redact: ${redacted.statusCode} ${redacted.body}`);
  const item = redacted.json() as SubjectAccessItem;
  made.itemId = item.id;
  made.itemVersion = item.version;
  made.redactionId = item.redactions.find((x) => !x.automatic)!.id;
}

const request = () => ({ params: { id: made.requestId } });
const onItem = () => ({ params: { id: made.requestId, itemId: made.itemId } });

export const subjectAccessWalk = {
  'POST /api/v1/profiles/:id/subject-access-exports': (r: Records) => ({ params: { id: r.profile.id }, body: { requester: by } }),
  'GET /api/v1/subject-access-exports': () => ({ query: { limit: 200 } }),
  'GET /api/v1/subject-access-exports/:id': request,
  'POST /api/v1/subject-access-exports/:id/extend': () => ({ ...request(), body: { reason: by, personToldOn: new Date().toISOString().slice(0, 10) } }),
  'POST /api/v1/subject-access-exports/:id/pause': () => ({ ...request(), body: { reason: by } }),
  'POST /api/v1/subject-access-exports/:id/resume': () => ({ ...request(), body: {} }),
  'POST /api/v1/subject-access-exports/:id/cancel': () => ({ ...request(), body: { reason: by } }),
  'GET /api/v1/subject-access-exports/:id/items': (r: Records) => ({ ...request(), query: { organisationId: r.place.policeOrganisation } }),
  'PUT /api/v1/subject-access-exports/:id/items/:itemId': () => ({ ...onItem(), body: { decision: 'withhold', exemption: 'third-party', version: made.itemVersion } }),
  'POST /api/v1/subject-access-exports/:id/items/:itemId/redactions': () => ({ ...onItem(), body: { text: 'Reportedited', exemption: 'third-party' } }),
  'DELETE /api/v1/subject-access-exports/:id/items/:itemId/redactions/:redactionId': () => ({ params: { ...onItem().params, redactionId: made.redactionId } }),
  'PUT /api/v1/subject-access-exports/:id/items/:itemId/replacement': () => ({
    params: { id: made.requestId, itemId: made.fileItemId }, query: { fileName: 'stranger.pdf' }, file: { bytes: pdfBytes('Stranger'), type: 'application/pdf' },
  }),
  'POST /api/v1/subject-access-exports/:id/reviews/:organisationId/complete': (r: Records) => ({ params: { id: made.requestId, organisationId: r.place.policeOrganisation }, body: {} }),
  'GET /api/v1/subject-access-exports/:id/download': () => ({ params: { id: made.readyId } }),
};

export const subjectAccessExceptions: Record<string, { who: Stranger[] | 'skip'; reason: string; stubs?: boolean }> = {
  'POST /api/v1/profiles/:id/subject-access-exports': {
    who: ['councilAdmin'],
    reason: 'any organisation\'s admins may start a subject access request about a person of the partnership, which covers all it holds (D9); the reply names only the request',
  },
  'GET /api/v1/subject-access-exports': {
    who: ['councilAdmin'],
    reason: 'the requests the caller\'s organisation handles or reviews in, each naming its person as a stub does (their own request about the walk\'s profile)',
    stubs: true,
  },
};
