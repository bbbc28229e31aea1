import { Details } from '../components/Details.tsx';
import type { Panel } from '../../shared/api/panels.ts';
import { kindName } from './labels.ts';

/** Who sits on the panel and who runs it. */
export function PanelMembers({ panel: p }: { panel: Panel }) {
  return (
    <Details
      items={[
        { label: 'Kind', value: kindName(p.kind) },
        { label: 'Chair', value: p.chair ? `${p.chair.name}, ${p.chair.organisation.name}` : 'No chair yet' },
        { label: 'Coordinators', value: p.coordinators.length === 0 ? 'None' : p.coordinators.map((c) => c.name).join(', ') },
        { label: 'Member organisations', value: p.memberOrganisations.length === 0 ? 'None yet' : p.memberOrganisations.map((o) => o.name).join(', ') },
      ]}
    />
  );
}
