import type { AccessRequestStatus } from '../../shared/records.ts';

export const statusLabels: Record<AccessRequestStatus, string> = {
  pending: 'Waiting for a decision',
  approved: 'Approved',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
};

export const statusColours: Record<AccessRequestStatus, string> = {
  pending: 'yellow',
  approved: 'green',
  refused: 'red',
  withdrawn: 'gray',
};

export const statusOptions = (Object.keys(statusLabels) as AccessRequestStatus[]).map((value) => ({ value, label: statusLabels[value] }));
