import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ActionIcon, Alert, Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { lookup as lookupSchema, type Lookup } from '../../../shared/api/records.ts';
import type { LookupList } from '../../../shared/records.ts';
import { call } from '../../api/client.ts';
import { isApiError, messageOf } from '../../api/errors.ts';
import { notifySaved } from '../../components/notify.ts';
import { moveChanges, type PositionChange } from './reorder.ts';
import { describeShares } from './sharing.ts';

function Arrow({ direction }: { direction: 'up' | 'down' }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={direction === 'up' ? 'M12 19V5m-6 6 6-6 6 6' : 'M12 5v14m6-6-6 6-6-6'} />
    </svg>
  );
}

interface Props {
  list: LookupList;
  values: Lookup[];
  onEdit: (value: Lookup) => void;
}

/**
 * The values of a list in the order people see them, with retired ones marked. Buttons that cannot
 * act (moving the first value up) stay focusable and say so, so focus is not lost after a move.
 */
export function LookupTable({ list, values, onEdit }: Props) {
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['lookups'] });

  const move = useMutation({
    mutationFn: async (changes: PositionChange[]) => {
      // One after another: each is checked against the version shown, so a crossed edit stops the move.
      for (const { value, position } of changes) {
        await call('PATCH', `/lookups/${value.id}`, lookupSchema, { body: { version: value.version, position } });
      }
    },
    onSettled: refresh,
  });
  const setActive = useMutation({
    mutationFn: (input: { value: Lookup; active: boolean }) =>
      call('PATCH', `/lookups/${input.value.id}`, lookupSchema, { body: { version: input.value.version, active: input.active } }),
    onSuccess: (saved) => {
      notifySaved(saved.active ? `“${saved.name}” is back in use.` : `“${saved.name}” retired. Records that have it keep it; nobody can choose it any more.`);
    },
    onSettled: refresh,
  });
  const busy = move.isPending || setActive.isPending;
  const error = move.error ?? setActive.error;

  const moveTo = (index: number, direction: -1 | 1) => {
    const changes = moveChanges(values, index, direction);
    if (busy || changes.length === 0) return;
    const name = values[index]!.name;
    setActive.reset();
    move.mutate(changes, { onSuccess: () => setAnnouncement(`“${name}” moved to position ${index + direction + 1} of ${values.length}.`) });
  };

  return (
    <>
      {error && (
        <Alert color="red" title="That was not saved" role="alert">
          {isApiError(error, 'conflict') ? 'Someone else changed this list at the same time. The list now shows their change; try again.' : messageOf(error)}
        </Alert>
      )}
      <VisuallyHidden role="status">{announcement}</VisuallyHidden>
      <Table.ScrollContainer minWidth={list === 'case_type' ? 900 : 720}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Order</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              {list === 'ethnicity' && <Table.Th scope="col">Group</Table.Th>}
              {list === 'case_type' && <Table.Th scope="col">Code</Table.Th>}
              {list === 'case_type' && <Table.Th scope="col">Default sharing</Table.Th>}
              <Table.Th scope="col">Key</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {values.map((v, index) => {
              const first = index === 0;
              const last = index === values.length - 1;
              return (
                <Table.Tr key={v.id}>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" w="2ch" ta="right">
                        {index + 1}
                      </Text>
                      <ActionIcon
                        variant="default"
                        aria-label={`Move “${v.name}” up`}
                        aria-disabled={first || undefined}
                        data-disabled={first || undefined}
                        onClick={() => !first && moveTo(index, -1)}
                      >
                        <Arrow direction="up" />
                      </ActionIcon>
                      <ActionIcon
                        variant="default"
                        aria-label={`Move “${v.name}” down`}
                        aria-disabled={last || undefined}
                        data-disabled={last || undefined}
                        onClick={() => !last && moveTo(index, 1)}
                      >
                        <Arrow direction="down" />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                  <Table.Th scope="row">{v.name}</Table.Th>
                  {list === 'ethnicity' && <Table.Td>{v.groupName ?? '—'}</Table.Td>}
                  {list === 'case_type' && <Table.Td>{v.code ?? '—'}</Table.Td>}
                  {list === 'case_type' && <Table.Td>{describeShares(v)}</Table.Td>}
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {v.key}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {v.active ? (
                      <Badge color="green" variant="light" style={{ minWidth: 'max-content' }}>
                        In use
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light" style={{ minWidth: 'max-content' }}>
                        Retired
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button variant="default" size="xs" onClick={() => onEdit(v)} aria-label={`Edit “${v.name}”`}>
                        Edit
                      </Button>
                      <Button
                        variant="default"
                        size="xs"
                        onClick={() => {
                          if (busy) return;
                          move.reset();
                          setActive.mutate({ value: v, active: !v.active });
                        }}
                        aria-label={`${v.active ? 'Retire' : 'Restore'} “${v.name}”`}
                      >
                        {v.active ? 'Retire' : 'Restore'}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
