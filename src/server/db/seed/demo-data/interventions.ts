import type { InterventionStatus } from '../../../../shared/records.ts';
import { addDays } from '../../../platform/london.ts';
import type { caseInterventions } from '../../schema/index.ts';
import type { CaseFile } from './model.ts';
import type { World } from './world.ts';

/** The ASB toolkit's incremental approach: each step only after the one before it was breached. */
const ladder = ['warning-letter', 'acceptable-behaviour-contract', 'community-protection-warning', 'community-protection-notice', 'civil-injunction'];

const notes: Record<string, string> = {
  'warning-letter': 'First warning letter hand-delivered and explained at the door.',
  'acceptable-behaviour-contract': 'ABC signed at a meeting with a parent present; reviewed monthly.',
  'community-protection-warning': 'CPW served in person; conditions explained.',
  'community-protection-notice': 'CPN served after the warning was ignored.',
  'civil-injunction': 'Application made to the county court with the housing association.',
  dispersal: 'Dispersal direction authorised by an inspector for the weekend.',
  pspo: 'Public Spaces Protection Order on drinking in the area, renewed by the council.',
  'closure-notice': 'Closure notice served after repeated disorder at the premises.',
};

/** The steps taken on a case, dated within it: earlier ones breached, the last as far as the case has gone. */
export function interventionsOf(world: World, c: CaseFile): (typeof caseInterventions.$inferInsert)[] {
  const { random, clock } = world;
  const steps = ['asb', 'hate-crime', 'community-marac'].includes(c.typeKey)
    ? ladder.slice(0, random.weighted([[0, 3], [1, 4], [2, 3], [3, 2], [4, 1]]))
    : c.typeKey === 'neighbourhood-plan' ? [random.pick(['dispersal', 'pspo'])]
      : c.typeKey === 'licensing' ? ['closure-notice'] : [];
  const end = c.closedAt ? clock.dateOf(c.closedAt) : clock.daysAgo(1);
  let day = clock.dateOf(c.openedAt);
  const rows: (typeof caseInterventions.$inferInsert)[] = [];
  steps.forEach((key, i) => {
    day = addDays(day, random.int(5, 40));
    if (day > end) return;
    const last = i === steps.length - 1;
    const status: InterventionStatus = !last ? 'breached' : c.closedAt ? random.weighted<InterventionStatus>([['complied', 6], ['expired', 2], ['withdrawn', 1]]) : random.weighted<InterventionStatus>([['issued', 3], ['in_force', 4], ['proposed', 1]]);
    const lasts = key === 'acceptable-behaviour-contract' || key === 'community-protection-notice' ? 180 : key === 'civil-injunction' ? 365 : null;
    const at = clock.at(day, random.int(9, 16));
    rows.push({
      caseId: c.id,
      interventionTypeId: world.lookup('intervention', key),
      status,
      startDate: status === 'proposed' ? null : day,
      endDate: lasts && status !== 'proposed' ? addDays(day, lasts) : null,
      outcome: status === 'breached' ? 'Breached: further reports received' : status === 'complied' ? 'Complied with; no further reports' : null,
      notes: notes[key] ?? null,
      createdBy: c.leadId,
      version: status === 'breached' || c.closedAt ? 2 : 1,
      createdAt: at,
      updatedAt: at,
    });
  });
  return rows;
}
