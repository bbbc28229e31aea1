import { Link } from 'react-router';
import { Alert, Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReferralStart, StartAssessment } from '../../shared/api/panels.ts';
import { referralStatusLabels } from '../../shared/panels.ts';
import { formatDate } from '../components/format.ts';
import { PersonSafetyLine } from '../records/PersonSafetyLine.tsx';

function Assessment({ label, assessment: a }: { label: string; assessment: StartAssessment | null }) {
  return (
    <List.Item>
      <Text span size="sm" fw={600}>
        {label}:{' '}
      </Text>
      {a ? (
        <Text span size="sm">
          <Anchor component={Link} to={`/assessments/${a.id}`} inherit>
            {a.template.name}
          </Anchor>{' '}
          completed {formatDate(a.completedAt)}
          {a.score !== null && `, score ${a.score}`}
          {a.band && (
            <>
              {', '}
              <Badge variant="light" color="gray" c="dark.6" tt="none">
                {a.band}
              </Badge>
            </>
          )}
        </Text>
      ) : (
        <Text span size="sm">
          none completed
        </Text>
      )}
    </List.Item>
  );
}

function Household({ start }: { start: ReferralStart }) {
  if (start.household.length === 0) return <Text size="sm">No relationships recorded.</Text>;
  return (
    <List size="sm" spacing={4}>
      {start.household.map((h) => (
        <List.Item key={h.id}>
          {h.relationship}{' '}
          {h.accessible ? (
            <Anchor component={Link} to={`/profiles/${h.id}`} inherit>
              {h.firstName} {h.lastName}
            </Anchor>
          ) : (
            `${h.firstName} ${h.lastName} (you cannot open this profile)`
          )}
          {h.age !== null && `, age ${h.age}`}
          {h.child && ' (child)'}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * What Concord already holds about the person or case, so nothing is keyed twice: their risk
 * assessments, household, incidents and earlier hearings at this panel.
 */
export function WhatConcordHolds({ start, panelName }: { start: ReferralStart; panelName: string }) {
  const last = start.earlierReferrals[0];
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        What Concord already holds
      </Title>
      {start.repeat && (
        <Alert color="orange" title="This will be a repeat referral">
          <Text size="sm">
            {start.subject.title} was referred to {panelName}
            {last ? ` on ${formatDate(last.createdAt)}` : ''}, within the last 12 months. SafeLives counts this as a repeat; Concord marks it so.
          </Text>
        </Alert>
      )}
      {start.people.map((p) => (
        <Stack key={p.id} gap={4}>
          <Anchor component={Link} to={`/profiles/${p.id}`} size="sm" fw={600}>
            {p.firstName} {p.lastName}
          </Anchor>
          <PersonSafetyLine safety={p.safety} />
        </Stack>
      ))}
      <List size="sm" spacing={4}>
        <Assessment label="Latest DASH" assessment={start.dash} />
        <Assessment label="Latest ASB risk matrix" assessment={start.riskMatrix} />
        <List.Item>
          <Text span size="sm" fw={600}>
            Incidents in the last 12 months:{' '}
          </Text>
          <Text span size="sm">
            {start.incidents} (ASB complaints and hate incidents you can read)
          </Text>
        </List.Item>
      </List>
      <Group gap="xs">
        <Title order={4} size="h6">
          Children and household
        </Title>
        {start.hasChildren && (
          <Badge color="blue" variant="light" tt="none">
            Children in the household
          </Badge>
        )}
      </Group>
      <Household start={start} />
      <Title order={4} size="h6">
        Earlier referrals to {panelName}
      </Title>
      {start.earlierReferrals.length === 0 ? (
        <Text size="sm">None.</Text>
      ) : (
        <List size="sm" spacing={4}>
          {start.earlierReferrals.map((r) => (
            <List.Item key={r.id}>
              Referred {formatDate(r.createdAt)}: {r.heardAt ? `heard ${formatDate(r.heardAt)}` : referralStatusLabels[r.status]}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
