import { Link } from 'react-router';
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import type { Profile } from '../../shared/api/profiles.ts';
import { caseReviewStageLabels } from '../../shared/victim-care.ts';
import { useVictimCare } from './api.ts';
import { ClockIcon, FlagIcon } from './Icons.tsx';
import { counted, dayText, overdueText, triggerMetText } from './labels.ts';
import { OpenCaseReviewButton } from './OpenCaseReview.tsx';

const victimCareTab = '?section=victim-care';

/**
 * At the head of a person's profile, beside the warning markers: a contact overdue, the community
 * trigger met, and, from the second ASB complaint, the prompt to tell them about the case review.
 * Nothing while none applies.
 */
export function VictimCareAlerts({ profile }: { profile: Profile }) {
  const query = useVictimCare(profile.id);
  const care = query.data;
  if (!care) return null;
  const { plan, communityTrigger: trigger, caseReview } = care;
  return (
    <>
      {care.overdue && plan && (
        <Alert color="red" variant="filled" icon={<ClockIcon />} title={`Contact overdue: ${overdueText(care.daysOverdue)}`}>
          <Stack gap="xs">
            <Text size="sm">
              The next contact with {profile.firstName} {profile.lastName} was due {dayText(plan.nextContactDue)}
              {plan.lastContactAt ? '' : '; nobody has reached them since the plan was set'}.
            </Text>
            <Group>
              <Button variant="white" color="red" component={Link} to={victimCareTab}>
                See the contact plan
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {trigger.flag && (
        <Alert color="orange" variant="filled" icon={<FlagIcon />} title={triggerMetText(trigger)}>
          <Stack gap="xs">
            <Text size="sm">
              An ASB case review (the community trigger, Anti-social Behaviour, Crime and Policing Act 2014 s104) is due to the victim
              {caseReview ? '.' : ' if they apply, or the partnership may open one itself.'}
            </Text>
            {caseReview ? (
              <Anchor component={Link} to={`/case-reviews/${caseReview.id}`} c="white" fw={700} underline="always">
                The ASB case review: {caseReviewStageLabels[caseReview.stage].toLowerCase()}
                {caseReview.next ? `, ${caseReviewStageLabels[caseReview.next.stage].toLowerCase()} due ${dayText(caseReview.next.dueOn)}` : ''}
              </Anchor>
            ) : (
              care.permissions.canOpenCaseReview && <OpenCaseReviewButton profileId={profile.id} flagId={trigger.flag.id} variant="white" color="orange" />
            )}
          </Stack>
        </Alert>
      )}
      {care.prompt === 'tell-about-case-review' && (
        <Alert color="blue" icon={<FlagIcon />} title={`Tell ${profile.firstName} ${profile.lastName} about the ASB case review`}>
          <Text size="sm">
            {counted(trigger.complaints, 'ASB complaint', 'ASB complaints')} about them in {trigger.months} months. The 2025 statutory guidance
            asks that a victim is told from the second complaint that they may apply for an ASB case review (the community trigger); the
            partnership reviews their case at {counted(trigger.threshold, 'complaint', 'complaints')}.
          </Text>
        </Alert>
      )}
    </>
  );
}
