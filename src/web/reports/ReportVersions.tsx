import { useQuery } from '@tanstack/react-query';
import { Stack, Text } from '@mantine/core';
import { reportVersionList } from '../../shared/api/reports.ts';
import { visibilityLabels } from '../../shared/work.ts';
import { get } from '../api/client.ts';
import { formatDateTime } from '../components/format.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { timelineKeys } from './keys.ts';
import { ReportBody } from './ReportBody.tsx';

/** The earlier wordings of a report, newest first, as far as this reader may read them. */
export function ReportVersions({ reportId }: { reportId: string }) {
  const versions = useQuery({ queryKey: timelineKeys.versions(reportId), queryFn: () => get(`/reports/${reportId}/versions`, reportVersionList) });
  if (!versions.data) return <QueryStatus isPending={versions.isPending} error={versions.error} onRetry={() => void versions.refetch()} label="Loading the earlier versions" />;
  if (versions.data.items.length === 0) return <Text size="sm">No earlier version is shared with you.</Text>;
  return (
    <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {versions.data.items.map((v) => (
        <Stack component="li" key={v.version} gap={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)' }}>
          <Text size="sm" fw={600}>
            Version {v.version}: {v.type.name}, happened {formatDateTime(v.occurredAt)}
          </Text>
          <Text size="xs" c="dimmed">
            Written by {v.editedBy.name}, replaced {formatDateTime(v.editedAt)}. {visibilityLabels[v.visibility]}.
          </Text>
          <ReportBody html={v.bodyHtml} />
        </Stack>
      ))}
    </Stack>
  );
}
