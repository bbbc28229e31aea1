import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Button, Checkbox, Group, Modal, Table, Text, VisuallyHidden } from '@mantine/core';
import type { TemplateSummary } from '../../shared/api/assessments.ts';
import { can, useMe } from '../app/session.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { TemplateCopyForm } from './TemplateCopyForm.tsx';
import { useTemplates } from './template-api.ts';

export function TemplatesPage() {
  const me = useMe();
  const canDesign = can(me, 'assessments.design');
  const [includeRetired, setIncludeRetired] = useState(false);
  const templates = useTemplates(includeRetired);
  const [copying, setCopying] = useState<TemplateSummary | null>(null);

  return (
    <Page
      title="Assessment templates"
      actions={
        <>
          <Button component={Link} to="/assessments/question-bank" variant="default">
            Question bank
          </Button>
          {canDesign && (
            <Button component={Link} to="/assessments/templates/new">
              New template
            </Button>
          )}
        </>
      }
    >
      <Text>
        Every team in the partnership can use these templates. {canDesign ? 'Copy one to adapt it for your team, or build a new one from the question bank.' : ''}
      </Text>
      <Checkbox label="Show retired templates" checked={includeRetired} onChange={(e) => setIncludeRetired(e.currentTarget.checked)} />
      <QueryStatus isPending={templates.isPending} error={templates.error} onRetry={() => void templates.refetch()} label="Loading templates" />
      {templates.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="45%">
                  Template
                </Table.Th>
                <Table.Th scope="col">Built by</Table.Th>
                <Table.Th scope="col">Version</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                {canDesign && <Table.Th scope="col"><VisuallyHidden>Actions</VisuallyHidden></Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.data.items.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/assessments/templates/${t.id}`}>
                      {t.name}
                    </Anchor>
                    {t.description && (
                      <Text size="xs" c="dimmed" fw={400} lineClamp={2}>
                        {t.description}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{t.team?.name ?? 'Built in'}</Table.Td>
                  <Table.Td>{t.version}</Table.Td>
                  <Table.Td>
                    <Badge color={t.status === 'active' ? 'green' : 'gray'} variant="light">
                      {t.status === 'active' ? 'In use' : 'Retired'}
                    </Badge>
                  </Table.Td>
                  {canDesign && (
                    <Table.Td>
                      <Group gap="xs" justify="flex-end">
                        <Button size="xs" variant="default" onClick={() => setCopying(t)} aria-label={`Copy ${t.name}`}>
                          Copy
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={copying !== null} onClose={() => setCopying(null)} title={copying ? `Copy ${copying.name}` : 'Copy a template'}>
        {copying && <TemplateCopyForm source={copying} onDone={() => setCopying(null)} />}
      </Modal>
    </Page>
  );
}
