import type { SarStatus } from '../../../shared/subject-access.ts';

export { sarStatusLabels as statusLabels } from '../../../shared/subject-access.ts';

export const statusColours: Record<SarStatus, string> = {
  queued: 'gray',
  collecting: 'gray',
  in_review: 'blue',
  packaging: 'blue',
  ready: 'green',
  expired: 'gray',
  failed: 'red',
  cancelled: 'gray',
};
