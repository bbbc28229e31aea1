import { Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useOrganisations } from '../api/options.ts';
import { lookupOptions, useLookups } from '../records/lookups.ts';
import type { TimelineFilters } from './filters.ts';

interface Props {
  filters: TimelineFilters;
  onChange: (filters: TimelineFilters) => void;
  /** Cases can add their linked people's reports. */
  canIncludeLinked: boolean;
}

export function TimelineFilterBar({ filters, onChange, canIncludeLinked }: Props) {
  const types = useLookups('report_type', { includeRetired: true });
  const organisations = useOrganisations();
  const set = <K extends keyof TimelineFilters>(field: K, value: TimelineFilters[K]) => onChange({ ...filters, [field]: value });
  return (
    <Group gap="sm" align="flex-end" role="group" aria-label="Filter the timeline">
      <Select
        label="Filter by type"
        placeholder="All types"
        clearable
        data={lookupOptions(types.data?.items ?? [], filters.reportTypeId ? [filters.reportTypeId] : [])}
        value={filters.reportTypeId || null}
        onChange={(v) => set('reportTypeId', v ?? '')}
        w={{ base: '100%', xs: 200 }}
      />
      <Select
        label="Filter by agency"
        placeholder="All agencies"
        clearable
        data={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        value={filters.organisationId || null}
        onChange={(v) => set('organisationId', v ?? '')}
        w={{ base: '100%', xs: 220 }}
      />
      <TextInput type="date" label="From" value={filters.from} onChange={(e) => set('from', e.currentTarget.value)} w={{ base: '100%', xs: 160 }} />
      <TextInput type="date" label="To" value={filters.to} onChange={(e) => set('to', e.currentTarget.value)} w={{ base: '100%', xs: 160 }} />
      {canIncludeLinked && (
        <Checkbox
          label="Include linked people’s reports"
          checked={filters.includeLinked}
          onChange={(e) => set('includeLinked', e.currentTarget.checked)}
          mb={8}
        />
      )}
    </Group>
  );
}
