import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { setup, setupList, setupStepLabels } from '../../../shared/api/setup.ts';
import { call, get } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { Form } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { stepPath } from './steps.ts';

/** Partnerships being set up, to resume, and the start of a new one. */
export function SetupListPage() {
  const navigate = useNavigate();
  const list = useQuery({ queryKey: ['partnership-setups'], queryFn: () => get('/partnership-setups', setupList) });
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => call('POST', '/partnership-setups', setup, { body: { name } }),
    onSuccess: (created) => void navigate(stepPath(created.partnership.id, 'organisations')),
    onError: (e) => setError(messageOf(e)),
  });
  return (
    <Page title="Set up a partnership">
      <Text>
        A new partnership in a few pages: its organisations, teams and administrators pasted as lists, its lists of values copied from a
        partnership you choose, which agencies each case type shares with, and its information sharing agreement. You can stop at any step
        and carry on later; the checklist shows what is left.
      </Text>
      <Form
        onSubmit={() => {
          if (!name.trim()) setError('Enter the new partnership\'s name.');
          else start.mutate();
        }}
      >
        <TextInput label="Name of the new partnership" value={name} onChange={(e) => { setName(e.currentTarget.value); setError(null); }} error={error} maw={480} required />
        <Group>
          <Button type="submit" loading={start.isPending}>
            Start setting it up
          </Button>
        </Group>
      </Form>
      <Stack gap="sm" component="section" aria-labelledby="setups-in-progress">
        <Title order={2} size="h3" id="setups-in-progress">
          Partnerships being set up
        </Title>
        <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading partnerships being set up" />
        {list.data && list.data.items.length === 0 && <Text>None yet.</Text>}
        {list.data && list.data.items.length > 0 && (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Partnership</Table.Th>
                <Table.Th scope="col">Steps done</Table.Th>
                <Table.Th scope="col">Left on the checklist</Table.Th>
                <Table.Th scope="col">Last changed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((s) => (
                <Table.Tr key={s.partnership.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/admin/setup/${s.partnership.id}`}>
                      {s.partnership.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{s.stepsDone.map((step) => setupStepLabels[step]).join(', ')}</Table.Td>
                  <Table.Td>{s.left === 0 ? 'Nothing: ready' : s.left}</Table.Td>
                  <Table.Td>{formatDateTime(s.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Page>
  );
}
