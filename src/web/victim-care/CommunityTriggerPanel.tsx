import { Link } from 'react-router';
import { Anchor, Stack, Text } from '@mantine/core';
import type { VictimCare } from '../../shared/api/victim-care.ts';
import { caseReviewStageLabels } from '../../shared/victim-care.ts';
import { Details } from '../components/Details.tsx';
import { formatDateTime } from '../components/format.ts';
import { counted, dayText, triggerMetText } from './labels.ts';
import { OpenCaseReviewButton } from './OpenCaseReview.tsx';

/**
 * Where the community trigger stands for this person: the ASB complaints counted across agencies
 * (one incident reported to several counts once), the local variants, and the case review.
 */
export function CommunityTriggerPanel({ profileId, care }: { profileId: string; care: VictimCare }) {
  const t = care.communityTrigger;
  const review = care.caseReview;
  return (
    <Stack gap="md">
      <Text size="sm" fw={t.flag ? 700 : undefined}>
        {t.flag
          ? `${triggerMetText(t)}. Flagged ${formatDateTime(t.flag.raisedAt)}.`
          : `Not met: the partnership's threshold is ${counted(t.threshold, 'ASB complaint', 'ASB complaints')} in ${t.months} months.`}
      </Text>
      <Details
        items={[
          { label: `ASB complaints in ${t.months} months`, value: String(t.complaints) },
          { label: 'Agencies that reported them', value: String(t.organisations) },
          { label: 'First complaint counted', value: dayText(t.since, 'None') },
          { label: 'Most complaints about one place they live', value: String(t.locationComplaints) },
          { label: 'Hate incidents', value: String(t.hateIncidents) },
        ]}
      />
      <Text size="xs" c="dimmed">
        One incident reported to several agencies on the same day counts once.
      </Text>
      {review ? (
        <Anchor component={Link} to={`/case-reviews/${review.id}`} fw={600}>
          The ASB case review: {caseReviewStageLabels[review.stage].toLowerCase()}
          {review.next ? `, ${caseReviewStageLabels[review.next.stage].toLowerCase()} due ${dayText(review.next.dueOn)}` : ''}
        </Anchor>
      ) : (
        care.permissions.canOpenCaseReview && (
          <Stack gap={4} align="flex-start">
            <Text size="sm">A victim may apply for an ASB case review whether or not the trigger is met; open one when they do.</Text>
            <OpenCaseReviewButton profileId={profileId} flagId={t.flag?.id ?? null} variant="default" />
          </Stack>
        )
      )}
    </Stack>
  );
}
