import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { panelStatisticsQuery, type PanelStatistics as Figures } from '../../shared/api/panels.ts';
import { referralCriterionLabels } from '../../shared/panels.ts';
import { formatDate } from '../components/format.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { statisticsCsvHref, usePanelStatistics, type StatisticsRange } from './api.ts';

const labels = { from: 'From', to: 'To' };
const caption = { captionSide: 'top', textAlign: 'left', fontWeight: 600, paddingBottom: 6 } as const;
const day = (iso: string | null) => (iso ? formatDate(`${iso}T12:00:00Z`) : null);
const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

function FigureTables({ data }: { data: Figures }) {
  const rows: [string, string | number][] = [
    ['Referrals', data.referrals],
    ['Repeat referrals', data.repeatReferrals],
    ['Repeat rate (SafeLives benchmark: 28%)', percent(data.repeatRate)],
    ['Actions agreed', data.actions],
    ['Actions completed', data.actionsCompleted],
    ['Actions completed on time', data.actionsCompletedOnTime],
  ];
  return (
    <Group align="flex-start" gap="xl">
      <Table withTableBorder maw={460} fz="sm">
        <caption style={caption}>Referrals and actions</caption>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table withTableBorder maw={460} fz="sm">
        <caption style={caption}>Referrals by criterion</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Criterion</Table.Th>
            <Table.Th scope="col">Referrals</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.byCriterion.map((c) => (
            <Table.Tr key={c.criterion}>
              <Table.Th scope="row">{referralCriterionLabels[c.criterion]}</Table.Th>
              <Table.Td>{c.count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Group>
  );
}

/** The panel's figures over a date range, kept in the address so a link shows the same range, with the CSV. */
export function PanelStatistics({ panelId }: { panelId: string }) {
  const [params, setParams] = useSearchParams();
  const range: StatisticsRange = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const [values, setValues] = useState({ from: range.from ?? '', to: range.to ?? '' });
  const errors = useFieldErrors(labels);
  const stats = usePanelStatistics(panelId, range);
  const data = stats.data;

  const apply = () => {
    const checked = errors.check(panelStatisticsQuery, { from: values.from || undefined, to: values.to || undefined });
    if (!checked) return;
    const next = new URLSearchParams(params);
    for (const name of ['from', 'to'] as const) {
      if (checked[name]) next.set(name, checked[name]);
      else next.delete(name);
    }
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md">
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
        <>
          <Group justify="space-between" align="flex-end" gap="sm">
            <Text size="sm" role="status">
              {data.from || data.to ? `From ${day(data.from) ?? 'the start'} to ${day(data.to) ?? 'today'}` : 'All dates'}: referrals counted by the day they were made, actions by the
              meeting that agreed them.
            </Text>
            <Button component="a" href={statisticsCsvHref(panelId, range)} download variant="default">
              Download CSV
            </Button>
          </Group>
          <FigureTables data={data} />
        </>
      )}
    </Stack>
  );
}
