import { Link } from 'react-router';
import { Anchor, List, Text, Title } from '@mantine/core';
import { formatDateTime } from '../components/format.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useTemplateVersions } from './template-api.ts';

/** Every saved version, newest first, each one viewable as it was. */
export function TemplateVersions({ templateId, shown }: { templateId: string; shown: number }) {
  const versions = useTemplateVersions(templateId);
  const items = [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="template-versions">
      <Title order={2} size="h3" mb="sm" id="template-versions">
        Version history
      </Title>
      <QueryStatus isPending={versions.isPending} error={versions.error} onRetry={() => void versions.refetch()} label="Loading versions" />
      <List spacing={4}>
        {items.map((v) => (
          <List.Item key={v.version}>
            {v.version === shown ? (
              <Text span fw={700}>
                Version {v.version} (shown)
              </Text>
            ) : (
              <Anchor component={Link} to={`/assessments/templates/${templateId}?version=${v.version}`}>
                View version {v.version}
              </Anchor>
            )}
            <Text span size="sm" c="dimmed">
              {' '}
              saved {formatDateTime(v.createdAt)}
              {v.createdBy ? ` by ${v.createdBy.name}` : ''}
            </Text>
          </List.Item>
        ))}
      </List>
    </section>
  );
}
