import { Link } from 'react-router';
import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { LawfulBasisEntry } from '../../../shared/api/agreements.ts';
import { article9ConditionLabels, consentMethodLabels, lawfulBasisEndReasonLabels } from '../../../shared/data-protection.ts';
import { lawfulBasisLabels } from '../../../shared/referrals.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useLawfulBases } from '../api.ts';
import { EndLawfulBasis } from './EndLawfulBasis.tsx';
import { RecordLawfulBasis } from './RecordLawfulBasis.tsx';

const day = (iso: string | null) => formatDate(iso ? `${iso}T12:00:00Z` : null);

function Current({ entry }: { entry: LawfulBasisEntry }) {
  return (
    <Card withBorder padding="sm" component="li">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{entry.organisation.name}</Text>
          {entry.reviewDue ? <Badge color="red">Review overdue</Badge> : null}
        </Group>
        <Text size="sm">{lawfulBasisLabels[entry.basis]}</Text>
        {entry.specialCategoryCondition && <Text size="sm">{article9ConditionLabels[entry.specialCategoryCondition]}</Text>}
        {entry.consentGivenOn && entry.consentMethod && (
          <Text size="sm">
            Consent given {consentMethodLabels[entry.consentMethod].toLowerCase()} on {day(entry.consentGivenOn)}
          </Text>
        )}
        {entry.agreement && (
          <Text size="sm">
            Under{' '}
            <Anchor component={Link} to={`/data-protection/agreements/${entry.agreement.id}`} inherit>
              {entry.agreement.name}
            </Anchor>
          </Text>
        )}
        {entry.notes && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{entry.notes}</Text>}
        <Text size="sm" c="dimmed">
          Review by {day(entry.reviewOn)} · recorded by {entry.recordedBy?.name ?? 'a system'} on {formatDateTime(entry.recordedAt)}
        </Text>
        {entry.canEnd && (
          <Group>
            <EndLawfulBasis entry={entry} />
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function Past({ items }: { items: LawfulBasisEntry[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table fz="sm" striped>
        <Table.Caption>Earlier lawful bases</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Organisation</Table.Th>
            <Table.Th scope="col">Basis</Table.Th>
            <Table.Th scope="col">Recorded</Table.Th>
            <Table.Th scope="col">Ended</Table.Th>
            <Table.Th scope="col">Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{b.organisation.name}</Table.Td>
              <Table.Td>{lawfulBasisLabels[b.basis]}</Table.Td>
              <Table.Td>{formatDateTime(b.recordedAt)}</Table.Td>
              <Table.Td>{formatDateTime(b.endedAt)}</Table.Td>
              <Table.Td>{b.endReason ? lawfulBasisEndReasonLabels[b.endReason] : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The lawful basis on which each organisation holds and shares the person's information: one
 * current basis per organisation, the reader's own to record or end.
 */
export function LawfulBasisPanel({ profileId, organisationId }: { profileId: string; organisationId: string }) {
  const query = useLawfulBases(profileId);
  const data = query.data;
  const mine = data?.current.some((b) => b.organisation.id === organisationId) ?? false;
  return (
    <Stack gap="sm" component="section" aria-labelledby="lawful-basis-heading">
      <Group justify="space-between">
        <Title order={2} size="h3" id="lawful-basis-heading">
          Lawful basis
        </Title>
        {data?.canRecord && <RecordLawfulBasis profileId={profileId} replacing={mine} />}
      </Group>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the lawful bases" />
      {data && data.current.length === 0 && <Text size="sm">No organisation has recorded a lawful basis for holding this person&apos;s information.</Text>}
      {data && data.current.length > 0 && (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {data.current.map((b) => <Current key={b.id} entry={b} />)}
        </Stack>
      )}
      {data && data.past.length > 0 && <Past items={data.past} />}
    </Stack>
  );
}
