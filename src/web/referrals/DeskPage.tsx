import { Link, useSearchParams } from 'react-router';
import { Button, Group, Select, Text } from '@mantine/core';
import { openReferralStates, referralStatusFilters, statesOf, type ReferralStatusFilter } from '../../shared/referrals.ts';
import { withQuery } from '../api/client.ts';
import { useMe } from '../app/session.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useDesk } from './api.ts';
import { useDesks } from './desks.ts';
import { DeskTable } from './DeskTable.tsx';
import { assignedFilterOptions, statusFilterOptions } from './labels.ts';

const emptyText: Partial<Record<ReferralStatusFilter, string>> = {
  open: 'Nothing is waiting for a decision on this desk.',
  triaged: 'No referral on this desk has been decided yet.',
};

/** The desk's order, as the server keeps it. */
function orderText(status: ReferralStatusFilter): string {
  if (status === 'all') return 'open ones most urgent first, then those finished with, the latest first';
  if (statesOf(status).every((s) => openReferralStates.includes(s))) return 'the most urgent first, those waiting for the referrer after them';
  return 'the latest first';
}

/**
 * A team's triage desk: the referrals sent to it, the most urgent first, refreshed as they arrive
 * and as colleagues work them (`referrals.changed`).
 */
export function DeskPage() {
  const me = useMe();
  const desks = useDesks();
  const [params, setParams] = useSearchParams();
  const status = referralStatusFilters.find((s) => s === params.get('status')) ?? 'open';
  const assigned = assignedFilterOptions.find((o) => o.value === params.get('assigned'))?.value ?? 'anyone';
  const teamId = params.get('teamId') ?? undefined;
  const query = { status, teamId, assignedTo: assigned === 'anyone' ? undefined : assigned, limit: 50 };
  const list = useDesk(query);
  const team = list.team ?? { id: teamId ?? me.team.id, name: me.team.name };

  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const onTeam = teamId ? { teamId } : {};

  return (
    <Page
      title="Referrals"
      actions={
        <>
          <Button component={Link} to={withQuery('/referrals/figures', onTeam)} variant="default">
            Figures
          </Button>
          <Button component={Link} to={withQuery('/referrals/new', onTeam)}>
            Key in a referral
          </Button>
        </>
      }
    >
      <Group align="flex-end" gap="md">
        {desks.several && (
          <Select label="Desk" data={desks.options} value={team.id} onChange={(v) => setFilter('teamId', v === me.team.id ? null : v)} allowDeselect={false} w={260} />
        )}
        <Select label="Status" data={statusFilterOptions} value={status} onChange={(v) => setFilter('status', v === 'open' ? null : v)} allowDeselect={false} w={320} />
        <Select label="Assigned to" data={assignedFilterOptions} value={assigned} onChange={(v) => setFilter('assigned', v === 'anyone' ? null : v)} allowDeselect={false} w={200} />
      </Group>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading the desk" />
      {list.data && (
        <>
          {list.items.length === 0 ? (
            <Text>{emptyText[status] ?? 'No referrals match these filters.'}</Text>
          ) : (
            <DeskTable referrals={list.items} caption={`The desk of ${team.name}: ${orderText(status)}`} />
          )}
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="referrals" />
        </>
      )}
    </Page>
  );
}
