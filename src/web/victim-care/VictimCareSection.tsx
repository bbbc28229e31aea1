import { useState } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Paper, Stack, Title } from '@mantine/core';
import type { Profile } from '../../shared/api/profiles.ts';
import { victimUpdateReportType } from '../../shared/victim-care.ts';
import { can, useMe } from '../app/session.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useLookups } from '../records/lookups.ts';
import { Section } from '../records/Section.tsx';
import { AddReportForm } from '../reports/AddReportForm.tsx';
import { contactsCsvHref, useVictimCare, useVictimCareSettings } from './api.ts';
import { CommunityTriggerPanel } from './CommunityTriggerPanel.tsx';
import { ContactPlanPanel } from './ContactPlanPanel.tsx';
import { ContactRecord } from './ContactRecord.tsx';
import { RecordContactForm } from './RecordContactForm.tsx';

/**
 * The "Victim care" part of a person's profile: the contact plan, recording a contact or writing a
 * victim update, the victim's own record of contacts, and the community trigger.
 */
export function VictimCareSection({ profile }: { profile: Profile }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const care = useVictimCare(profile.id);
  const settings = useVictimCareSettings();
  const reportTypes = useLookups('report_type');
  const [adding, setAdding] = useState<'contact' | 'update' | null>(null);
  if (!care.data) return <QueryStatus isPending={care.isPending} error={care.error} onRetry={() => void care.refetch()} label="Loading victim care" />;
  const c = care.data;
  const defaultDays = settings.data ? settings.data.cadenceDays[profile.riskLevel ?? 'notAssessed'] : null;
  const victimUpdate = reportTypes.data?.items.find((t) => t.key === victimUpdateReportType && t.active);
  const done = () => {
    setAdding(null);
    // A victim update is a contact: the plan's dates move on with it.
    void queryClient.invalidateQueries({ queryKey: ['profiles'] });
  };
  const actions = !adding && (
    <>
      {c.plan && c.permissions.canRecordContact && <Button onClick={() => setAdding('contact')}>Record a contact</Button>}
      {victimUpdate && can(me, 'records.edit') && (
        <Button variant={c.plan ? 'default' : 'filled'} onClick={() => setAdding('update')}>
          Write a victim update
        </Button>
      )}
    </>
  );
  return (
    <Stack gap="lg">
      <Section title="Contact plan">
        <ContactPlanPanel profileId={profile.id} plan={c.plan} defaultDays={defaultDays} canEdit={c.permissions.canEdit} />
      </Section>
      <Section title="Contacts with the victim" actions={actions}>
        {adding === 'contact' && c.plan && (
          <Paper withBorder p="md" radius="sm">
            <Title order={3} size="h4" mb="sm">
              Record a contact or an attempt
            </Title>
            <RecordContactForm plan={c.plan} onDone={done} />
          </Paper>
        )}
        {adding === 'update' && victimUpdate && (
          <Paper withBorder p="md" radius="sm">
            <Title order={3} size="h4" mb="sm">
              Victim update
            </Title>
            <AddReportForm kind="profiles" id={profile.id} reportType={victimUpdate.id} onDone={done} />
          </Paper>
        )}
        <ContactRecord profileId={profile.id} />
        <Stack gap={4} align="flex-start">
          <Button component={Link} to={`/profiles/${profile.id}/contacts`} variant="subtle" px={0}>
            Print the record of contacts
          </Button>
          <Button component="a" href={contactsCsvHref(profile.id)} download variant="subtle" px={0}>
            Download the record of contacts (CSV)
          </Button>
        </Stack>
      </Section>
      <Section title="Community trigger">
        <CommunityTriggerPanel profileId={profile.id} care={c} />
      </Section>
    </Stack>
  );
}
