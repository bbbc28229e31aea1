import { useId } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import type { Profile } from '../../shared/api/profiles.ts';
import { genderLabels } from '../../shared/records.ts';
import { Details } from '../components/Details.tsx';
import { formatDateTime } from '../components/format.ts';
import { birthText } from '../records/ageText.ts';
import { ownerText } from '../records/OwnerLine.tsx';
import { RiskBadge } from '../records/RiskBadge.tsx';
import { WarningMarkers } from '../records/WarningMarkers.tsx';
import { fullName, rolesText } from './labels.ts';

const names = (items: { name: string }[]) => (items.length === 0 ? 'None recorded' : items.map((i) => i.name).join(', '));

/**
 * The warning markers, then the risk level, at the head of the page: on a phone, where the photo
 * comes next, they are read and seen before it.
 */
export function ProfileSafety({ profile: p }: { profile: Profile }) {
  return (
    <>
      <WarningMarkers markers={p.warningMarkers} />
      {/* Wrapped, so the page's column does not stretch the badge across it. */}
      <div>
        <RiskBadge level={p.riskLevel} />
      </div>
    </>
  );
}

/** The key information box and the person's details; the risk level is in `ProfileSafety` above. */
export function ProfileOverview({ profile: p }: { profile: Profile }) {
  const keyInformationId = useId();
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" bg="blue.0" component="section" aria-labelledby={keyInformationId}>
        <Title order={2} size="h4" id={keyInformationId} mb={4}>
          Key information
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{p.keyInformation ?? 'Nothing recorded yet.'}</Text>
      </Paper>
      <Details
        items={[
          { label: 'Date of birth', value: birthText(p) },
          { label: 'Gender', value: p.gender ? genderLabels[p.gender] : 'Not recorded' },
          { label: 'Ethnicity', value: p.ethnicity ? p.ethnicity.name : 'Not recorded' },
          { label: 'Roles', value: rolesText(p.roles) },
          { label: 'Vulnerabilities', value: names(p.vulnerabilities) },
          { label: 'Other names', value: p.aliases.length === 0 ? 'None recorded' : p.aliases.map(fullName).join(', ') },
          { label: 'Phone', value: p.phone ?? 'Not recorded' },
          { label: 'Email', value: p.email ?? 'Not recorded' },
          { label: 'Held by', value: ownerText(p.owner) },
          { label: 'Reason for creating', value: <span style={{ whiteSpace: 'pre-wrap' }}>{p.reasonCreated}</span> },
          { label: 'Created', value: `${formatDateTime(p.createdAt)}${p.createdBy ? ` by ${p.createdBy.name}` : ''}` },
          { label: 'Last updated', value: formatDateTime(p.updatedAt) },
        ]}
      />
    </Stack>
  );
}
