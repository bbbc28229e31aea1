import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../components/format.ts';
import { useRecordAssessments, type RecordPathKind } from './api.ts';
import { useStartOnRecord } from './AssessmentStartMenu.tsx';

/** At the top of a profile or case: the assessments a screening says it still needs. */
export function AssessmentsRequiredAlert({ kind, id }: { kind: RecordPathKind; id: string }) {
  const query = useRecordAssessments(kind, id);
  const { start, isPending } = useStartOnRecord(kind, id);
  const required = query.data?.required ?? [];
  if (required.length === 0) return null;
  const canStart = query.data?.permissions.canStart ?? false;
  return (
    <Stack gap="xs">
      {required.map((r) => (
        <Alert key={r.id} color="red" variant="filled" title={`Full risk assessment required: ${r.reason}`}>
          <Stack gap="xs">
            <Text size="sm">
              {r.template.name} needed since {formatDateTime(r.raisedAt)}, raised by {r.raisedBy.name}.
            </Text>
            {canStart && (
              <Group>
                <Button variant="white" color="red" loading={isPending} onClick={() => start(r.template.key)}>
                  Start the {r.template.name}
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}
