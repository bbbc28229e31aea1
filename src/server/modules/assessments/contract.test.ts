import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgent, startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { createProfile, emails, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { matrixAllMax, victimAnswers } from './assessments.fixtures.ts';

/** The assessment calls of the public API contract (API.md), made exactly as it writes them, by another agency's system. */

let t: TestApp;
let police: Agent;
let token: Agent;
let issuerId: string;

beforeAll(async () => {
  t = await startTestApp();
  const place = await loadStructure(t);
  police = await t.as(emails.police);
  const admin = await t.as(emails.policeAdmin);
  issuerId = (await admin.get('/api/v1/me')).json().id;
  const issued = await admin.post('/api/v1/api-tokens', { ...place.team('Demo County Police/ASB team'), name: 'Niche RMS feed', access: 'write' });
  expect(issued.statusCode, issued.body).toBe(201);
  token = makeAgent(t.app, {}, { authorization: `Bearer ${issued.json().token}` });
});
afterAll(() => t.close());

describe('POST /api/v1/assessments, PATCH, complete', () => {
  it('runs a matrix from start to a completed score and band', async () => {
    const profile = await createProfile(police);
    const created = await token.post('/api/v1/assessments', { template: 'asb-risk-matrix', subject: { type: 'profile', id: profile.id }, answers: { 'ram-frequency': '5' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'draft', startedBy: { id: issuerId } });
    const incomplete = await token.post(`/api/v1/assessments/${created.json().id}/complete`);
    expectError(incomplete, 422, 'validation_failed');
    expect(incomplete.json().error.details).toHaveLength(12);
    const patched = await token.patch(`/api/v1/assessments/${created.json().id}`, { version: created.json().version, answers: matrixAllMax });
    expect(patched.statusCode, patched.body).toBe(200);
    // The contract's completion carries no body at all.
    const done = await token.request('POST', `/api/v1/assessments/${created.json().id}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ id: created.json().id, status: 'completed', score: 37, band: { label: 'High' }, assessor: { id: issuerId } });
    expect((await token.get(`/api/v1/assessments/${created.json().id}`)).json()).toMatchObject({ status: 'completed', score: 37 });
  });

  it('reminds the person who issued the token when a screening needs the matrix', async () => {
    const profile = await createProfile(police);
    const created = await token.post('/api/v1/assessments', { template: 'victim-screening', subject: { type: 'profile', id: profile.id }, answers: victimAnswers(['victim-impact']) });
    expect((await token.post(`/api/v1/assessments/${created.json().id}/complete`)).statusCode).toBe(200);
    const reminders = (await (await t.as(emails.policeAdmin)).get('/api/v1/actions?limit=100')).json().items as { title: string; record: { id: string } | null }[];
    expect(reminders.filter((r) => r.record?.id === profile.id).map((r) => r.title)).toEqual(['Complete the ASB Risk Assessment Matrix today']);
  });

  it('does not let a token list, adjust or review', async () => {
    expect((await token.get('/api/v1/assessments?scope=mine')).statusCode).toBe(403);
    const profile = await createProfile(police);
    const created = (await token.post('/api/v1/assessments', { template: 'victim-screening', subject: { type: 'profile', id: profile.id }, answers: victimAnswers() })).json();
    await token.post(`/api/v1/assessments/${created.id}/complete`);
    expect((await token.post(`/api/v1/assessments/${created.id}/review`)).statusCode).toBe(403);
  });
});
