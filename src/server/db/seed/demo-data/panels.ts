import { and, eq } from 'drizzle-orm';
import { panelReferrals, panels } from '../../schema/index.ts';
import type { Tx } from '../../transaction.ts';
import type { Assessed } from './assessments.ts';
import { insertAll } from './insert.ts';
import type { CaseFile } from './model.ts';
import type { World } from './world.ts';

/**
 * A few of the police ASB team's victims on open cases referred to the Community MARAC and waiting
 * for its next meeting: those the matrix puts at high risk, then medium ones on professional
 * judgement. The team chairs and coordinates the panel, so nobody needs a panel grant to open them.
 */
export async function seedPanelReferrals(tx: Tx, world: World, files: CaseFile[], { latestMatrix }: Assessed): Promise<number> {
  const { random, clock } = world;
  const [panel] = await tx.select({ id: panels.id }).from(panels).where(and(eq(panels.partnershipId, world.partnershipId), eq(panels.kind, 'community-marac')));
  if (!panel) return 0;
  const open = new Set(files.filter((c) => !c.closedAt).flatMap((c) => c.people.map((p) => p.person.id)));
  const atRisk = (level: string) => [...latestMatrix.values()].filter((m) => m.person.team === 'policeAsb' && m.person.riskLevel === level && open.has(m.person.id));
  const rows = [...atRisk('high'), ...atRisk('medium')].slice(0, 4).map((m) => {
    const referrer = random.pick(world.workers.policeAsb);
    const day = clock.daysAgo(random.int(1, 12));
    const at = new Date(Math.max(clock.at(day, random.int(9, 16)).getTime(), m.completedAt.getTime() + 60 * 60_000));
    return {
      id: random.id(at),
      partnershipId: world.partnershipId,
      panelId: panel.id,
      recordKind: 'profile' as const,
      recordId: m.person.id,
      reason: m.person.riskLevel === 'high'
        ? 'High risk on the ASB Risk Assessment Matrix, and the incidents are continuing despite the interventions so far.'
        : 'Medium risk on the matrix, but the victim is isolated and the intimidation is escalating: referred on professional judgement.',
      criteria: [m.person.riskLevel === 'high' ? 'ram-high' as const : 'professional-judgement' as const],
      hasChildren: m.person.childRelative,
      latestAssessmentId: m.id,
      referredBy: referrer.id,
      referredByTeamId: referrer.teamId,
      referredByOrganisationId: referrer.organisationId,
      createdAt: at,
      updatedAt: at,
    };
  });
  await insertAll(tx, panelReferrals, rows);
  return rows.length;
}
