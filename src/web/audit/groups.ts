import type { AuditEvent } from '../../shared/api/audit.ts';

/** A row of the trail: one event, or the reads one page visit made. */
export type AuditRow = { kind: 'event'; event: AuditEvent } | { kind: 'visit'; id: string; events: AuditEvent[] };

/** Opening a page reads its record and lists what is on it: each read is an event of its own. */
export const isRead = (action: string) => /(\.|_)viewed$|\.listed$/.test(action);

/** How far apart the reads of one page visit can be: a page asks for its parts as it loads. */
const visitSeconds = 5;

const sameVisit = (first: AuditEvent, next: AuditEvent) =>
  isRead(next.action) && next.outcome === 'success' && next.actor.kind === first.actor.kind && next.actor.id !== null &&
  next.actor.id === first.actor.id && Date.parse(first.at) - Date.parse(next.at) <= visitSeconds * 1000;

/**
 * The events, newest first, with each run of successful reads by the same person within a few
 * seconds of each other folded into one visit. Anything else between them ends the visit.
 */
export function groupVisits(events: AuditEvent[]): AuditRow[] {
  const rows: AuditRow[] = [];
  let i = 0;
  while (i < events.length) {
    const first = events[i]!;
    let end = i + 1;
    if (isRead(first.action) && first.outcome === 'success') while (end < events.length && sameVisit(first, events[end]!)) end++;
    rows.push(end - i > 1 ? { kind: 'visit', id: `visit-${first.id}`, events: events.slice(i, end) } : { kind: 'event', event: first });
    i = end;
  }
  return rows;
}

/** The read that says which page it was: the opening of a record ("case.viewed"), else the first read of the visit. */
export function pageOf(events: AuditEvent[]): AuditEvent {
  return [...events].reverse().find((e) => e.entityType !== null && e.action === `${e.entityType}.viewed`) ?? events.at(-1)!;
}
