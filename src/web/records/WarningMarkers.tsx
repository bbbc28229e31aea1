import { Alert, Badge, Group, List } from '@mantine/core';
import type { LookupRef } from '../../shared/api/records.ts';

function WarningIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
      <path d="M12 9v4M12 17h.01" />
    </svg>
  );
}

/**
 * Staff-safety markers at the top of every view of a person, before anything else: someone about
 * to visit must not miss "Violence" or "Visit in pairs".
 */
export function WarningMarkers({ markers }: { markers: LookupRef[] }) {
  if (markers.length === 0) return null;
  return (
    <Alert color="red" variant="filled" icon={<WarningIcon />} title={markers.length === 1 ? 'Warning marker' : 'Warning markers'}>
      <List size="md" fw={600} c="white">
        {markers.map((m) => (
          <List.Item key={m.id}>{m.name}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The same markers in a row, where space is short: lists and gallery cards. */
export function WarningMarkerBadges({ markers }: { markers: LookupRef[] }) {
  if (markers.length === 0) return null;
  return (
    <Group gap={4} component="ul" aria-label="Warning markers" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {markers.map((m) => (
        <Badge component="li" key={m.id} color="red" variant="filled">
          {m.name}
        </Badge>
      ))}
    </Group>
  );
}
