import { Link } from 'react-router';
import { Anchor, Text } from '@mantine/core';
import type { OverdueContact } from '../../shared/api/victim-care.ts';
import { formatDateTime } from '../components/format.ts';
import { PersonSafetyLine } from '../records/PersonSafetyLine.tsx';
import { dayText, overdueText } from './labels.ts';

/** A victim overdue a contact, as the home page lists them: who, how late, and the way to their plan. */
export function OverdueContactItem({ contact: o }: { contact: OverdueContact }) {
  return (
    <>
      <Anchor component={Link} to={`/profiles/${o.profile.id}?section=victim-care`} fw={500}>
        {o.profile.firstName} {o.profile.lastName}
      </Anchor>
      <PersonSafetyLine safety={o.profile.safety} />
      <Text size="sm" c="red.9" fw={600}>
        Due {dayText(o.nextContactDue)}: {overdueText(o.daysOverdue)}
      </Text>
      <Text size="sm" c="dimmed">
        Last contact {o.lastContactAt ? formatDateTime(o.lastContactAt) : 'none since the plan was set'}
        {o.case ? `; ${o.case.reference}` : ''}
      </Text>
    </>
  );
}
