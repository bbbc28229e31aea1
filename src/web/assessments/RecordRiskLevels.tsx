import { Link } from 'react-router';
import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { riskLevelLabels, type RiskLevel } from '../../shared/records.ts';
import { formatDate } from '../components/format.ts';
import { useRiskLevels } from './api.ts';

const label = (level: RiskLevel | null) => (level ? riskLevelLabels[level] : 'Not assessed');

/** How the profile's risk level has changed, newest first, each change tied to the assessment that made it. */
export function RecordRiskLevels({ profileId }: { profileId: string }) {
  const history = useRiskLevels(profileId);
  const items = [...(history.data?.items ?? [])].sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  if (history.isError) return <Text size="sm">The risk level history could not be loaded.</Text>;
  if (items.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={3} size="h4">Risk level history</Title>
      <List size="sm" spacing={2}>
        {items.slice(0, 5).map((c) => (
          <List.Item key={`${c.changedAt}-${c.to ?? ''}`}>
            {formatDate(c.changedAt)}: {label(c.from)} to <strong>{label(c.to)}</strong>, by {c.changedBy.name}
            {c.assessmentId && (
              <>
                {' '}(
                <Anchor component={Link} to={`/assessments/${c.assessmentId}`}>
                  see the assessment
                </Anchor>
                )
              </>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
