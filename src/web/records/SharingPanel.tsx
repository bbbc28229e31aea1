import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Select, Table, Text } from '@mantine/core';
import { accessList, type AccessEntry } from '../../shared/api/records.ts';
import type { AccessLevel } from '../../shared/records.ts';
import { callNoReply, get } from '../api/client.ts';
import { formatDate, formatDateTime } from '../components/format.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { recordKeys } from './keys.ts';
import { recordNoun, type RecordPath } from './kinds.ts';
import { levelLabels, levelOptions, sourceLabels } from './levels.ts';
import { Section } from './Section.tsx';
import { ShareForm } from './ShareForm.tsx';

interface Props {
  kind: RecordPath;
  id: string;
}

function whoOf(entry: AccessEntry): string {
  if (entry.user) return `${entry.user.name} alone (${entry.team ? `${entry.team.name}, ` : ''}${entry.organisation.name})`;
  return entry.team ? `${entry.team.name} (${entry.organisation.name})` : `Everyone in ${entry.organisation.name}`;
}

function targetOf(entry: AccessEntry) {
  return entry.team ? { teamId: entry.team.id } : { organisationId: entry.organisation.id };
}

/**
 * Who can see a record and what they may do, and, for those allowed, sharing it with the other
 * agencies working with the person. A record kept inside one organisation is called out: most
 * harm in multi-agency work comes from what one agency knew and the others never saw.
 */
export function SharingPanel({ kind, id }: Props) {
  const queryClient = useQueryClient();
  const key = recordKeys.access(kind, id);
  const query = useQuery({ queryKey: key, queryFn: () => get(`/${kind}/${id}/access`, accessList) });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: recordKeys.history(kind, id) });
  };

  const change = useMutation({
    mutationFn: ({ entry, level }: { entry: AccessEntry; level: AccessLevel }) =>
      callNoReply('POST', `/${kind}/${id}/access`, { body: { ...targetOf(entry), level } }),
    onSuccess: (_, { entry, level }) => {
      refresh();
      notifySaved(`${whoOf(entry)} now: ${levelLabels[level].toLowerCase()}.`);
    },
  });
  const unshare = useMutation({
    mutationFn: (entry: AccessEntry) => callNoReply('DELETE', `/${kind}/${id}/access`, { body: targetOf(entry) }),
    onSuccess: (_, entry) => {
      refresh();
      notifySaved(`${whoOf(entry)} can no longer see this ${recordNoun(kind)}.`);
    },
  });

  const list = query.data;
  const canShare = list?.permissions.canShare ?? false;
  return (
    <Section title="Sharing">
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading who can see this record" />
      {list && (
        <>
          {list.sharedOnlyWithinOwner && (
            <Alert color="orange" title="Not shared with any other agency">
              Only {list.owner.organisation.name} can see this record. Share it with the other agencies working with this person.
            </Alert>
          )}
          <FormAlert error={change.error ?? unshare.error} />
          <Table.ScrollContainer minWidth={520}>
            <Table withTableBorder fz="sm" captionSide="top">
              <Table.Caption ta="left">Who can see this {recordNoun(kind)}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Team or organisation</Table.Th>
                  <Table.Th scope="col">Access</Table.Th>
                  <Table.Th scope="col">Given</Table.Th>
                  {canShare && <Table.Th scope="col">Remove</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row">
                    {list.owner.team.name} ({list.owner.organisation.name})
                  </Table.Th>
                  <Table.Td>Owner: can view and edit</Table.Td>
                  <Table.Td>—</Table.Td>
                  {canShare && <Table.Td />}
                </Table.Tr>
                {list.entries.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Th scope="row">{whoOf(entry)}</Table.Th>
                    <Table.Td>
                      {/* One person's emergency access ends by itself; it is not shared, so not changed here. */}
                      {canShare && !entry.user ? (
                        <Select
                          aria-label={`Access for ${whoOf(entry)}`}
                          data={levelOptions}
                          value={entry.level}
                          onChange={(level) => level && level !== entry.level && change.mutate({ entry, level: level as AccessLevel })}
                          allowDeselect={false}
                          size="xs"
                          w={180}
                        />
                      ) : (
                        levelLabels[entry.level]
                      )}
                    </Table.Td>
                    <Table.Td>
                      {formatDate(entry.grantedAt)}
                      <Text size="xs" c="dimmed">
                        {entry.source === 'share' ? 'Shared' : `From ${sourceLabels[entry.source]}`}
                        {entry.grantedBy && ` by ${entry.grantedBy.name}`}
                      </Text>
                      {entry.expiresAt && (
                        <Text size="xs">Until {formatDateTime(entry.expiresAt)}</Text>
                      )}
                    </Table.Td>
                    {canShare && entry.user && <Table.Td />}
                    {canShare && !entry.user && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="default"
                          color="red"
                          loading={unshare.isPending && unshare.variables.id === entry.id}
                          onClick={() => unshare.mutate(entry)}
                          aria-label={`Stop sharing with ${whoOf(entry)}`}
                        >
                          Stop sharing
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {canShare ? (
            <ShareForm
              kind={kind}
              id={id}
              list={list}
              onShared={(name) => {
                refresh();
                notifySaved(`Shared with ${name}.`);
              }}
            />
          ) : (
            <Text size="sm">You can see who has access to this {recordNoun(kind)}, but not change it.</Text>
          )}
        </>
      )}
    </Section>
  );
}
