import { Link } from 'react-router';
import { Button, Group, Stack, Text } from '@mantine/core';
import { overviewQuery } from '../../shared/api/insights.ts';
import { profileRoleLabels, profileRoles } from '../../shared/records.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { overviewXlsxHref, useOverview } from './api.ts';
import { FilterForm } from './FilterForm.tsx';
import { areaFilters, rangeWords, sameArea, useFilters } from './filters.ts';
import { Assessments, Breakdown, CasesByType, Headlines, RiskMovement, Tasks } from './OverviewSections.tsx';

const names = [...areaFilters, 'role'] as const;
const roleChoice = { name: 'role', options: [{ value: '', label: 'Everyone' }, ...profileRoles.map((r) => ({ value: r, label: profileRoleLabels[r] }))] };

/** The team and management dashboard: what was recorded over a period and an area, each chart beside its table. */
export function InsightsPage() {
  const { filters, apply, signature } = useFilters(names);
  const overview = useOverview(filters);
  const data = overview.data;

  return (
    <Page
      title="Insights"
      actions={
        <>
          <Button component={Link} to="/insights/compliance" variant="default">
            Compliance
          </Button>
          <Button component={Link} to={sameArea('/insights/hotspots', filters)} variant="default">
            Hotspots
          </Button>
        </>
      }
    >
      <FilterForm key={signature} filters={filters} schema={overviewQuery} choices={[roleChoice]} onApply={apply} />
      <QueryStatus isPending={overview.isPending} error={overview.error} onRetry={() => void overview.refetch()} label="Loading the figures" />
      {data && (
        <Stack gap="lg">
          <Group justify="space-between" align="flex-end" gap="sm">
            <Text role="status">{rangeWords(data.range)}</Text>
            <Button component="a" href={overviewXlsxHref(filters)} download>
              Download as spreadsheet (XLSX)
            </Button>
          </Group>
          <Headlines data={data} filters={filters} />
          <CasesByType data={data} filters={filters} />
          <RiskMovement data={data} filters={filters} />
          <Breakdown filters={filters} table="vulnerabilities" rows={data.vulnerabilities} column="Vulnerability" empty="No vulnerabilities are recorded for the people recorded in this period." />
          <Breakdown filters={filters} table="age-bands" rows={data.ageBands} column="Age at the end of the period" empty="No people recorded in this period." />
          <Breakdown filters={filters} table="genders" rows={data.genders} column="Gender" empty="No people recorded in this period." />
          <Breakdown filters={filters} table="ethnicities" rows={data.ethnicities} column="Ethnicity" empty="No ethnicity is recorded for the people recorded in this period." />
          <Tasks data={data} filters={filters} />
          <Assessments data={data} filters={filters} />
        </Stack>
      )}
    </Page>
  );
}
