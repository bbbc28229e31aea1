import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Modal, NativeSelect, Text } from '@mantine/core';
import { lookupListReply, type Lookup } from '../../../shared/api/records.ts';
import { lookupListLabels, lookupLists, type LookupList } from '../../../shared/records.ts';
import { get, withQuery } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { CreateLookupForm } from './CreateLookupForm.tsx';
import { EditLookupForm } from './EditLookupForm.tsx';
import { lookupAdminKeys } from './keys.ts';
import { LookupTable } from './LookupTable.tsx';

const listOptions = lookupLists.map((l) => ({ value: l, label: lookupListLabels[l] }));

/** The partnership's editable lists; administration shows it only to those who may manage them. */
export function LookupsPage() {
  const [params, setParams] = useSearchParams();
  const list: LookupList = lookupLists.find((l) => l === params.get('list')) ?? 'case_type';
  const query = useQuery({
    queryKey: lookupAdminKeys.list(list),
    queryFn: () => get(withQuery('/lookups', { list, includeRetired: true }), lookupListReply),
  });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Lookup | null>(null);
  const values = query.data?.items ?? [];
  const retired = values.filter((v) => !v.active).length;
  const label = lookupListLabels[list];

  return (
    <Page title="Lists" actions={<Button onClick={() => setAdding(true)}>Add value</Button>}>
      <Text>
        The values people choose from on profiles and cases, in the order they see them. A retired value stays on the
        records that have it, but nobody can choose it any more.
      </Text>
      <NativeSelect
        label="List"
        data={listOptions}
        value={list}
        onChange={(e) => setParams({ list: e.currentTarget.value }, { replace: true })}
        w={280}
      />
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label={`Loading ${label.toLowerCase()}`} />
      {query.data && (
        <>
          <Text size="sm">
            {values.length} {values.length === 1 ? 'value' : 'values'}
            {retired > 0 ? `, ${retired} retired` : ''}
          </Text>
          <LookupTable list={list} values={values} onEdit={setEditing} />
        </>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={`Add to ${label.toLowerCase()}`} size="lg">
        {adding && <CreateLookupForm list={list} onDone={() => setAdding(false)} />}
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? `Change “${editing.name}”` : ''} size="lg">
        {editing && <EditLookupForm record={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Page>
  );
}
