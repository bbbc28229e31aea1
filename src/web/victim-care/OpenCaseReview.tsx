import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Stack, Text, type ButtonProps } from '@mantine/core';
import { caseReview } from '../../shared/api/victim-care.ts';
import { call } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { notifySaved } from '../components/notify.ts';

interface Props extends Pick<ButtonProps, 'variant' | 'color' | 'size'> {
  profileId: string;
  /** The community trigger's flag, when the victim has one: the review is opened from it. */
  flagId: string | null;
  /** The victim's name, where several such buttons share a screen. */
  forWhom?: string;
}

/**
 * Opens an ASB case review, its application received today, and goes to it. Without a flag the
 * victim may still apply: the review is opened for the person.
 */
export function OpenCaseReviewButton({ profileId, flagId, forWhom, ...button }: Props) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const open = useMutation({
    mutationFn: () => {
      const [path, body] = flagId ? [`/community-triggers/${flagId}/case-review`, {}] : ['/case-reviews', { profileId }];
      return call('POST', path, caseReview, { body, idempotencyKey: idempotency.keyFor({ path, body }) });
    },
    onSuccess: (review) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: ['profiles'] });
      void queryClient.invalidateQueries({ queryKey: ['community-triggers'] });
      notifySaved('ASB case review opened.');
      void navigate(`/case-reviews/${review.id}`);
    },
  });
  return (
    <Stack gap={4} align="flex-start">
      <Button {...button} loading={open.isPending} onClick={() => open.mutate()} aria-label={forWhom ? `Open an ASB case review for ${forWhom}` : undefined}>
        Open an ASB case review
      </Button>
      {open.error && (
        <Text size="sm" role="alert" fw={600}>
          {messageOf(open.error)}
        </Text>
      )}
    </Stack>
  );
}
