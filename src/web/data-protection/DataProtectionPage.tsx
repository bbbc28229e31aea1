import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { can, useMe } from '../app/session.ts';
import { Page } from '../components/Page.tsx';
import { useAgreements } from './api.ts';

function HubCard({ title, to, children }: { title: string; to: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="li">
      <Stack gap="xs">
        <Title order={2} size="h4">
          <Anchor component={Link} to={to} inherit>
            {title}
          </Anchor>
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** Where the partnership's data protection work starts: each card only for those who may use it. */
export function DataProtectionPage() {
  const me = useMe();
  const due = useAgreements({ reviewDue: true });
  const count = due.data?.items.length ?? 0;
  return (
    <Page title="Data protection">
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        <HubCard title="Information sharing agreements" to="/data-protection/agreements">
          <Text size="sm">The partnership&apos;s agreements: who shares, why, on which lawful basis, and when each is reviewed.</Text>
          {due.data && (
            <Text size="sm" fw={count > 0 ? 600 : undefined}>
              {count === 0 ? 'None due for review.' : `${count} due for review.`}
            </Text>
          )}
        </HubCard>
        {can(me, 'emergency_access.review') && (
          <HubCard title="Emergency access" to="/data-protection/emergency-access">
            <Text size="sm">Each time someone opened a profile your team holds without access, with their reason, for you to review.</Text>
          </HubCard>
        )}
        {can(me, 'subject_access.manage') && (
          <HubCard title="Subject access requests" to="/data-protection/subject-access">
            <Text size="sm">People&apos;s requests for everything held about them: the statutory clock, each agency&apos;s review, and the download.</Text>
          </HubCard>
        )}
        {can(me, 'retention.review') && (
          <HubCard title="Retention" to="/data-protection/retention">
            <Text size="sm">Records past their retention period, to keep, anonymise or delete; the rules and legal holds.</Text>
          </HubCard>
        )}
        {can(me, 'disclosure_log.export') && (
          <HubCard title="DPA 2018 s62 log" to="/data-protection/disclosure-log">
            <Text size="sm">A police organisation&apos;s consultations and disclosures, with CSV and XLSX exports for the ICO.</Text>
          </HubCard>
        )}
        {can(me, 'partnerships.manage') && (
          <HubCard title="Data protection settings" to="/admin/data-protection">
            <Text size="sm">When review reminders go out, and how long a person&apos;s lawful basis lasts before its review.</Text>
          </HubCard>
        )}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        Each person&apos;s lawful basis is on their profile, under Data protection. Missing and overdue ones show on each team&apos;s compliance view.
      </Text>
    </Page>
  );
}
