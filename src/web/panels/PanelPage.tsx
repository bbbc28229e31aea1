import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Button, Modal } from '@mantine/core';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { Section } from '../records/Section.tsx';
import { usePanel } from './api.ts';
import { ArrangeMeetingForm } from './ArrangeMeetingForm.tsx';
import { PanelMeetings } from './PanelMeetings.tsx';
import { PanelMembers } from './PanelMembers.tsx';
import { PanelStatistics } from './PanelStatistics.tsx';
import { WaitingReferrals } from './WaitingReferrals.tsx';

/** One panel: who sits on it, what waits for it, its meetings and its figures. */
export function PanelPage() {
  const { id = '' } = useParams();
  const [arranging, setArranging] = useState(false);
  const query = usePanel(id);
  const p = query.data;
  return (
    <Page
      title={p?.name ?? 'Panel'}
      actions={p?.permissions.canRun && (
        <Button onClick={() => setArranging(true)}>
          Arrange a meeting
        </Button>
      )}
    >
      <Anchor component={Link} to="/panels" size="sm">
        Back to panels
      </Anchor>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the panel" />
      {p && (
        <>
          <Section title="Members">
            <PanelMembers panel={p} />
          </Section>
          <Section title={`Referrals waiting (${p.waiting})`}>
            <WaitingReferrals panelId={p.id} />
          </Section>
          <Section title="Meetings">
            <PanelMeetings panelId={p.id} />
          </Section>
          <Section title="Statistics">
            <PanelStatistics panelId={p.id} />
          </Section>
          <Modal opened={arranging} onClose={() => setArranging(false)} title={`Arrange a meeting of ${p.name}`} size="lg">
            {arranging && <ArrangeMeetingForm panelId={p.id} onDone={() => setArranging(false)} />}
          </Modal>
        </>
      )}
    </Page>
  );
}
