import { Link } from 'react-router';
import { Anchor, Button, Group, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { hotspotQuery, type Hotspots } from '../../shared/api/insights.ts';
import { hotspotTableLabels, type HotspotTable } from '../../shared/insights.ts';
import { asbComplaintReportType } from '../../shared/victim-care.ts';
import { formatDate, formatDateTime } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { Section } from '../records/Section.tsx';
import { useLookups } from '../records/lookups.ts';
import { hotspotsCsvHref, hotspotsXlsxHref, useHotspots } from './api.ts';
import { FigureTable } from './FigureTable.tsx';
import { FilterForm } from './FilterForm.tsx';
import { areaFilters, rangeWords, sameArea, useFilters, type Filters } from './filters.ts';
import { HotspotMap } from './HotspotMap.tsx';
import { hiddenText, placeName } from './places.ts';

const names = [...areaFilters, 'reportType'] as const;
const defaults = { reportType: asbComplaintReportType };

function CsvLink({ table, filters }: { table: HotspotTable; filters: Filters }) {
  return (
    <Anchor href={hotspotsCsvHref(table, filters)} download size="sm">
      Export CSV<VisuallyHidden> ({hotspotTableLabels[table]})</VisuallyHidden>
    </Anchor>
  );
}

/** What was counted where the reader may not look: figures only, never a name. */
function Hidden({ count, reports, what }: { count: number; reports: number; what: [string, string] }) {
  return count === 0 ? null : <Text size="sm">{hiddenText(count, reports, what)}</Text>;
}

const typeName = (data: Hotspots) => data.reportType?.name ?? 'any';

function Locations({ data, filters }: { data: Hotspots; filters: Filters }) {
  return (
    <Section title={hotspotTableLabels.locations} actions={<CsvLink table="locations" filters={filters} />}>
      <Text size="sm">Places weighed by their reports of type “{typeName(data)}” in the period and the cases about them open at some time in it.</Text>
      {data.locations.length === 0 ? (
        <Text>No reports or cases at any place in this period.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
          <HotspotMap hotspots={data.locations} />
          <FigureTable
            title="Top locations, busiest first"
            columns={['Place', 'Postcode', 'Reports', 'Cases', 'Weight']}
            rows={data.locations.map((h) => ({
              key: h.location.id,
              cells: [
                <>
                  <Anchor component={Link} to={`/locations/${h.location.id}`} size="sm">
                    {placeName(h.location)}
                  </Anchor>
                  {h.location.latitude === null && (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      (no map position)
                    </Text>
                  )}
                </>,
                h.location.postcode,
                h.reports,
                h.cases,
                h.weight,
              ],
            }))}
          />
        </SimpleGrid>
      )}
      <Hidden count={data.hidden.locations} reports={data.hidden.locationReports} what={['place', 'places']} />
    </Section>
  );
}

function Callers({ data, filters }: { data: Hotspots; filters: Filters }) {
  return (
    <Section title={hotspotTableLabels.callers} actions={<CsvLink table="callers" filters={filters} />}>
      <Text size="sm">People with the most reports of type “{typeName(data)}” on their profile in the period.</Text>
      {data.callers.length === 0 ? (
        <Text>No one has a report of this type in this period.</Text>
      ) : (
        <FigureTable
          title="Top callers, most reports first"
          columns={['Person', 'Reports', 'Last report']}
          rows={data.callers.map((c) => ({
            key: c.profile.id,
            cells: [
              <>
                <Anchor component={Link} to={`/profiles/${c.profile.id}`} size="sm">
                  {c.profile.name}
                </Anchor>
                {c.profile.dateOfBirth && (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    (born {formatDate(`${c.profile.dateOfBirth}T12:00:00Z`)})
                  </Text>
                )}
              </>,
              c.reports,
              formatDateTime(c.lastReportAt),
            ],
          }))}
        />
      )}
      <Hidden count={data.hidden.callers} reports={data.hidden.callerReports} what={['person', 'people']} />
    </Section>
  );
}

/** Where reports and cases gather, and who reports most: a clustered map beside the same places as a table. */
export function HotspotsPage() {
  const { filters, apply, signature } = useFilters(names, defaults);
  const types = useLookups('report_type');
  const hotspots = useHotspots(filters);
  const data = hotspots.data;
  const typeChoice = {
    name: 'reportType',
    options: (types.data?.items ?? []).filter((t) => t.active || t.key === filters.reportType).map((t) => ({ value: t.key, label: t.name })),
  };

  return (
    <Page
      title="Hotspots"
      actions={
        <Button component={Link} to={sameArea('/insights', filters)} variant="default">
          Back to Insights
        </Button>
      }
    >
      <FilterForm key={signature} filters={filters} schema={hotspotQuery} choices={[typeChoice]} onApply={apply} />
      <QueryStatus isPending={hotspots.isPending} error={hotspots.error} onRetry={() => void hotspots.refetch()} label="Loading the hotspots" />
      {data && (
        <Stack gap="lg">
          <Group justify="space-between" align="flex-end" gap="sm">
            <Text role="status">{rangeWords(data.range)}</Text>
            <Button component="a" href={hotspotsXlsxHref(filters)} download>
              Download as spreadsheet (XLSX)
            </Button>
          </Group>
          <Locations data={data} filters={filters} />
          <Callers data={data} filters={filters} />
        </Stack>
      )}
    </Page>
  );
}
