import { Group, Text } from '@mantine/core';
import type { PersonSafety } from '../../shared/api/profiles.ts';
import { profileRoleLabels } from '../../shared/records.ts';
import { RiskBadge } from './RiskBadge.tsx';
import { WarningMarkerBadges } from './WarningMarkers.tsx';

/**
 * A person's warning markers and risk first, then age and roles, where the person appears in a
 * list: the form promises markers are "shown in red wherever the profile appears".
 */
export function PersonSafetyLine({ safety }: { safety: PersonSafety }) {
  const facts = [safety.age === null ? 'Age not known' : `Age ${safety.age}`, ...safety.roles.map((r) => profileRoleLabels[r])];
  return (
    <>
      <WarningMarkerBadges markers={safety.warningMarkers} />
      <Group gap="xs">
        <RiskBadge level={safety.riskLevel} />
        <Text size="sm">{facts.join(' · ')}</Text>
      </Group>
    </>
  );
}
