import { Link } from 'react-router';
import { Anchor, Table, Text } from '@mantine/core';
import type { ProfileSummary } from '../../shared/api/profiles.ts';
import { formatDate } from '../components/format.ts';
import { ageText } from '../records/ageText.ts';
import { RiskBadge } from '../records/RiskBadge.tsx';
import { WarningMarkerBadges } from '../records/WarningMarkers.tsx';
import { fullName, rolesText } from './labels.ts';

export function ProfileTable({ items }: { items: ProfileSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Date of birth</Table.Th>
            <Table.Th scope="col">Age</Table.Th>
            <Table.Th scope="col">Roles</Table.Th>
            <Table.Th scope="col">Risk</Table.Th>
            <Table.Th scope="col">Warning markers</Table.Th>
            <Table.Th scope="col">Held by</Table.Th>
            <Table.Th scope="col">Last updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/profiles/${p.id}`}>
                  {fullName(p)}
                </Anchor>
              </Table.Th>
              <Table.Td>{formatDate(p.dateOfBirth, 'Not known')}</Table.Td>
              <Table.Td>{ageText(p)}</Table.Td>
              <Table.Td>{rolesText(p.roles)}</Table.Td>
              <Table.Td>
                <RiskBadge level={p.riskLevel} />
              </Table.Td>
              <Table.Td>{p.warningMarkers.length > 0 ? <WarningMarkerBadges markers={p.warningMarkers} /> : 'None'}</Table.Td>
              <Table.Td>
                {p.owner.team.name}
                <Text size="xs" c="dimmed">
                  {p.owner.organisation.name}
                </Text>
              </Table.Td>
              <Table.Td>{formatDate(p.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
