import { expect } from 'vitest';
import type { Agent } from '../../test/harness.ts';

/** Test helpers for the assessment suites: assessments made through the API, as people make them. */

/** The answers of the ASB Risk Assessment Matrix, each option score as its value. */
export const matrixKeys = [
  'ram-frequency', 'ram-worsening', 'ram-knows-offender', 'ram-lives-close', 'ram-targeted', 'ram-targeted-reason', 'ram-intimidated',
  'ram-affected', 'ram-children', 'ram-increasing-risk', 'ram-support', 'ram-other-agencies', 'ram-others-affected',
] as const;

/** Every matrix question answered with its highest-scoring option: 37, High. */
export const matrixAllMax: Record<string, string> = {
  'ram-frequency': '5', 'ram-worsening': 'yes', 'ram-knows-offender': '2', 'ram-lives-close': 'yes', 'ram-targeted': '3', 'ram-targeted-reason': 'yes',
  'ram-intimidated': '6', 'ram-affected': '6', 'ram-children': 'yes', 'ram-increasing-risk': 'yes', 'ram-support': '3', 'ram-other-agencies': 'yes', 'ram-others-affected': 'yes',
};

/** A matrix scoring 18, Medium: most days 4, worsening 2, knows well 2, lives close 2, targets you 3, previously harassed 4, a few people 1. */
export const matrixMedium: Record<string, string> = {
  'ram-frequency': '4', 'ram-worsening': 'yes', 'ram-knows-offender': '2', 'ram-lives-close': 'yes', 'ram-targeted': '3', 'ram-targeted-reason': 'no',
  'ram-intimidated': '4', 'ram-affected': '0', 'ram-children': 'no', 'ram-increasing-risk': 'no', 'ram-support': '1', 'ram-other-agencies': 'yes', 'ram-others-affected': 'no',
};

export const victimKeys = ['victim-vulnerable', 'victim-increasing', 'victim-coping', 'victim-targeted', 'victim-impact', 'victim-multi-agency'] as const;
export const victimAnswers = (yes: string[] = []) => Object.fromEntries(victimKeys.map((k) => [k, yes.includes(k) ? 'yes' : 'no']));

export interface Made { id: string; version: number; status: string; [key: string]: unknown }

export async function start(agent: Agent, template: string, subject: { type: 'profile' | 'case'; id: string }, answers: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<Made> {
  const response = await agent.post('/api/v1/assessments', { template, subject, answers, ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function complete(agent: Agent, id: string, body?: Record<string, unknown>): Promise<Made> {
  const response = await agent.post(`/api/v1/assessments/${id}/complete`, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** A completed assessment with the template and answers given. */
export async function completed(agent: Agent, template: string, subject: { type: 'profile' | 'case'; id: string }, answers: Record<string, unknown>, body?: Record<string, unknown>): Promise<Made> {
  const draft = await start(agent, template, subject, answers);
  return complete(agent, draft.id, body);
}
