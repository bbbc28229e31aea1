import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { applicationStatusLabels, cardholderStatusLabels } from '../../shared/schemes.ts';
import { formatDate } from '../components/format.ts';
import { schemeBase, useKeepSafe } from './api.ts';

/**
 * The Keep Safe Card on a person's profile: the scheme's details for its staff and the holder's
 * keyworker, only "Keep Safe cardholder" for anyone else who may open the profile, and nothing
 * for someone who is neither a cardholder nor served by the scheme's staff.
 */
export function KeepSafePanel({ profileId }: { profileId: string }) {
  const query = useKeepSafe(profileId);
  const s = query.data;
  if (!s || (!s.isCardholder && !s.cardholder && !s.canApply)) return null;
  const open = s.application && (s.application.status === 'checks' || s.application.status === 'approved');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="keep-safe-title">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id="keep-safe-title">Keep Safe Card</Title>
          {s.isCardholder && <Badge variant="light" color="blue">Keep Safe cardholder</Badge>}
        </Group>
        {s.cardholder && (
          <>
            <Text size="sm">
              {cardholderStatusLabels[s.cardholder.status]}
              {s.cardholder.card ? `, card ${s.cardholder.card.printed}, valid until ${formatDate(s.cardholder.card.expiresOn)}` : ''}; review by {formatDate(s.cardholder.reviewDueOn)}.
            </Text>
            <Text size="sm"><strong>Condition:</strong> {s.cardholder.condition}</Text>
            <Text size="sm"><strong>How to communicate:</strong> {s.cardholder.communication}</Text>
            {s.canApply && <Anchor component={Link} to={`${schemeBase}/cardholders/${s.cardholder.id}`} size="sm">Open on the register</Anchor>}
          </>
        )}
        {s.application && (
          <Text size="sm">
            Latest application:{' '}
            <Anchor component={Link} to={`${schemeBase}/applications/${s.application.id}`}>{applicationStatusLabels[s.application.status]}</Anchor>
          </Text>
        )}
        {s.canApply && !open && (
          <Group>
            <Button component={Link} to={`${schemeBase}/apply?profileId=${profileId}`} variant="default" size="sm">
              {s.cardholder ? 'Renew their Keep Safe Card' : 'Apply for a Keep Safe Card'}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
