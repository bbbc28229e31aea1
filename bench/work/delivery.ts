import { randomUUID } from 'node:crypto';
import { csrfOf } from '../run/server.ts';
import { statsOf, type Stats } from '../run/measure.ts';
import { openStream, type LiveEvent, type Stream } from './live.ts';

export interface Delivery {
  /** From the moment each report was sent to its `timeline.changed` reaching each reader. */
  latency: Stats;
  max: number;
  received: number;
  expected: number;
  /** How long each save took to answer. */
  save: Stats;
  /** The reports saved, so the runner can take them off the timeline again. */
  reportIds: string[];
}

/** A report as the web form sends it. */
export function reportBody(sentence: string, visibility: 'shared' | 'team' = 'shared'): string {
  return JSON.stringify({ reportType: 'contact-log', occurredAt: new Date().toISOString(), body: `<p>${sentence}</p>`, visibility });
}

const connectInBatchesOf = 25;
// A save's events that have not all arrived by then are counted as lost.
const waitForAllMs = 10_000;

/**
 * Connects a live-update stream for every reader, then saves `reports` reports on the profile
 * one at a time as `cookie`'s user, each after the last one's events have all arrived (or
 * `waitForAllMs` has passed), and times each reader's `timeline.changed` for the profile.
 */
export async function measureDelivery(url: string, cookie: string, profileId: string, readers: string[], reports: number): Promise<Delivery> {
  let current: { sentAt: number; seen: Set<number>; all: () => void } | null = null;
  const latencies: number[] = [];
  const onEvent = (reader: number) => (event: LiveEvent) => {
    if (!current || event.type !== 'timeline.changed' || event.data.id !== profileId || current.seen.has(reader)) return;
    current.seen.add(reader);
    latencies.push(event.at - current.sentAt);
    if (current.seen.size === readers.length) current.all();
  };
  const streams: Stream[] = [];
  let savingSince = 0;
  const saves: number[] = [];
  const reportIds: string[] = [];
  let failures = 0;
  const samples: string[] = [];
  try {
    for (let i = 0; i < readers.length; i += connectInBatchesOf) {
      streams.push(...await Promise.all(readers.slice(i, i + connectInBatchesOf).map((c, j) => openStream(url, c, onEvent(i + j)))));
    }
    savingSince = performance.now();
    for (let n = 0; n < reports; n++) {
      let timer: NodeJS.Timeout | undefined;
      const arrived = new Promise<void>((resolve) => {
        current = { sentAt: performance.now(), seen: new Set(), all: resolve };
        timer = setTimeout(resolve, waitForAllMs);
      });
      const response = await fetch(`${url}/api/v1/profiles/${profileId}/reports`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfOf(cookie), 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: reportBody(`Live update check ${n + 1}: visited the address and spoke with the tenant.`),
      });
      saves.push(performance.now() - current!.sentAt);
      if (response.status === 201) {
        reportIds.push(((await response.json()) as { id: string }).id);
        await arrived;
      } else {
        failures++;
        if (samples.length < 3) samples.push(`${response.status} ${(await response.text()).slice(0, 200)}`);
      }
      clearTimeout(timer);
      current = null;
    }
  } finally {
    for (const stream of streams) stream.close();
  }
  const seconds = (performance.now() - savingSince) / 1000;
  const latency = statsOf(latencies, 0, seconds, []);
  return {
    latency,
    max: latencies.length > 0 ? Math.max(...latencies) : Number.NaN,
    received: latencies.length,
    expected: readers.length * reports,
    save: statsOf(saves, failures, seconds, samples),
    reportIds,
  };
}
