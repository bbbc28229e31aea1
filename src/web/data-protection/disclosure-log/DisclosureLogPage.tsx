import { useState } from 'react';
import { Anchor, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { disclosureLogPage } from '../../../shared/api/retention.ts';
import { disclosureLogKindLabels } from '../../../shared/retention.ts';
import { withQuery } from '../../api/client.ts';
import { usePagedList } from '../../api/lists.ts';
import { useOrganisations } from '../../api/options.ts';
import { can, useMe } from '../../app/session.ts';
import { formatDateTime } from '../../components/format.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** The last week, to today: what an inspection usually asks for first. */
const lastWeek = () => ({ from: isoDay(new Date(Date.now() - 7 * 86_400_000)), to: isoDay(new Date()) });

/** DPA 2018 s62: a police organisation's consultations and disclosures over some days, with the CSV and XLSX for the ICO. */
export function DisclosureLogPage() {
  const me = useMe();
  const systemAdmin = can(me, 'partnerships.manage');
  const organisations = useOrganisations(me.partnership.id, systemAdmin);
  const police = (organisations.data?.items ?? []).filter((o) => o.kind === 'police');
  const [organisationId, setOrganisationId] = useState<string | null>(systemAdmin ? null : me.organisation.id);
  const [from, setFrom] = useState(() => lastWeek().from);
  const [to, setTo] = useState(() => lastWeek().to);
  const chosen = organisationId ?? police[0]?.id ?? null;
  const range = { organisationId: chosen ?? '', from, to };
  const query = { ...range, limit: 50 };
  const list = usePagedList(['disclosure-log', query], '/disclosure-log', query, disclosureLogPage);
  const file = (format: 'csv' | 'xlsx') => withQuery(`/api/v1/disclosure-log.${format}`, range);
  return (
    <Page title="DPA 2018 s62 log">
      <Text>Every consultation (a read, a download, a search) and disclosure (a share, an export, a panel referral) by a police organisation&apos;s staff: who, when, on which record, the justification and the recipients.</Text>
      <Group align="flex-end" gap="md">
        {systemAdmin && (
          <Select label="Police organisation" data={police.map((o) => ({ value: o.id, label: o.name }))} value={chosen} onChange={setOrganisationId} allowDeselect={false} />
        )}
        <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      {chosen && (
        <Group gap="md">
          <Anchor href={file('csv')} download>Download CSV</Anchor>
          <Anchor href={file('xlsx')} download>Download XLSX</Anchor>
        </Group>
      )}
      {chosen && <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading the log" />}
      {list.data && (list.items.length === 0 ? <Text>Nothing in these days.</Text> : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={900}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Justification</Table.Th>
                  <Table.Th>Recipients</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>{formatDateTime(entry.at)}</Table.Td>
                    <Table.Td>{entry.user.name}{entry.team ? ` (${entry.team.name})` : ''}</Table.Td>
                    <Table.Td>{disclosureLogKindLabels[entry.kind]}</Table.Td>
                    <Table.Td>{entry.action}{entry.record?.reference ? ` ${entry.record.reference}` : ''}</Table.Td>
                    <Table.Td>{entry.justification}</Table.Td>
                    <Table.Td>{entry.recipients ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="entries" />
        </Stack>
      ))}
    </Page>
  );
}
