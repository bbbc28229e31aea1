import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ContactPlan } from '../../shared/api/victim-care.ts';
import { Details } from '../components/Details.tsx';
import { formatDateTime } from '../components/format.ts';
import { EditContactPlanForm, NewContactPlanForm } from './ContactPlanForms.tsx';
import { counted, dayText, overdueText } from './labels.ts';
import { channelText } from './plan.ts';
import { SafeChannels } from './SafeChannels.tsx';

interface Props {
  profileId: string;
  plan: ContactPlan | null;
  /** The partnership's cadence for the person's risk level now. */
  defaultDays: number | null;
  canEdit: boolean;
}

function cadenceText(plan: ContactPlan): string {
  const days = `Every ${counted(plan.frequencyDays, 'day', 'days')}`;
  return plan.frequencyDays === plan.defaultFrequencyDays
    ? `${days}, the partnership's cadence at this risk level`
    : `${days} (the partnership's cadence at this risk level is ${plan.defaultFrequencyDays})`;
}

/** The agreed way of keeping in touch with the victim, and when they are next due to hear from someone. */
export function ContactPlanPanel({ profileId, plan, defaultDays, canEdit }: Props) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <Paper withBorder p="md" radius="sm">
        <Title order={3} size="h4" mb="sm">
          {plan ? 'Change the contact plan' : 'Set a contact plan'}
        </Title>
        {plan ? (
          <EditContactPlanForm plan={plan} defaultDays={defaultDays} onDone={() => setEditing(false)} />
        ) : (
          <NewContactPlanForm profileId={profileId} defaultDays={defaultDays} onDone={() => setEditing(false)} />
        )}
      </Paper>
    );
  }
  if (!plan) {
    return (
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          No contact plan yet. A plan says how often the victim hears from someone and how it is safe to reach them; Concord flags the
          profile when a contact is overdue{defaultDays ? ` (every ${defaultDays} days at this risk level unless you set otherwise)` : ''}.
        </Text>
        {canEdit && <Button onClick={() => setEditing(true)}>Set a contact plan</Button>}
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Details
        items={[
          {
            label: 'Next contact due',
            value: (
              <Group gap="xs" component="span">
                <span>{dayText(plan.nextContactDue)}</span>
                {plan.overdue && (
                  <Badge color="red" variant="filled" component="span">
                    {overdueText(plan.daysOverdue)}
                  </Badge>
                )}
              </Group>
            ),
          },
          { label: 'Last contact', value: plan.lastContactAt ? formatDateTime(plan.lastContactAt) : 'Nobody has reached them since the plan was set' },
          { label: 'How often', value: cadenceText(plan) },
          { label: 'Preferred way to contact', value: channelText(plan.preferredChannel) },
          { label: 'Safe times', value: plan.safeTimes ? <span style={{ whiteSpace: 'pre-wrap' }}>{plan.safeTimes}</span> : 'None recorded' },
          {
            label: 'Case',
            value: plan.case ? (
              <Anchor component={Link} to={`/cases/${plan.case.id}`} inherit>
                {plan.case.reference}: {plan.case.title}
              </Anchor>
            ) : 'Not tied to a case',
          },
          { label: 'Plan last changed', value: `${formatDateTime(plan.updatedAt)}${plan.setBy ? ` by ${plan.setBy.name}` : ''}` },
        ]}
      />
      <SafeChannels plan={plan} />
      {plan.permissions.canEdit && (
        <Group>
          <Button variant="default" onClick={() => setEditing(true)}>
            Change the plan
          </Button>
        </Group>
      )}
    </Stack>
  );
}
