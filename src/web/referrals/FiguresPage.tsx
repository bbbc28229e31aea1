import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { referralStatisticsQuery, type referralStatistics } from '../../shared/api/referrals.ts';
import { referralChannelLabels } from '../../shared/referrals.ts';
import { useMe } from '../app/session.ts';
import { formatDate } from '../components/format.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { useReferralStatistics } from './api.ts';
import { durationText } from './clock.ts';
import { useDesks } from './desks.ts';
import { outcomeLabels } from './labels.ts';

type Figures = z.infer<typeof referralStatistics>;

const labels = { from: 'From', to: 'To' };
const caption = { captionSide: 'top', textAlign: 'left', fontWeight: 600, paddingBottom: 6 } as const;
const day = (iso: string) => formatDate(`${iso}T12:00:00Z`);

function Counts({ data }: { data: Figures }) {
  const rows: [string, number][] = [
    ['Received', data.received],
    ['Decided', data.decided],
    ['Open now', data.open],
    ['Overdue now', data.overdue],
  ];
  return (
    <Table withTableBorder maw={420} fz="sm">
      <caption style={caption}>Referrals</caption>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row">{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function TimeToDecision({ data }: { data: Figures }) {
  const rows = [...data.byOutcome.map((o) => ({ label: outcomeLabels[o.outcome], ...o })), { label: 'All decisions', ...data.timeToDecision }];
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table withTableBorder fz="sm">
        <caption style={caption}>Time from arrival to decision</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Outcome</Table.Th>
            <Table.Th scope="col">Decided</Table.Th>
            <Table.Th scope="col">Median</Table.Th>
            <Table.Th scope="col">95th percentile</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.label}>
              <Table.Th scope="row">{r.label}</Table.Th>
              <Table.Td>{r.count}</Table.Td>
              <Table.Td>{durationText(r.medianHours)}</Table.Td>
              <Table.Td>{durationText(r.p95Hours)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ByChannel({ data }: { data: Figures }) {
  return (
    <Table withTableBorder maw={420} fz="sm">
      <caption style={caption}>Received, by how they came</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">How it came</Table.Th>
          <Table.Th scope="col">Referrals</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.byChannel.map((c) => (
          <Table.Tr key={c.channel}>
            <Table.Th scope="row">{referralChannelLabels[c.channel]}</Table.Th>
            <Table.Td>{c.count}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A desk's figures over a date range, kept in the address so a link shows the same range. */
export function FiguresPage() {
  const me = useMe();
  const desks = useDesks();
  const [params, setParams] = useSearchParams();
  const query = { teamId: params.get('teamId') ?? undefined, from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const [values, setValues] = useState({ from: query.from ?? '', to: query.to ?? '' });
  const errors = useFieldErrors(labels);
  const stats = useReferralStatistics(query);
  const data = stats.data;

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const apply = () => {
    const checked = errors.check(referralStatisticsQuery, { from: values.from || undefined, to: values.to || undefined });
    if (!checked) return;
    const next = new URLSearchParams(params);
    for (const name of ['from', 'to'] as const) {
      if (checked[name]) next.set(name, checked[name]);
      else next.delete(name);
    }
    setParams(next, { replace: true });
  };

  return (
    <Page title={data ? `Referral figures: ${data.team.name}` : 'Referral figures'}>
      <Anchor component={Link} to={query.teamId ? `/referrals?teamId=${query.teamId}` : '/referrals'} size="sm">
        Back to the desk
      </Anchor>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <Stack gap="sm">
          <FormAlert fieldErrors={errors.fieldErrors} />
          <Group align="flex-end" gap="md" wrap="wrap">
            {desks.several && (
              <Select label="Desk" data={desks.options} value={query.teamId ?? me.team.id} onChange={(v) => setParam('teamId', v === me.team.id ? undefined : (v ?? undefined))} allowDeselect={false} w={240} />
            )}
            <TextInput label={labels.from} type="date" value={values.from} onChange={(e) => setValues({ ...values, from: e.currentTarget.value })} error={errors.fieldErrors.from} w={170} />
            <TextInput label={labels.to} type="date" value={values.to} onChange={(e) => setValues({ ...values, to: e.currentTarget.value })} error={errors.fieldErrors.to} w={170} />
            <Button type="submit" variant="default">
              Show figures
            </Button>
          </Group>
        </Stack>
      </form>
      <QueryStatus isPending={stats.isPending} error={stats.error} onRetry={() => void stats.refetch()} label="Loading the figures" />
      {data && (
        <Stack gap="lg">
          <Text size="sm" role="status">
            From {day(data.from)} to {day(data.to)}: referrals received counted by the day they arrived, decisions by the day they were taken; open and overdue as they are now.
          </Text>
          <Group align="flex-start" gap="xl">
            <Counts data={data} />
            <ByChannel data={data} />
          </Group>
          <TimeToDecision data={data} />
        </Stack>
      )}
    </Page>
  );
}
