import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { auditActionList } from '../../shared/api/audit.ts';
import { uuid } from '../../shared/api/common.ts';
import { get } from '../api/client.ts';
import { keys } from '../api/keys.ts';
import { Form } from '../components/Form.tsx';
import { actionLabel, entityTypeLabels, outcomeLabels } from './labels.ts';
import type { AuditFilters } from './filters.ts';
import { PersonSelect } from './PersonSelect.tsx';

interface Props {
  applied: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

const empty: AuditFilters = { q: '', actorId: '', entityType: '', entityId: '', action: '', outcome: '', from: '', to: '', polling: '' };

const typeOptions = Object.entries(entityTypeLabels).map(([value, label]) => ({ value, label }));
const outcomeOptions = Object.entries(outcomeLabels).map(([value, label]) => ({ value, label }));

export function AuditFilterForm({ applied, onApply }: Props) {
  const [filters, setFilters] = useState(applied);
  const [idError, setIdError] = useState<string | undefined>();
  const [qError, setQError] = useState<string | undefined>();
  const actions = useQuery({ queryKey: keys.auditActions, queryFn: () => get('/audit-events/actions', auditActionList), staleTime: Infinity });
  const set = (name: keyof AuditFilters, value: string | null) => setFilters((f) => ({ ...f, [name]: value ?? '' }));

  const apply = () => {
    const id = filters.entityId.trim();
    const q = filters.q.trim();
    const badId = id && !uuid.safeParse(id).success;
    setIdError(badId ? 'Enter the record ID in full: 36 characters, like 0192f1c4-5a6b-7c8d-9e0f-123456789abc' : undefined);
    setQError(q.length === 1 ? 'Enter at least 2 characters of a name, reference or address' : undefined);
    if (badId || q.length === 1) return;
    onApply({ ...filters, entityId: id, q });
  };

  return (
    <Form onSubmit={apply}>
      <TextInput
        label="Person, case or place"
        description="A person's name, a case reference or title, or an address: events on the records it finds"
        type="search"
        value={filters.q}
        onChange={(e) => set('q', e.currentTarget.value)}
        error={qError}
        autoComplete="off"
        maw={520}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <PersonSelect value={filters.actorId} onChange={(id) => set('actorId', id)} />
        <Select
          label="Action"
          placeholder="Any action"
          data={(actions.data?.items ?? []).map((a) => ({ value: a, label: actionLabel(a) }))}
          value={filters.action || null}
          onChange={(v) => set('action', v)}
          searchable
          clearable
        />
        <Select
          label="Outcome"
          placeholder="Any outcome"
          data={outcomeOptions}
          value={filters.outcome || null}
          onChange={(v) => set('outcome', v)}
          clearable
        />
        <Select
          label="Record type"
          placeholder="Any record"
          data={typeOptions}
          value={filters.entityType || null}
          onChange={(v) => set('entityType', v)}
          clearable
        />
        <TextInput
          label="Record ID"
          value={filters.entityId}
          onChange={(e) => set('entityId', e.currentTarget.value)}
          error={idError}
          autoComplete="off"
        />
        <TextInput label="From" type="date" value={filters.from} onChange={(e) => set('from', e.currentTarget.value)} />
        <TextInput label="To" type="date" value={filters.to} onChange={(e) => set('to', e.currentTarget.value)} />
      </SimpleGrid>
      <Checkbox
        label="Show the checks the app makes by itself on every page (Listed reminders)"
        checked={filters.polling === 'shown'}
        onChange={(e) => set('polling', e.currentTarget.checked ? 'shown' : '')}
      />
      <Group gap="sm">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="default"
          onClick={() => {
            setFilters(empty);
            setIdError(undefined);
            setQError(undefined);
            onApply(empty);
          }}
        >
          Clear filters
        </Button>
      </Group>
    </Form>
  );
}
