import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpArticle } from '../../../shared/api/help.ts';
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
const article = async (agent: Agent, slug: string) => (await agent.get(`/api/v1/help/articles/${slug}`)).json() as HelpArticle;
const slugs = async (agent: Agent) => ((await agent.get('/api/v1/help/articles')).json().items as { slug: string }[]).map((a) => a.slug);
const search = async (agent: Agent, q: string) =>
  (await agent.get(`/api/v1/help/search?q=${encodeURIComponent(q)}`)).json().items as { slug: string; title: string; snippet: { text: string; match: boolean }[] }[];

const put = (agent: Agent, slug: string, body: Record<string, unknown>) => agent.request('PUT', `/api/v1/help/articles/${slug}`, body);

describe('reading help', () => {
  it('every member of staff reads the partnership\'s articles, shipped for every partnership', async () => {
    const { agent: reader } = await enrolledUser(t, emails.lead, { name: 'Rhea Reader', role: 'read_only', teamId: place.team('Demo County Police/ASB team').teamId });
    for (const agent of [await t.as(emails.council), await t.as(emails.housing), reader, await t.as(emails.other)]) {
      expect(await slugs(agent)).toContain('suggestion-box');
    }
    const read = await article(await t.as(emails.council), 'suggestion-box');
    expect(read).toMatchObject({ slug: 'suggestion-box', title: 'How do I suggest an improvement to Concord?', screens: ['/suggestions'], version: 1, updatedBy: null });
    expect(read.html).toContain('<h2>Make a suggestion</h2>');
    expect(read.body).toContain('## Make a suggestion');
    expectError(await (await t.as(emails.council)).get('/api/v1/help/articles/no-such-article'), 404, 'not_found');
  });

  it('a new partnership starts with the shipped articles', async () => {
    const created = await (await t.as(emails.admin)).post('/api/v1/partnerships', { name: 'Help Shire' });
    expect(created.statusCode).toBe(201);
    const { rows } = await sql('select slug from help_articles where partnership_id = $1', [created.json().id]);
    expect(rows.map((r) => r.slug)).toContain('suggestion-box');
  });

  it('search finds an article by a word of its body, best first, with the word marked', async () => {
    const hits = await search(await t.as(emails.police), 'sorted');
    expect(hits[0]).toMatchObject({ slug: 'suggestion-box' });
    expect(hits[0]!.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toContain('sorted');
    expect(await search(await t.as(emails.police), 'the and of')).toEqual([]);
    expectError(await (await t.as(emails.police)).get('/api/v1/help/search?q='), 422, 'validation_failed');
  });
});

describe('editing help', () => {
  it('a system administrator changes an article from the version read; a stale edit is 409 with the current article; history and audit keep it', async () => {
    const admin = await t.as(emails.admin);
    const before = await article(admin, 'suggestion-box');
    const saved = await put(admin, 'suggestion-box', { title: 'How do I make a suggestion?', body: `${before.body}\n\nAsk your quartermaster first.`, screens: ['/suggestions', '/'], version: before.version });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ title: 'How do I make a suggestion?', version: 2, screens: ['/suggestions', '/'], updatedBy: { name: expect.any(String) } });
    expect((await search(await t.as(emails.council), 'quartermaster')).map((h) => h.slug)).toEqual(['suggestion-box']);

    const stale = await put(admin, 'suggestion-box', { title: 'Too late', body: 'Someone saved first.', screens: [], version: before.version });
    expectError(stale, 409, 'conflict');
    expect(stale.json().error.details[0]).toMatchObject({ slug: 'suggestion-box', version: 2, title: 'How do I make a suggestion?' });

    const versions = (await admin.get('/api/v1/help/articles/suggestion-box/versions')).json().items;
    expect(versions).toEqual([expect.objectContaining({ version: 1, title: before.title, changedBy: null })]);
    const [event] = await auditOf(t, before.id, 'help_article.updated');
    expect(event).toMatchObject({ action: 'help_article.updated', entityType: 'help_article' });
    expect(event!.changes).toMatchObject({ title: { before: before.title, after: 'How do I make a suggestion?' } });
  });

  it('sanitises what is saved and what is previewed: no script, no javascript: link, no event handler, no raw HTML', async () => {
    const admin = await t.as(emails.admin);
    const body = [
      '## Safe heading',
      'Some **bold** words and [a page of Concord](/search) and [GOV.UK](https://www.gov.uk).',
      '<script>alert("script")</script>',
      '[click me](javascript:alert(1)) [protocol relative](//evil.example/x) [mail](mailto:someone@example.com)',
      '<a href="/search" onclick="alert(2)" target="_self">handled</a> <img src="x" onerror="alert(3)"> <iframe src="https://evil.example"></iframe>',
      '<p style="color:red" onmouseover="alert(4)">styled</p>',
    ].join('\n\n');
    const created = await admin.post('/api/v1/help/articles', { slug: 'sanitising-check', title: 'Sanitising check', body, screens: ['/search'] });
    expect(created.statusCode).toBe(201);
    const preview = await admin.post('/api/v1/help/preview', { body });
    expect(preview.statusCode).toBe(200);
    for (const html of [created.json().html as string, preview.json().html as string]) {
      expect(html).toContain('<h2>Safe heading</h2>');
      expect(html).toContain('<strong>bold</strong>');
      expect(html).toContain('<a href="/search">a page of Concord</a>');
      expect(html).toContain('<a href="https://www.gov.uk" rel="noopener noreferrer" target="_blank">GOV.UK</a>');
      expect(html).toContain('click me');
      for (const bad of ['<script', 'alert', 'javascript:', 'onclick', 'onerror', 'onmouseover', '<img', '<iframe', 'style=', 'evil.example', 'mailto:', '_self']) {
        expect(html).not.toContain(bad);
      }
    }
    expect(created.json().body).toBe(body);
    const { rows } = await sql('select html, body_text from help_articles where id = $1', [created.json().id]);
    expect(rows[0].html).toBe(created.json().html);
    expect(rows[0].body_text).not.toContain('alert');

    expectError(await admin.post('/api/v1/help/articles', { slug: 'sanitising-check', title: 'Again', body: 'Words.' }), 422, 'validation_failed');
    expectError(await admin.post('/api/v1/help/articles', { slug: 'only-markup', title: 'Nothing', body: '<script>alert(1)</script>' }), 422, 'validation_failed');
    expectError(await admin.post('/api/v1/help/articles', { slug: 'Not A Slug', title: 'Bad', body: 'Words.' }), 422, 'validation_failed');
    expectError(await admin.post('/api/v1/help/articles', { slug: 'bad-screen', title: 'Bad', body: 'Words.', screens: ['https://evil.example'] }), 422, 'validation_failed');
  });

  it('only system administrators change help: organisation and team admins, practitioners and the other partnership are refused', async () => {
    const current = await article(await t.as(emails.admin), 'suggestion-box');
    const edit = { title: 'Changed', body: 'Changed.', screens: [], version: current.version };
    for (const email of [emails.policeAdmin, emails.lead, emails.police, emails.other]) {
      const agent = await t.as(email);
      expectError(await put(agent, 'suggestion-box', edit), 403, 'forbidden');
      expectError(await agent.post('/api/v1/help/articles', { slug: `by-${email.split('@')[0]!.replace('.', '-')}`, title: 'Mine', body: 'Mine.' }), 403, 'forbidden');
      expectError(await agent.post('/api/v1/help/preview', { body: 'Mine.' }), 403, 'forbidden');
    }
    expect((await article(await t.as(emails.admin), 'suggestion-box')).version).toBe(current.version);
  });

  it('the other partnership never sees this partnership\'s articles or edits', async () => {
    const admin = await t.as(emails.admin);
    const created = await admin.post('/api/v1/help/articles', { slug: 'demo-county-only', title: 'Demo County only', body: 'Ask the zeppelin desk.', screens: ['/'] });
    expect(created.statusCode).toBe(201);
    const other = await t.as(emails.other);
    expectError(await other.get('/api/v1/help/articles/demo-county-only'), 404, 'not_found');
    expectError(await other.get('/api/v1/help/articles/demo-county-only/versions'), 404, 'not_found');
    expect(await slugs(other)).not.toContain('demo-county-only');
    expect(await search(other, 'zeppelin')).toEqual([]);
    expect(await search(other, 'quartermaster')).toEqual([]);
    const theirs = await article(other, 'suggestion-box');
    expect(theirs).toMatchObject({ title: 'How do I suggest an improvement to Concord?', version: 1, updatedBy: null });
    expect(theirs.id).not.toBe(created.json().id);
  });
});
