import type { PanelKind } from '../../../shared/panels.ts';
import type { AuditEntry } from '../../platform/audit/actions.ts';
import type { Tx } from '../transaction.ts';
import { panelCoordinators, panelOrganisations, panels } from '../schema/index.ts';

interface DemoPanel {
  kind: PanelKind;
  name: string;
  chair: string;
  coordinators: string[];
  members: string[];
}

/** Demo County's panels, as API.md names them: the police ASB sergeant coordinates and chairs both. */
export const demoPanels: DemoPanel[] = [
  {
    kind: 'community-marac',
    name: 'Demo County Community MARAC',
    chair: 'police.asb.lead@concord.test',
    coordinators: ['police.asb.lead@concord.test'],
    members: ['Demo County Police', 'Demo District Council', 'Demo Housing Association'],
  },
  {
    kind: 'marac',
    name: 'Demo County MARAC',
    chair: 'police.asb.lead@concord.test',
    coordinators: ['police.asb.lead@concord.test'],
    members: ['Demo County Police', 'Demo District Council', 'Demo Housing Association'],
  },
];

/** Seeds the panels in the demo seed's transaction and returns their audit entries. */
export async function seedDemoPanels(
  tx: Tx,
  partnershipId: string,
  organisationId: (name: string) => string,
  userId: (email: string) => string,
): Promise<AuditEntry[]> {
  const audit: AuditEntry[] = [];
  for (const p of demoPanels) {
    const [panel] = await tx.insert(panels).values({ partnershipId, kind: p.kind, name: p.name, chairUserId: userId(p.chair) }).returning({ id: panels.id });
    await tx.insert(panelOrganisations).values(p.members.map((name) => ({ panelId: panel!.id, organisationId: organisationId(name) })));
    await tx.insert(panelCoordinators).values(p.coordinators.map((email) => ({ panelId: panel!.id, userId: userId(email) })));
    audit.push({ action: 'panel.created', entityType: 'panel', entityId: panel!.id, details: { name: p.name, seed: 'demo' } });
  }
  return audit;
}
