import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { statementsOf } from '../../test/statements.ts';
import { auditOf, createProfile, people } from '../profiles/profiles.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** One search as `email`: its result, the statements it sent, and the `search.performed` rows it added. */
async function searched(email: string, q: string) {
  const agent = await t.as(email);
  const before = await auditOf(t, 'action=search.performed');
  const { statements, result } = await statementsOf(t, () => agent.get(`/api/v1/search?q=${encodeURIComponent(q)}`));
  expect(result.statusCode, result.body).toBe(200);
  const after = await auditOf(t, 'action=search.performed');
  return { items: result.json().items as { id: string; accessible: boolean; safety: unknown }[], statements, audited: after.slice(0, after.length - before.length) };
}

// Each statement waits its turn on a busy database, so a search costs what its statements cost
// (bench/README.md): the session, people by name, the other sources in one statement, then the
// page's access, owners and safety facts with the search's audit row.
describe('searching', () => {
  it('takes at most four statements whoever searches, and records each search once', async () => {
    const police = await t.as(people.police);
    const council = await t.as(people.council);
    const nadia = await createProfile(police, {
      firstName: 'Nadia', lastName: 'Okafor', roles: ['victim'], warningMarkers: ['visit-in-pairs'],
      addresses: [{ addressLine1: '3 Mill Lane', postcode: 'NG1 2AB' }],
    });
    const sam = await createProfile(council, { firstName: 'Sam', lastName: 'Okafor', roles: ['perpetrator'] });
    const opened = await police.post('/api/v1/cases', { caseType: 'asb', title: 'Okafor family dispute' });
    expect(opened.statusCode, opened.body).toBe(201);

    const ours = await searched(people.police, 'Okafor');
    expect(ours.items).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: nadia.id, accessible: true, safety: expect.objectContaining({ roles: ['victim'] }) }),
      expect.objectContaining({ id: sam.id, accessible: false, safety: null }),
      expect.objectContaining({ id: opened.json().id, accessible: true }),
    ]));
    expect(ours.statements.length, ours.statements.join('\n---\n')).toBeLessThanOrEqual(4);
    expect(ours.audited).toHaveLength(1);
    expect(ours.audited[0]).toMatchObject({ actor: { name: 'Tom Wright' }, details: { query: 'Okafor', kind: null, resultCount: 3 } });

    // Another organisation of the partnership: the police's people as stubs.
    const theirs = await searched(people.council, 'Okafor');
    expect(theirs.items).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: nadia.id, accessible: false, safety: null }),
      expect.objectContaining({ id: sam.id, accessible: true }),
    ]));
    expect(theirs.statements.length, theirs.statements.join('\n---\n')).toBeLessThanOrEqual(4);
    expect(theirs.audited).toHaveLength(1);

    // The other partnership finds nothing, by name or by postcode, and its searches are recorded all the same.
    for (const q of ['Okafor', 'NG1 2AB']) {
      const other = await searched(people.other, q);
      expect(other.items).toEqual([]);
      expect(other.statements.length, other.statements.join('\n---\n')).toBeLessThanOrEqual(4);
      expect(other.audited).toHaveLength(1);
      expect(other.audited[0]).toMatchObject({ details: { query: q, kind: null, resultCount: 0 } });
    }
  });
});
