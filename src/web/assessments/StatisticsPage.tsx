import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { statisticsQuery } from '../../shared/api/assessments.ts';
import { formatDate } from '../components/format.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { StatisticsAnswers, StatisticsBands, StatisticsMovement } from './StatisticsTables.tsx';
import { statisticsCsvHref, useStatistics, type StatisticsFilters } from './template-api.ts';

const labels = { from: 'From', to: 'To', area: 'Area' };
const day = (iso: string | null) => (iso ? formatDate(`${iso}T12:00:00Z`) : null);

export function StatisticsPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filters: StatisticsFilters = {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    area: params.get('area') ?? undefined,
  };
  const [values, setValues] = useState({ from: filters.from ?? '', to: filters.to ?? '', area: filters.area ?? '' });
  const errors = useFieldErrors(labels);
  const stats = useStatistics(id, filters);
  const data = stats.data;

  const apply = () => {
    const checked = errors.check(statisticsQuery, { from: values.from || undefined, to: values.to || undefined, area: values.area.trim() || undefined });
    if (!checked) return;
    const next = new URLSearchParams();
    for (const [name, value] of Object.entries(checked)) if (value) next.set(name, value);
    setParams(next, { replace: true });
  };
  const range = data
    ? [data.from || data.to ? `${day(data.from) ?? 'the start'} to ${day(data.to) ?? 'today'}` : 'all dates', data.area ? `postcodes starting ${data.area}` : 'every area'].join(', ')
    : '';

  return (
    <Page title={data ? `Statistics: ${data.template.name}` : 'Assessment statistics'}>
      <Anchor component={Link} to={`/assessments/templates/${id}`}>
        Back to the template
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
            <TextInput label="From" type="date" value={values.from} onChange={(e) => setValues({ ...values, from: e.currentTarget.value })} error={errors.fieldErrors.from} w={170} />
            <TextInput label="To" type="date" value={values.to} onChange={(e) => setValues({ ...values, to: e.currentTarget.value })} error={errors.fieldErrors.to} w={170} />
            <TextInput
              label="Area"
              description="Start of a postcode, such as DE4"
              value={values.area}
              onChange={(e) => setValues({ ...values, area: e.currentTarget.value })}
              error={errors.fieldErrors.area}
              w={200}
            />
            <Button type="submit">Show figures</Button>
          </Group>
        </Stack>
      </form>
      <QueryStatus isPending={stats.isPending} error={stats.error} onRetry={() => void stats.refetch()} label="Loading the figures" />
      {data && (
        <Stack gap="xl">
          <Group justify="space-between" align="flex-end" gap="sm">
            <Text role="status">
              {data.total} completed {data.total === 1 ? 'assessment' : 'assessments'} of {data.subjects} {data.subjects === 1 ? 'record' : 'records'} ({range}). Only
              assessments you may read are counted.
            </Text>
            <Button component="a" href={statisticsCsvHref(id, filters)} download variant="default">
              Download CSV
            </Button>
          </Group>
          <StatisticsBands data={data} />
          <StatisticsMovement data={data} />
          <StatisticsAnswers data={data} />
        </Stack>
      )}
    </Page>
  );
}
