import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Suggestion } from '../../../shared/api/help.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, emails, enrolledUser, expectError, loadStructure } from '../sharing/records.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
});
afterAll(() => t.close());

const sql = (text: string, values: unknown[] = []) => t.database.pool.query(text, values);
const suggest = async (agent: Agent, title: string, body = 'It would save us time.') => {
  const response = await agent.post('/api/v1/suggestions', { title, body });
  expect(response.statusCode).toBe(201);
  return response.json() as Suggestion;
};
const listed = async (agent: Agent, query = '') => (await agent.get(`/api/v1/suggestions${query}`)).json() as { items: Suggestion[]; nextCursor: string | null };
const one = async (agent: Agent, id: string) => (await listed(agent, '?limit=200')).items.find((s) => s.id === id);
const support = (agent: Agent, id: string) => agent.request('PUT', `/api/v1/suggestions/${id}/support`, {});
const withdraw = (agent: Agent, id: string) => agent.delete(`/api/v1/suggestions/${id}/support`, {});
const notices = async (email: string, id: string) =>
  (await sql(`select n.message, n.link from notifications n join users u on u.id = n.user_id where u.email = $1 and n.kind = 'suggestion_updated' and n.subject_id = $2 order by n.created_at`, [email, id])).rows as { message: string; link: string }[];

describe('the suggestion box', () => {
  it('anyone posts a suggestion, under review; everyone in the partnership sees it, the other partnership never', async () => {
    const posted = await suggest(await t.as(emails.police), 'Let me print a case summary from the case list', 'Printing from each case takes an afternoon.');
    expect(posted).toMatchObject({ status: 'under_review', supportCount: 0, supported: false, answer: null, version: 1, author: { name: expect.any(String) } });
    const { agent: reader } = await enrolledUser(t, emails.lead, { name: 'Rory Reader', role: 'read_only', teamId: place.team('Demo County Police/ASB team').teamId });
    for (const agent of [await t.as(emails.council), await t.as(emails.housing), await t.as(emails.policeAdmin), reader]) {
      expect(await one(agent, posted.id)).toMatchObject({ title: 'Let me print a case summary from the case list', body: 'Printing from each case takes an afternoon.' });
    }
    const other = await t.as(emails.other);
    expect((await listed(other, '?limit=200')).items.map((s) => s.id)).not.toContain(posted.id);
    expectError(await support(other, posted.id), 404, 'not_found');
    expectError(await withdraw(other, posted.id), 404, 'not_found');
    const theirs = await suggest(other, 'Neighbouring County only');
    expect((await listed(await t.as(emails.police), '?limit=200')).items.map((s) => s.id)).not.toContain(theirs.id);
    expectError(await support(await t.as(emails.police), theirs.id), 404, 'not_found');
    expectError(await (await t.as(emails.admin)).post(`/api/v1/suggestions/${theirs.id}/answer`, { body: 'Not yours to answer.' }), 404, 'not_found');

    const [created] = await auditOf(t, posted.id, 'suggestion.created');
    expect(created!.changes).toMatchObject({ title: { before: null, after: 'Let me print a case summary from the case list' } });
    expectError(await (await t.as(emails.police)).post('/api/v1/suggestions', { title: ' ', body: 'x' }), 422, 'validation_failed');
  });

  it('each person supports a suggestion once, and may withdraw it', async () => {
    const posted = await suggest(await t.as(emails.police), 'Colour the overdue tasks');
    const council = await t.as(emails.council);
    expect((await support(council, posted.id)).json()).toMatchObject({ supportCount: 1, supported: true });
    expect((await support(council, posted.id)).json()).toMatchObject({ supportCount: 1, supported: true });
    expect((await support(await t.as(emails.housing), posted.id)).json()).toMatchObject({ supportCount: 2, supported: true });
    expect(await one(await t.as(emails.police), posted.id)).toMatchObject({ supportCount: 2, supported: false });
    expect((await withdraw(council, posted.id)).json()).toMatchObject({ supportCount: 1, supported: false });
    expect((await withdraw(council, posted.id)).json()).toMatchObject({ supportCount: 1, supported: false });
    expect((await auditOf(t, posted.id)).map((e) => e.action)).toEqual(['suggestion.support_withdrawn', 'suggestion.supported', 'suggestion.supported', 'suggestion.created']);
    const { rows } = await sql('select count(*)::int as n from suggestion_supports where suggestion_id = $1', [posted.id]);
    expect(rows[0].n).toBe(1);
  });

  it('sorts by support or date and filters by status, paging through', async () => {
    const police = await t.as(emails.police);
    const quiet = await suggest(police, 'Quiet idea');
    const popular = await suggest(police, 'Popular idea');
    for (const email of [emails.council, emails.housing, emails.lead]) await support(await t.as(email), popular.id);
    await support(await t.as(emails.council), quiet.id);
    const bySupport = (await listed(police, '?sort=support&limit=200')).items;
    expect(bySupport.findIndex((s) => s.id === popular.id)).toBeLessThan(bySupport.findIndex((s) => s.id === quiet.id));
    expect(bySupport.map((s) => s.supportCount)).toEqual([...bySupport.map((s) => s.supportCount)].sort((a, b) => b - a));
    const newest = (await listed(police, '?limit=200')).items;
    expect(newest.findIndex((s) => s.id === popular.id)).toBeLessThan(newest.findIndex((s) => s.id === quiet.id));

    for (const sort of ['newest', 'support']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Suggestion[]; nextCursor: string | null } = await listed(police, `?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((s) => s.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual((await listed(police, `?sort=${sort}&limit=200`)).items.map((s) => s.id));
    }
    expectError(await police.get('/api/v1/suggestions?cursor=bm90IGEgY3Vyc29y'), 422, 'validation_failed');

    const admin = await t.as(emails.admin);
    expect((await admin.patch(`/api/v1/suggestions/${quiet.id}`, { status: 'declined', version: quiet.version })).statusCode).toBe(200);
    const declined = (await listed(police, '?status=declined&limit=200')).items;
    expect(declined.map((s) => s.id)).toContain(quiet.id);
    expect(declined.every((s) => s.status === 'declined')).toBe(true);
    expect((await listed(police, '?status=under_review&limit=200')).items.map((s) => s.id)).not.toContain(quiet.id);
  });

  it('only the partnership\'s system administrators answer or move a suggestion on; the answer is visible to all; author and supporters are told', async () => {
    const posted = await suggest(await t.as(emails.police), 'Remember my last search');
    await support(await t.as(emails.council), posted.id);
    for (const email of [emails.policeAdmin, emails.lead, emails.police, emails.council]) {
      const agent = await t.as(email);
      expectError(await agent.post(`/api/v1/suggestions/${posted.id}/answer`, { body: 'I may not.' }), 403, 'forbidden');
      expectError(await agent.patch(`/api/v1/suggestions/${posted.id}`, { status: 'planned', version: posted.version }), 403, 'forbidden');
    }
    expectError(await (await t.as(emails.other)).post(`/api/v1/suggestions/${posted.id}/answer`, { body: 'Nor I.' }), 403, 'forbidden');

    const admin = await t.as(emails.admin);
    const answered = await admin.post(`/api/v1/suggestions/${posted.id}/answer`, { body: 'Yes: we will add it in the spring release.' });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ answer: { body: 'Yes: we will add it in the spring release.', by: { name: expect.any(String) } }, version: 2 });
    const planned = await admin.patch(`/api/v1/suggestions/${posted.id}`, { status: 'planned', version: 2 });
    expect(planned.json()).toMatchObject({ status: 'planned', version: 3 });
    expectError(await admin.patch(`/api/v1/suggestions/${posted.id}`, { status: 'done', version: 2 }), 409, 'conflict');

    for (const agent of [await t.as(emails.housing), await t.as(emails.police), await t.as(emails.policeAdmin)]) {
      expect(await one(agent, posted.id)).toMatchObject({ status: 'planned', answer: { body: 'Yes: we will add it in the spring release.' } });
    }
    expect(await notices(emails.police, posted.id)).toEqual([
      { message: 'A suggestion you made has been answered.', link: `/suggestions#suggestion-${posted.id}` },
      { message: 'A suggestion you made is now marked planned.', link: `/suggestions#suggestion-${posted.id}` },
    ]);
    expect((await notices(emails.council, posted.id)).map((n) => n.message)).toEqual(['A suggestion you support has been answered.', 'A suggestion you support is now marked planned.']);
    expect(await notices(emails.housing, posted.id)).toEqual([]);
    expect((await auditOf(t, posted.id)).map((e) => e.action).slice(0, 2)).toEqual(['suggestion.status_changed', 'suggestion.answered']);
    const [moved] = await auditOf(t, posted.id, 'suggestion.status_changed');
    expect(moved!.changes).toEqual({ status: { before: 'under_review', after: 'planned' } });
  });
});
