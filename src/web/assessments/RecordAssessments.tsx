import { Stack, Text, Title } from '@mantine/core';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { Section } from '../records/Section.tsx';
import { useRecordAssessments, type RecordPathKind } from './api.ts';
import { AssessmentStartMenu } from './AssessmentStartMenu.tsx';
import { AssessmentTable } from './AssessmentTable.tsx';
import { RecordRiskLevels } from './RecordRiskLevels.tsx';

/** The assessments section of a profile or case page. */
export function RecordAssessments({ kind, id }: { kind: RecordPathKind; id: string }) {
  const query = useRecordAssessments(kind, id);
  const items = query.data?.items ?? [];
  const completed = items.filter((a) => a.status === 'completed');
  const drafts = items.filter((a) => a.status === 'draft');
  const noun = kind === 'profiles' ? 'profile' : 'case';
  return (
    <Section title="Assessments" actions={query.data?.permissions.canStart && <AssessmentStartMenu kind={kind} id={id} />}>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading assessments" />
      {query.data && (
        <Stack gap="md">
          {completed.length === 0
            ? <Text size="sm">No assessments have been completed on this {noun}.</Text>
            : <AssessmentTable items={completed} caption={`Completed assessments on this ${noun}, newest first`} />}
          {drafts.length > 0 && (
            <Stack gap={4}>
              <Title order={3} size="h4">Work in progress</Title>
              <AssessmentTable items={drafts} caption="Drafts your team can finish" />
            </Stack>
          )}
          {kind === 'profiles' && <RecordRiskLevels profileId={id} />}
        </Stack>
      )}
    </Section>
  );
}
