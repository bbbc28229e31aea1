import { Badge, Text } from '@mantine/core';
import type { CaseRecord } from '../../shared/api/cases.ts';
import { Details } from '../components/Details.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { ownerText } from '../records/OwnerLine.tsx';
import { caseClock } from './clock.ts';
import { statusColours, statusLabels } from './labels.ts';

function Dates({ c }: { c: CaseRecord }) {
  const clock = c.status === 'open' ? caseClock(c.daysElapsed, c.daysLeft) : null;
  return (
    <>
      {c.startDate || c.endDate ? `${formatDate(c.startDate, 'No start date')} to ${formatDate(c.endDate, 'no end date')}` : 'No dates set'}
      {clock && (
        <Text span display="block" size="sm" fw={600} c={clock.overdue ? 'red.8' : undefined}>
          {clock.text}
        </Text>
      )}
    </>
  );
}

export function CaseOverview({ c }: { c: CaseRecord }) {
  return (
    <Details
      items={[
        { label: 'Reference', value: c.reference },
        { label: 'Case type', value: c.caseType.name },
        {
          label: 'Status',
          value: (
            <Badge color={statusColours[c.status]} variant="light">
              {statusLabels[c.status]}
            </Badge>
          ),
        },
        { label: 'Dates', value: <Dates c={c} /> },
        { label: 'Lead organisation', value: c.leadOrganisation?.name ?? '—' },
        { label: 'Lead officer', value: c.leadOfficer?.name ?? '—' },
        { label: 'Single point of contact', value: c.singlePointOfContact?.name ?? '—' },
        { label: 'Summary', value: c.summary ? <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>{c.summary}</Text> : '—' },
        { label: 'Held by', value: ownerText(c.owner) },
        { label: 'Added', value: `${formatDateTime(c.createdAt)}${c.createdBy ? ` by ${c.createdBy.name}` : ''}` },
      ]}
    />
  );
}
