import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Anchor, Table, Text } from '@mantine/core';
import { caseRecord } from '../../shared/api/cases.ts';
import type { Officer, Supervision, SupervisedCase } from '../../shared/api/supervision.ts';
import { call } from '../api/client.ts';
import { formatDate } from '../components/format.ts';
import { notifySaved } from '../components/notify.ts';
import { HandOn } from './HandOn.tsx';
import { homeKeys } from '../home/keys.ts';
import { supervisionKeys } from './keys.ts';

function LeadHandOn({ kase, officers }: { kase: SupervisedCase; officers: Officer[] }) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (officer: Officer) => call('PATCH', `/cases/${kase.id}`, caseRecord, { body: { version: kase.version, leadOfficerId: officer.id } }),
    onSuccess: (_, officer) => {
      notifySaved(`${officer.name} now leads ${kase.reference}.`);
      void queryClient.invalidateQueries({ queryKey: supervisionKeys.all });
      void queryClient.invalidateQueries({ queryKey: homeKeys.day });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  return <HandOn what={`the lead of ${kase.reference}`} officers={officers} holderId={kase.leadOfficer?.id ?? null} onHand={async (o) => void (await change.mutateAsync(o))} pending={change.isPending} />;
}

/** The team's open cases, grouped by who leads them, each lead one step from another officer. */
export function CaseLeads({ view }: { view: Supervision }) {
  if (view.cases.items.length === 0) return <Text size="sm">No officer of the team leads an open case you can open.</Text>;
  const byLead = [...view.cases.items].sort((a, b) => (a.leadOfficer?.name ?? '').localeCompare(b.leadOfficer?.name ?? '') || a.reference.localeCompare(b.reference));
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table fz="sm" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Case</Table.Th>
            <Table.Th scope="col">Lead officer</Table.Th>
            <Table.Th scope="col">Started</Table.Th>
            <Table.Th scope="col">Ends</Table.Th>
            <Table.Th scope="col">Hand the lead to</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {byLead.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/cases/${c.id}`}>
                  {c.reference}
                </Anchor>
                <Text size="xs">{c.title}</Text>
              </Table.Th>
              <Table.Td>{c.leadOfficer?.name}</Table.Td>
              <Table.Td>{formatDate(c.startDate)}</Table.Td>
              <Table.Td>{formatDate(c.endDate)}</Table.Td>
              <Table.Td>
                {c.canChangeLead ? <LeadHandOn kase={c} officers={view.officers} /> : <Text size="xs">Ask {c.owner.team.name} ({c.owner.organisation.name}), who hold it.</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
