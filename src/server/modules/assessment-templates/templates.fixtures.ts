import { expect } from 'vitest';
import type { Agent } from '../../test/harness.ts';

/** Test helpers for the template, bank and statistics suites: templates and questions made through the API. */

let counter = 0;

/** A small scored template of the team's own wording: a yes/no, a choice shown after a "yes", and a rating. */
export function ownDefinition(overrides: Record<string, unknown> = {}) {
  return {
    sections: [{
      title: 'Concerns',
      questions: [
        { key: 'noise', text: 'Is there noise at night?', kind: 'yes_no', required: true, options: [{ value: 'yes', label: 'Yes', score: 5 }, { value: 'no', label: 'No', score: 0 }] },
        {
          key: 'how-often',
          text: 'How often?',
          kind: 'single_choice',
          options: [{ value: 'weekly', label: 'Weekly', score: 2 }, { value: 'daily', label: 'Daily', score: 6 }],
          condition: { questionKey: 'noise', values: ['yes'] },
        },
        { key: 'wellbeing', text: 'How are you coping?', kind: 'scale', scale: { min: 1, max: 5 } },
      ],
    }],
    bands: [{ label: 'Low', min: 0, max: 5, colour: 'green' }, { label: 'High', min: 6, max: null, colour: 'red' }],
    ...overrides,
  };
}

export async function createTemplate(agent: Agent, body: Record<string, unknown> = {}) {
  counter++;
  const response = await agent.post('/api/v1/assessment-templates', { name: `Noise check ${counter}`, definition: ownDefinition(), ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** The bank's questions by key, as a curator lists them. */
export async function bankByKey(curator: Agent): Promise<Map<string, { id: string; key: string; text: string; status: string; version: number; options: unknown[] }>> {
  const found = new Map();
  let cursor: string | null = null;
  do {
    const response = await curator.get(`/api/v1/assessment-questions?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json();
    for (const item of page.items) found.set(item.key, item);
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

export async function submitQuestion(agent: Agent, body: Record<string, unknown> = {}) {
  counter++;
  const response = await agent.post('/api/v1/assessment-questions', { text: `Has the person been seen at the address ${counter}?`, kind: 'yes_no', nature: 'objective', topics: ['Housing'], ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
