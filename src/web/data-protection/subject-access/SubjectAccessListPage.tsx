import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Page } from '../../components/Page.tsx';
import { Stack, Text, Title } from '@mantine/core';
import { useSubjectAccessList } from './api.ts';
import { SubjectAccessTable } from './SubjectAccessTable.tsx';

/** The requests the reader's organisation handles or has items to review in; those waiting for its review first. */
export function SubjectAccessListPage() {
  const toReview = useSubjectAccessList({ reviewFor: 'me' });
  const all = useSubjectAccessList();
  return (
    <Page title="Subject access requests">
      <Text size="sm">
        A person&apos;s request for everything the partnership holds about them. Start one from the person&apos;s profile, under Data protection.
      </Text>
      <Stack gap="xs">
        <Title order={2} size="h4">Waiting for your organisation&apos;s review</Title>
        <QueryStatus isPending={toReview.isPending} error={toReview.error} onRetry={() => void toReview.refetch()} label="Loading requests to review" />
        {toReview.data && <SubjectAccessTable items={toReview.data.items} caption="Requests waiting for your organisation's review" />}
      </Stack>
      <Stack gap="xs">
        <Title order={2} size="h4">All requests</Title>
        <QueryStatus isPending={all.isPending} error={all.error} onRetry={() => void all.refetch()} label="Loading requests" />
        {all.data && <SubjectAccessTable items={all.data.items} caption="Subject access requests your organisation handles or reviews in" />}
      </Stack>
    </Page>
  );
}
