import { Link } from 'react-router';
import { Anchor, Group } from '@mantine/core';
import type { Referral } from '../../shared/api/referrals.ts';
import { Details } from '../components/Details.tsx';
import { formatDateTime } from '../components/format.ts';
import { Section } from '../records/Section.tsx';
import { outcomeLabels } from './labels.ts';

/** What the team decided, why, and where accepting took the referral. */
export function OutcomeSection({ outcome }: { outcome: NonNullable<Referral['outcome']> }) {
  const links = [
    outcome.caseId && { to: `/cases/${outcome.caseId}`, label: 'Open the case' },
    outcome.profileId && { to: `/profiles/${outcome.profileId}`, label: 'Open the person' },
  ].filter((l): l is { to: string; label: string } => Boolean(l));
  return (
    <Section title="Decision">
      <Details
        items={[
          { label: 'Decision', value: outcomeLabels[outcome.decision] },
          ...(outcome.signpostedTo ? [{ label: 'Signposted to', value: outcome.signpostedTo }] : []),
          { label: 'Reason', value: <span style={{ whiteSpace: 'pre-wrap' }}>{outcome.reason}</span> },
          { label: 'Decided', value: `${formatDateTime(outcome.decidedAt)} by ${outcome.decidedBy.name}` },
        ]}
      />
      {links.length > 0 && (
        <Group gap="md">
          {links.map((l) => (
            <Anchor key={l.to} component={Link} to={l.to}>
              {l.label}
            </Anchor>
          ))}
        </Group>
      )}
    </Section>
  );
}
