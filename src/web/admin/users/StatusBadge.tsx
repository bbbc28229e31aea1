import { Badge } from '@mantine/core';
import type { User } from '../../../shared/api/users.ts';
import { statusLabels } from './labels.ts';

const colours: Record<User['status'], string> = { invited: 'yellow', active: 'green', disabled: 'gray' };

export function StatusBadge({ status }: { status: User['status'] }) {
  return (
    <Badge color={colours[status]} variant="light">
      {statusLabels[status]}
    </Badge>
  );
}
