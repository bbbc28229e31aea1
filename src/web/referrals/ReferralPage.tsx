import { Link, useParams } from 'react-router';
import { Anchor, Grid, Group, Stack, Text } from '@mantine/core';
import type { Referral } from '../../shared/api/referrals.ts';
import { referralChannelLabels } from '../../shared/referrals.ts';
import { Details } from '../components/Details.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { Section } from '../records/Section.tsx';
import { useReferral, useReferralMatches } from './api.ts';
import { AssignSection } from './AssignSection.tsx';
import { receivedAgo } from './clock.ts';
import { MatchesSection } from './MatchesSection.tsx';
import { NextSteps } from './NextSteps.tsx';
import { OutcomeSection } from './OutcomeSection.tsx';
import { ReferralAnswers } from './ReferralAnswers.tsx';
import { ReferralClock } from './ReferralClock.tsx';
import { ReferralHistory } from './ReferralHistory.tsx';
import { ReferralNotes } from './ReferralNotes.tsx';
import { StateBadge } from './StateBadge.tsx';
import { useNow } from './useNow.ts';

const given = (value: string | null) => value ?? 'Not given';
const kept = { whiteSpace: 'pre-wrap' } as const;

function Facts({ referral }: { referral: Referral }) {
  const now = useNow();
  return (
    <Details
      items={[
        { label: 'Desk', value: referral.team.name },
        {
          label: 'Received',
          value: `${formatDateTime(referral.receivedAt)} (${receivedAgo(new Date(referral.receivedAt), now).toLowerCase()}), ${referralChannelLabels[referral.channel].toLowerCase()}${referral.form ? `: ${referral.form.name}, version ${referral.form.version}` : ''}`,
        },
        ...(referral.createdBy ? [{ label: 'Keyed in by', value: referral.createdBy.name }] : []),
        { label: 'Decision due', value: <ReferralClock referral={referral} /> },
      ]}
    />
  );
}

function Person({ referral }: { referral: Referral }) {
  const s = referral.subject;
  return (
    <Section title="The person">
      <Details
        items={[
          { label: 'Name', value: `${s.firstName} ${s.lastName}` },
          { label: 'Date of birth', value: s.dateOfBirth ? formatDate(s.dateOfBirth) : 'Not given' },
          { label: 'Address', value: <span style={kept}>{given(s.address)}</span> },
          { label: 'Phone', value: given(s.phone) },
          { label: 'Email', value: given(s.email) },
        ]}
      />
    </Section>
  );
}

function Referrer({ referral }: { referral: Referral }) {
  const r = referral.referrer;
  return (
    <Section title="Who referred them">
      <Details
        items={[
          { label: 'Name', value: r.name },
          { label: 'Organisation', value: given(r.organisation) },
          { label: 'How they know the person', value: given(r.relationship) },
          { label: 'Phone', value: given(r.phone) },
          { label: 'Email', value: given(r.email) },
          { label: 'Consent', value: referral.consent ? 'Agreed to the privacy notice' : 'Did not agree to the privacy notice' },
        ]}
      />
    </Section>
  );
}

function Concern({ referral }: { referral: Referral }) {
  return (
    <Section title="The concern">
      {referral.concern && (
        <Text size="sm" style={kept}>
          {referral.concern}
        </Text>
      )}
      {referral.definition ? <ReferralAnswers definition={referral.definition} answers={referral.answers} /> : !referral.concern && <Text size="sm">Nothing was written down.</Text>}
    </Section>
  );
}

function ReferralBody({ referral }: { referral: Referral }) {
  const matches = useReferralMatches(referral.id);
  return (
    <Stack gap="lg">
      <Facts referral={referral} />
      {!referral.permissions.canWork && <Text size="sm">You can read this referral but not work it.</Text>}
      {referral.permissions.canWork && <NextSteps referral={referral} matches={matches.data?.items ?? []} />}
      {referral.outcome && <OutcomeSection outcome={referral.outcome} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Person referral={referral} />
            <Referrer referral={referral} />
            <Concern referral={referral} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <AssignSection key={referral.assignedTo?.id ?? 'no one'} referral={referral} />
            <MatchesSection matches={matches.data?.items} isPending={matches.isPending} error={matches.error} onRetry={() => void matches.refetch()} />
          </Stack>
        </Grid.Col>
      </Grid>
      <ReferralNotes referral={referral} />
      <ReferralHistory referral={referral} />
    </Stack>
  );
}

/** One referral on the desk: what was sent, who it may be, and the team's work on it to a decision. */
export function ReferralPage() {
  const { id = '' } = useParams();
  const query = useReferral(id);
  const r = query.data;
  return (
    <Page
      title={r ? `Referral ${r.reference}` : 'Referral'}
      heading={
        r ? (
          <Group gap="sm" component="span" align="center">
            Referral {r.reference} <StateBadge state={r.status} />
          </Group>
        ) : undefined
      }
    >
      <Anchor component={Link} to="/referrals" size="sm">
        Back to the desk
      </Anchor>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the referral" />
      {r && <ReferralBody referral={r} />}
    </Page>
  );
}
