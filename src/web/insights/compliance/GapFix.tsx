import { Link } from 'react-router';
import { Anchor, Button, Text, VisuallyHidden } from '@mantine/core';
import type { ComplianceGap } from '../../../shared/api/insights.ts';
import type { ComplianceCheck } from '../../../shared/insights.ts';
import { useStartOnRecord } from '../../assessments/AssessmentStartMenu.tsx';
import { ShareAsExpected } from './ShareAsExpected.tsx';

/** The template a victim with no risk assessment needs (see complianceChecks). */
const riskMatrix = 'asb-risk-matrix';

function StartMatrix({ gap }: { gap: ComplianceGap }) {
  const { start, isPending } = useStartOnRecord('profiles', gap.profile.id);
  return (
    <Button size="xs" variant="default" loading={isPending} onClick={() => start(riskMatrix)}>
      Start the risk assessment
      <VisuallyHidden component="span"> for {gap.profile.name}</VisuallyHidden>
    </Button>
  );
}

function FixLink({ to, label, gap }: { to: string; label: string; gap: ComplianceGap }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      {label}
      <VisuallyHidden component="span"> for {gap.profile.name}</VisuallyHidden>
    </Anchor>
  );
}

/**
 * Where a supervisor puts one gap right. The work tab holds the timeline and its "Add report";
 * a contact is recorded from the victim care tab.
 */
export function GapFix({ check, gap, onFixed }: { check: ComplianceCheck; gap: ComplianceGap; onFixed: () => void }) {
  if (!gap.canFix) {
    return (
      <Text size="sm" span>
        You can read this record but not change it
      </Text>
    );
  }
  const profile = `/profiles/${gap.profile.id}`;
  switch (check) {
    case 'not-shared':
      return <ShareAsExpected gap={gap} onShared={onFixed} />;
    case 'no-risk-assessment':
      return <StartMatrix gap={gap} />;
    case 'no-reason':
      return <FixLink to={`${profile}?section=work`} label="Add a report" gap={gap} />;
    case 'not-updated':
      return <FixLink to={`${profile}?section=work`} label="Open the timeline" gap={gap} />;
    case 'contact-overdue':
      return <FixLink to={`${profile}?section=victim-care`} label="Record a contact" gap={gap} />;
    case 'no-lawful-basis':
      return <FixLink to={`${profile}?section=data-protection`} label="Record the lawful basis" gap={gap} />;
    case 'basis-review-overdue':
      return <FixLink to={`${profile}?section=data-protection`} label="Review the lawful basis" gap={gap} />;
  }
}
