import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { createProfile, emails, expectError } from '../sharing/records.fixtures.ts';

let t: TestApp;
let police: Agent;
let profileId: string;

beforeAll(async () => {
  t = await startTestApp();
  police = await t.as(emails.police);
  profileId = (await createProfile(police)).id;
});
afterAll(() => t.close());

const startWith = (template: string) => police.post('/api/v1/assessments', { template, subject: { type: 'profile', id: profileId }, answers: {} });
const fieldsOf = (response: { json(): unknown }) => ((response.json() as { error: { details: { field: string }[] } }).error.details).map((d) => d.field);

/** API.md: lookups are accepted by id, by key or by name, case-insensitively. */
describe('a template named in a request', () => {
  it('is found by id, or by key or name in any case, to start an assessment', async () => {
    const byKey = (await police.get('/api/v1/assessment-templates/victim-screening')).json();
    for (const name of ['VICTIM screening', 'victim SCREENING', 'Victim-Screening', 'victim-screening', byKey.id, byKey.id.toUpperCase()]) {
      const response = await startWith(name);
      expect(response.statusCode, `${name}: ${response.body}`).toBe(201);
      expect(response.json().template.key).toBe('victim-screening');
    }
  });

  it('is found the same ways by the template routes', async () => {
    for (const name of ['VICTIM%20screening', 'Victim-Screening', 'asb%20risk%20assessment%20MATRIX']) {
      const response = await police.get(`/api/v1/assessment-templates/${name}`);
      expect(response.statusCode, `${name}: ${response.body}`).toBe(200);
    }
    expect((await police.get('/api/v1/assessment-templates/no%20such%20template')).statusCode).toBe(404);
  });

  it('is refused, naming the field, when two templates share the name', async () => {
    const lead = await t.as(emails.lead);
    for (const key of ['team-wheel-one', 'team-wheel-two']) {
      const copy = await lead.post('/api/v1/assessment-templates/wheel/copy', { name: 'Team wheel', key });
      expect(copy.statusCode, copy.body).toBe(201);
    }
    const started = await startWith('team WHEEL');
    expectError(started, 422, 'validation_failed');
    expect(fieldsOf(started)).toEqual(['template']);
    const got = await police.get('/api/v1/assessment-templates/Team%20Wheel');
    expectError(got, 422, 'validation_failed');
    expect(fieldsOf(got)).toEqual(['idOrKey']);
    // Its key still names one.
    expect((await startWith('TEAM-WHEEL-ONE')).statusCode).toBe(201);
  });
});
