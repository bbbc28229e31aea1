import { useState } from 'react';
import { Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ProfileSafetyPlan } from '../../shared/api/portal.ts';
import { formatDateTime } from '../components/format.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { Section } from '../records/Section.tsx';
import { useSafetyPlan } from './api.ts';
import { SafetyPlanForm } from './SafetyPlanForm.tsx';

function PlanList({ title, items, ordered = false }: { title: string; items: string[]; ordered?: boolean }) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm">None yet.</Text>
      ) : (
        <List type={ordered ? 'ordered' : 'unordered'} size="sm" spacing={4} aria-label={title}>
          {items.map((item, i) => (
            <List.Item key={i} style={{ whiteSpace: 'pre-wrap' }}>
              {item}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function PlanView({ plan }: { plan: ProfileSafetyPlan }) {
  return (
    <Stack gap="md">
      <PlanList title="Steps" items={plan.steps} ordered />
      <PlanList title="Safe contacts" items={plan.safeContacts.map((c) => `${c.name}: ${c.phone}${c.note ? ` (${c.note})` : ''}`)} />
      <PlanList title="Emergency contacts" items={plan.emergencyContacts.map((c) => `${c.name}: ${c.phone}`)} />
      <Text size="sm" c="dimmed">
        Last changed {formatDateTime(plan.updatedAt)}
        {plan.updatedBy ? ` by ${plan.updatedBy.name}` : ''}. The client reads and can print it in the portal.
      </Text>
    </Stack>
  );
}

/** The safety plan the client sees in the portal, written here by a practitioner who may edit the profile. */
export function SafetyPlanSection({ profileId }: { profileId: string }) {
  const query = useSafetyPlan(profileId);
  const [editing, setEditing] = useState(false);
  const plan = query.data;
  const isNew = plan?.version === 0;
  return (
    <Section
      title="Safety plan"
      actions={plan?.permissions.canEdit && !editing && (
        <Button variant={isNew ? 'filled' : 'default'} onClick={() => setEditing(true)}>
          {isNew ? 'Write a safety plan' : 'Change the safety plan'}
        </Button>
      )}
    >
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the safety plan" />
      {plan && editing && (
        <Paper withBorder p="md" radius="sm">
          <SafetyPlanForm profileId={profileId} plan={plan} onDone={() => setEditing(false)} />
        </Paper>
      )}
      {plan && !editing && (isNew ? <Text size="sm">No safety plan yet.</Text> : <PlanView plan={plan} />)}
    </Section>
  );
}
