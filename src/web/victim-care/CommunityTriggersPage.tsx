import { Link } from 'react-router';
import { Anchor, Table, Text } from '@mantine/core';
import { communityTriggerPage } from '../../shared/api/victim-care.ts';
import { caseReviewStageLabels, triggerBasisLabels } from '../../shared/victim-care.ts';
import { usePagedList } from '../api/lists.ts';
import { can, useMe } from '../app/session.ts';
import { formatDateTime } from '../components/format.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { ownerText } from '../records/OwnerLine.tsx';
import { useVictimCareSettings } from './api.ts';
import { victimCareKeys } from './keys.ts';
import { counted, dayText } from './labels.ts';
import { OpenCaseReviewButton } from './OpenCaseReview.tsx';

/**
 * The victims the community trigger has flagged, among those the reader may open: for the ASB
 * staff who decide whether a case review is held, with the review's next step or the way to open one.
 */
export function CommunityTriggersPage() {
  const me = useMe();
  const list = usePagedList(victimCareKeys.triggers, '/community-triggers', { limit: 100 }, communityTriggerPage);
  const settings = useVictimCareSettings();
  const rule = settings.data?.communityTrigger;
  const canOpen = can(me, 'records.edit');
  return (
    <Page title="Community triggers">
      <Text>
        Victims with {rule ? counted(rule.complaints, 'ASB complaint', 'ASB complaints') : 'enough ASB complaints'} in {rule ? `${rule.months} months` : 'the partnership’s period'}, from
        any agency (one incident reported to several agencies counts once)
        {rule?.locationComplaints ? `, ${rule.locationComplaints} complaints about one place they live` : ''}
        {rule?.anyHateIncident ? ', or a hate incident' : ''}. Only people you may open are listed.
      </Text>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading community triggers" />
      {list.data &&
        (list.items.length === 0 ? (
          <Text>No victim you may open has met the community trigger.</Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={860}>
              <Table fz="sm" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Victim</Table.Th>
                    <Table.Th scope="col">Why</Table.Th>
                    <Table.Th scope="col">Complaints</Table.Th>
                    <Table.Th scope="col">Agencies</Table.Th>
                    <Table.Th scope="col">Since</Table.Th>
                    <Table.Th scope="col">Flagged</Table.Th>
                    <Table.Th scope="col">ASB case review</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((t) => (
                    <Table.Tr key={t.id}>
                      <Table.Th scope="row" fw={500}>
                        <Anchor component={Link} to={`/profiles/${t.profile.id}?section=victim-care`}>
                          {t.profile.firstName} {t.profile.lastName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          Held by {ownerText(t.profile.owner)}
                        </Text>
                      </Table.Th>
                      <Table.Td>{triggerBasisLabels[t.basis]}</Table.Td>
                      <Table.Td>{t.reports}</Table.Td>
                      <Table.Td>{t.organisations}</Table.Td>
                      <Table.Td>{dayText(t.since)}</Table.Td>
                      <Table.Td>{formatDateTime(t.raisedAt)}</Table.Td>
                      <Table.Td>
                        {t.caseReview ? (
                          <Anchor component={Link} to={`/case-reviews/${t.caseReview.id}`}>
                            {caseReviewStageLabels[t.caseReview.stage]}
                            {t.caseReview.next ? `; ${caseReviewStageLabels[t.caseReview.next.stage].toLowerCase()} due ${dayText(t.caseReview.next.dueOn)}` : ''}
                          </Anchor>
                        ) : canOpen ? (
                          <OpenCaseReviewButton profileId={t.profile.id} flagId={t.id} forWhom={`${t.profile.firstName} ${t.profile.lastName}`} size="xs" variant="default" />
                        ) : (
                          'None opened'
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="victims" />
          </>
        ))}
    </Page>
  );
}
