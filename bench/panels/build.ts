import { randomUUID } from 'node:crypto';
import { actionTitles, minutesText, researchFacts, researchOpinions, risksText } from '../data/panels.ts';
import type { Setting } from './setup.ts';

export interface Caller {
  cookie: string;
  csrf: string;
}

/** One step of building the meeting: its requests' times in ms, and the whole step's. */
export interface Step {
  name: string;
  latencies: number[];
  ms: number;
}

export interface Built {
  meetingId: string;
  steps: Step[];
}

/** Items the chair minutes, each with two actions. */
export const minutedItems = 20;

async function send<T>(url: string, as: Caller, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      cookie: as.cookie,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': as.csrf }),
      ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

/** Times each call of a step; `work` gets a timed `send`. */
async function step(steps: Step[], name: string, work: (timed: typeof send) => Promise<void>): Promise<void> {
  const latencies: number[] = [];
  const timed: typeof send = async (...args) => {
    const started = performance.now();
    const result = await send(...args);
    latencies.push(performance.now() - started);
    return result as never;
  };
  const started = performance.now();
  await work(timed);
  steps.push({ name, latencies, ms: performance.now() - started });
}

const londonDate = (daysAhead: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(Date.now() + daysAhead * 86_400_000));

/**
 * Builds a meeting as a coordinator and the agencies would, through the API: sets up a MARAC with
 * the eight member organisations (the coordinator chairs it), refers each person (reading what
 * Concord holds first, as the referral form does, and taking its suggested criteria or
 * professional judgement), arranges a meeting a week ahead and puts every referral on its agenda,
 * records each agency's attendance; then every agency's researcher writes research on every item
 * (the eight at once, each item in turn); then the chair minutes the first 20 items and agrees two
 * actions on each for member organisations.
 */
export async function buildMeeting(url: string, setting: Setting, chair: Caller): Promise<Built> {
  const steps: Step[] = [];
  let panelId = '';
  let meetingId = '';
  const referralIds: string[] = [];
  const itemIds: string[] = [];
  await step(steps, 'panel set up', async (timed) => {
    const panel = await timed<{ id: string }>(url, chair, 'POST', '/api/v1/panels', {
      kind: 'MARAC', name: `Bench MARAC ${new Date().toISOString()}`, memberOrganisationIds: setting.organisationIds, chairUserId: setting.coordinator.id,
    });
    panelId = panel.id;
  });
  await step(steps, 'referral form read and referral made', async (timed) => {
    for (const [i, id] of setting.profileIds.entries()) {
      const start = await timed<{ suggestedCriteria: string[] }>(url, chair, 'GET', `/api/v1/panels/${panelId}/referral-start?subjectType=profile&subjectId=${id}`);
      const criteria = start.suggestedCriteria.length > 0 ? start.suggestedCriteria : ['professional-judgement'];
      const referral = await timed<{ id: string }>(url, chair, 'POST', `/api/v1/panels/${panelId}/referrals`, {
        subject: { type: 'profile', id }, reason: `Referral ${i + 1}: repeated incidents and the victim's fear of further violence.`, criteria,
      });
      referralIds.push(referral.id);
    }
  });
  await step(steps, 'meeting arranged and agenda built', async (timed) => {
    const meeting = await timed<{ id: string }>(url, chair, 'POST', '/api/v1/meetings', {
      panelId, startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), place: 'Police headquarters, conference room 2',
    });
    meetingId = meeting.id;
    for (const referralId of referralIds) itemIds.push((await timed<{ id: string }>(url, chair, 'POST', `/api/v1/meetings/${meetingId}/agenda`, { referralId })).id);
  });
  await step(steps, 'attendance recorded', async (timed) => {
    for (const organisationId of setting.organisationIds) {
      await timed(url, chair, 'PUT', `/api/v1/meetings/${meetingId}/attendance/${organisationId}`, { status: 'present', attendees: 'One officer', confidentialityAgreed: true });
    }
  });
  await step(steps, 'research by 8 agencies on every item', async (timed) => {
    await Promise.all(setting.researchers.map(async (researcher, r) => {
      for (const [i, itemId] of itemIds.entries()) {
        await timed(url, researcher, 'PUT', `/api/v1/meetings/${meetingId}/agenda/${itemId}/research`, {
          known: researchFacts[(r + i) % researchFacts.length],
          opinion: (r + i) % 3 === 0 ? researchOpinions[(r + i) % researchOpinions.length] : null,
          withheld: (r + i) % 11 === 0 ? 'A health record of the victim\'s own treatment.' : null,
          withheldReason: (r + i) % 11 === 0 ? 'Medical confidentiality: not needed to manage the risk.' : null,
        });
      }
    }));
  });
  await step(steps, `minutes and two actions on ${minutedItems} items`, async (timed) => {
    for (const [i, itemId] of itemIds.slice(0, minutedItems).entries()) {
      await timed(url, chair, 'PUT', `/api/v1/meetings/${meetingId}/agenda/${itemId}/minutes`, { text: minutesText, risks: risksText });
      for (const k of [0, 1]) {
        await timed(url, chair, 'POST', `/api/v1/meetings/${meetingId}/agenda/${itemId}/actions`, {
          title: actionTitles[(i + k) % actionTitles.length],
          assignee: { organisationId: setting.organisationIds[(2 * i + k) % setting.organisationIds.length] },
          dueDate: londonDate(14),
        });
      }
    }
  });
  return { meetingId, steps };
}
