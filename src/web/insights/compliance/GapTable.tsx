import { Link } from 'react-router';
import { Anchor, List, Table, Text } from '@mantine/core';
import type { ComplianceGap } from '../../../shared/api/insights.ts';
import type { ComplianceCheck } from '../../../shared/insights.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { rolesText } from '../../profiles/labels.ts';
import { RiskBadge } from '../../records/RiskBadge.tsx';
import { dayText } from '../../victim-care/labels.ts';
import { GapFix } from './GapFix.tsx';
import { missingShareText } from './labels.ts';

/** The column that says why each person fails the check. */
const detailHeadings: Record<ComplianceCheck, string> = {
  'no-reason': 'Last updated',
  'no-risk-assessment': 'Matrix required',
  'not-shared': 'Missing sharing',
  'not-updated': 'Last updated',
  'contact-overdue': 'Contact was due',
  'no-lawful-basis': 'Last updated',
  'basis-review-overdue': 'Review was due',
};

function Detail({ check, gap }: { check: ComplianceCheck; gap: ComplianceGap }) {
  switch (check) {
    case 'no-risk-assessment':
      return gap.requirementRaisedAt
        ? <>Since {formatDateTime(gap.requirementRaisedAt)}, by a VICTIM screening</>
        : <>No matrix completed</>;
    case 'not-shared':
      return (
        <List size="sm" spacing={2}>
          {gap.missingShares.map((s) => (
            <List.Item key={`${s.organisation.id}-${s.team?.id ?? 'all'}`}>{missingShareText(s)}</List.Item>
          ))}
        </List>
      );
    case 'contact-overdue':
      return <Text size="sm" span c="red.9" fw={600}>{dayText(gap.nextContactDue)}</Text>;
    case 'basis-review-overdue':
      return <Text size="sm" span c="red.9" fw={600}>{dayText(gap.basisReviewOn)}</Text>;
    default:
      return <>{formatDateTime(gap.lastUpdatedAt, 'Never')}</>;
  }
}

/** The people behind a figure, each with what is missing and, where the reader may, the way to put it right. */
export function GapTable({ check, items, onFixed }: { check: ComplianceCheck; items: ComplianceGap[]; onFixed: () => void }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table fz="sm" verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Date of birth</Table.Th>
            <Table.Th scope="col">Roles</Table.Th>
            <Table.Th scope="col">Risk</Table.Th>
            <Table.Th scope="col">{detailHeadings[check]}</Table.Th>
            <Table.Th scope="col">Put it right</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((gap) => (
            <Table.Tr key={gap.profile.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/profiles/${gap.profile.id}`} inherit>
                  {gap.profile.name}
                </Anchor>
              </Table.Th>
              <Table.Td>{formatDate(gap.profile.dateOfBirth, 'Not known')}</Table.Td>
              <Table.Td>{rolesText(gap.profile.roles)}</Table.Td>
              <Table.Td>
                <RiskBadge level={gap.profile.riskLevel} />
              </Table.Td>
              <Table.Td>
                <Detail check={check} gap={gap} />
              </Table.Td>
              <Table.Td>
                <GapFix check={check} gap={gap} onFixed={onFixed} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
