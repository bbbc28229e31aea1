import { Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { PersonSafety } from '../../shared/api/profiles.ts';
import { profileRoleLabels } from '../../shared/records.ts';
import { RiskBadge, riskWords } from './RiskBadge.tsx';
import { WarningMarkerBadges } from './WarningMarkers.tsx';

const factsOf = (safety: PersonSafety) => [safety.age === null ? 'Age not known' : `Age ${safety.age}`, ...safety.roles.map((r) => profileRoleLabels[r])].join(' · ');

/**
 * A person's warning markers and risk first, then age and roles, where the person appears in a
 * list: the form promises markers are "shown in red wherever the profile appears".
 */
export function PersonSafetyLine({ safety }: { safety: PersonSafety }) {
  return (
    <>
      <WarningMarkerBadges markers={safety.warningMarkers} />
      <Group gap="xs">
        <RiskBadge level={safety.riskLevel} />
        <Text size="sm">{factsOf(safety)}</Text>
      </Group>
    </>
  );
}

/**
 * The same line inside an option, or as a control's description, where it is read as one phrase:
 * there the markers' list would be read by its label ("Warning markers"), not the markers, so it
 * is shown as it is and given to screen readers in words.
 */
export function PersonSafetyPhrase({ safety, id }: { safety: PersonSafety; id?: string }) {
  const markers = safety.warningMarkers.map((m) => m.name);
  return (
    <div id={id}>
      <Stack gap={4} aria-hidden="true">
        <PersonSafetyLine safety={safety} />
      </Stack>
      <VisuallyHidden>
        {markers.length > 0 && `Warning ${markers.length === 1 ? 'marker' : 'markers'}: ${markers.join(', ')}. `}
        {riskWords(safety.riskLevel)}. {factsOf(safety)}.
      </VisuallyHidden>
    </div>
  );
}
