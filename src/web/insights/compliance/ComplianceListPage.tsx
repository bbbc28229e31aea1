import { useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Anchor, Text, Title } from '@mantine/core';
import { complianceCheckFixes, complianceCheckLabels, complianceChecks, type ComplianceCheck } from '../../../shared/insights.ts';
import { withQuery } from '../../api/client.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useComplianceList, useComplianceLiveUpdates } from './api.ts';
import { GapTable } from './GapTable.tsx';
import { hiddenText } from './labels.ts';

function ComplianceList({ check }: { check: ComplianceCheck }) {
  const [params] = useSearchParams();
  const teamId = params.get('teamId');
  const list = useComplianceList(check, teamId);
  useComplianceLiveUpdates();
  // A fixed row leaves the list, and its button with it: focus goes to the list's heading instead.
  const heading = useRef<HTMLHeadingElement>(null);
  const hidden = hiddenText(list.hidden);
  return (
    <Page title={complianceCheckLabels[check]}>
      <Anchor component={Link} to={withQuery('/insights/compliance', { teamId })} size="sm">
        Back to compliance
      </Anchor>
      <Text>To put it right: {complianceCheckFixes[check]}.</Text>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading the records" />
      {list.data && (
        <>
          <Title order={2} size="h3" ref={heading} tabIndex={-1}>
            Records to put right
          </Title>
          {list.items.length === 0 ? (
            <Text>{list.hidden === 0 ? 'None of the team’s profiles fails this check.' : 'None that you can open.'}</Text>
          ) : (
            <GapTable check={check} items={list.items} onFixed={() => heading.current?.focus()} />
          )}
          {hidden && <Text size="sm">{hidden}</Text>}
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="records" />
        </>
      )}
    </Page>
  );
}

/** The profiles behind one check's figure, for the team in `?teamId=` (the reader's own without it). */
export function ComplianceListPage() {
  const { check: param } = useParams();
  const check = complianceChecks.find((c) => c === param);
  if (!check) return <NotFoundPage />;
  return <ComplianceList check={check} />;
}
