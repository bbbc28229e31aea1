import { Link } from 'react-router';
import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Compliance } from '../../../shared/api/insights.ts';
import { complianceCheckLabels, complianceCheckPopulations } from '../../../shared/insights.ts';
import { withQuery } from '../../api/client.ts';
import { complianceCsvHref } from './api.ts';
import { percentText, recordsText } from './labels.ts';

/** One row per check: how many of the team's profiles fail it, out of how many, and the way to the list. */
export function ComplianceTable({ data, teamId }: { data: Compliance; teamId: string | null }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table fz="sm" verticalSpacing="xs" captionSide="top">
        <Table.Caption ta="left" fw={600}>
          {data.team.name}, {data.organisation.name}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Check</Table.Th>
            <Table.Th scope="col">Records</Table.Th>
            <Table.Th scope="col">Out of</Table.Th>
            <Table.Th scope="col">Percentage</Table.Th>
            <Table.Th scope="col">List</Table.Th>
            <Table.Th scope="col">Download</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((item) => {
            const label = complianceCheckLabels[item.check];
            return (
              <Table.Tr key={item.check}>
                <Table.Th scope="row" fw={500}>
                  {label}
                </Table.Th>
                <Table.Td fw={item.count > 0 ? 600 : undefined}>{item.count}</Table.Td>
                <Table.Td>
                  {item.of} {complianceCheckPopulations[item.check]}
                </Table.Td>
                <Table.Td>{percentText(item.count, item.of)}</Table.Td>
                <Table.Td>
                  {item.count > 0 ? (
                    <Anchor component={Link} to={withQuery(`/insights/compliance/${item.check}`, { teamId })} inherit>
                      Show {recordsText(item.count)}
                      <VisuallyHidden component="span"> ({label})</VisuallyHidden>
                    </Anchor>
                  ) : (
                    <Text size="sm" span>
                      Nothing to put right
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Anchor href={complianceCsvHref(teamId, item.check)} download inherit>
                    CSV
                    <VisuallyHidden component="span"> ({label})</VisuallyHidden>
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
