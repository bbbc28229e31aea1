import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { statementsOf } from '../../test/statements.ts';
import { auditOf, createProfile, people } from './profiles.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

// Each statement waits its turn on a busy database, so a page costs what its statements cost
// (bench/README.md): the session, then the page with its audit row, in one statement.
describe('reading a record page', () => {
  it('takes at most two statements, its audit row among them', async () => {
    const police = await t.as(people.police);
    const created = await createProfile(police, {
      firstName: 'Nadia', lastName: 'Okafor', roles: ['victim'],
      aliases: [{ firstName: 'Nads', lastName: 'Okafor' }],
      addresses: [{ addressLine1: '3 Mill Lane', postcode: 'NG1 2AB' }],
      vulnerabilities: ['repeat-victim'], warningMarkers: ['visit-in-pairs'],
    });
    const other = await createProfile(police, { firstName: 'Sam', lastName: 'Okafor', roles: ['perpetrator'] });
    const related = await police.post(`/api/v1/profiles/${created.id}/relationships`, { otherProfileId: other.id, kind: 'sibling' });
    expect(related.statusCode, related.body).toBe(201);

    const { statements, result } = await statementsOf(t, () => police.get(`/api/v1/profiles/${created.id}`));
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json()).toMatchObject({ aliases: [{ firstName: 'Nads' }], relationships: [{ other: { id: other.id } }] });
    expect(statements.length, statements.join('\n---\n')).toBeLessThanOrEqual(2);
    expect(await auditOf(t, `entityId=${created.id}&action=profile.viewed`)).toHaveLength(1);
  });

  it('takes at most two statements for a case page, its people among them', async () => {
    const police = await t.as(people.police);
    const person = await createProfile(police, { firstName: 'Lena', lastName: 'Marsh', roles: ['victim'] });
    const opened = await police.post('/api/v1/cases', { caseType: 'asb', title: 'Noise from flat 9' });
    expect(opened.statusCode, opened.body).toBe(201);
    const kase = opened.json();
    const linked = await police.post(`/api/v1/cases/${kase.id}/profiles`, { profileId: person.id, role: 'victim' });
    expect(linked.statusCode, linked.body).toBe(201);

    const { statements, result } = await statementsOf(t, () => police.get(`/api/v1/cases/${kase.id}`));
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json()).toMatchObject({ profiles: [{ profileId: person.id, accessible: true }] });
    expect(statements.length, statements.join('\n---\n')).toBeLessThanOrEqual(2);
    expect(await auditOf(t, `entityId=${kase.id}&action=case.viewed`)).toHaveLength(1);
  });
});
