import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/api/audit.ts';
import { groupVisits, pageOf } from './groups.ts';

const tom = { kind: 'user' as const, id: '0192f1c4-5a6b-7c8d-9e0f-000000000001', name: 'Tom Wright' };
const priya = { kind: 'user' as const, id: '0192f1c4-5a6b-7c8d-9e0f-000000000002', name: 'Priya Shah' };
const caseId = '0192f1c4-5a6b-7c8d-9e0f-0000000000c1';

let seq = 0;
function event(action: string, at: string, over: Partial<AuditEvent> = {}): AuditEvent {
  seq++;
  return {
    id: `0192f1c4-5a6b-7c8d-9e0f-${String(seq).padStart(12, '0')}`, seq, at: `2026-05-01T10:00:${at}Z`, actor: tom, action, outcome: 'success',
    entityType: null, entityId: null, ip: null, reason: null, changes: null, details: null, valuesHidden: false, valuesErased: false,
    entityName: null, record: null, names: {}, ...over,
  };
}

describe('a page visit\'s reads', () => {
  it('folds the reads one person made within a few seconds into one visit, named by the record opened', () => {
    const opened = event('case.viewed', '01.000', { entityType: 'case', entityId: caseId, record: { kind: 'case', id: caseId, name: 'ASB/2026/00042: Noise' } });
    const events = [event('documents.listed', '02.500'), event('tasks.listed', '02.100'), event('timeline.viewed', '01.200'), opened];
    const rows = groupVisits(events);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'visit', events });
    expect(pageOf(events)).toBe(opened);
  });

  it('keeps writes, refusals, other people\'s reads and reads far apart as rows of their own', () => {
    const events = [
      event('tasks.listed', '30.000'),
      event('timeline.viewed', '29.000'),
      event('case.updated', '28.000'),
      event('tasks.listed', '27.000', { actor: priya }),
      event('case.viewed', '26.000'),
      event('case.viewed', '25.000', { outcome: 'refused' }),
      event('timeline.viewed', '10.000'),
    ];
    expect(groupVisits(events).map((r) => (r.kind === 'visit' ? r.events.length : r.event.action))).toEqual([
      2, 'case.updated', 'tasks.listed', 'case.viewed', 'case.viewed', 'timeline.viewed',
    ]);
  });
});
