import { useSearchParams } from 'react-router';
import { Text } from '@mantine/core';
import { auditEventPage } from '../../shared/api/audit.ts';
import { keys } from '../api/keys.ts';
import { usePagedList } from '../api/lists.ts';
import { can, useMe } from '../app/session.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { AuditFilterForm } from './AuditFilterForm.tsx';
import { AuditTable } from './AuditTable.tsx';
import { apiQuery, filtersFrom, paramsFrom } from './filters.ts';
import { VerifyChain } from './VerifyChain.tsx';

export function AuditPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const query = apiQuery(filters);
  const list = usePagedList(keys.audit(query), '/audit-events', query, auditEventPage);

  return (
    <Page title="Audit trail">
      <Text>
        Every sign-in, change and refusal, newest first, with who did it, from where and why. Times are UK time.
      </Text>
      {can(me, 'audit.verify') && <VerifyChain />}
      {/* Keyed on the address, so following a link to other filters shows them in the form too. */}
      <AuditFilterForm key={params.toString()} applied={filters} onApply={(f) => setParams(paramsFrom(f))} />
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading the audit trail" />
      {list.data && (
        // The last filters' events stay on screen while the new ones load; busy says they are stale.
        <div aria-busy={list.isPlaceholderData}>
          {list.items.length === 0 ? <Text>No events match these filters.</Text> : <AuditTable events={list.items} />}
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="events" />
        </div>
      )}
    </Page>
  );
}
