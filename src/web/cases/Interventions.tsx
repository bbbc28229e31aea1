import { useState } from 'react';
import { Button, Modal, Table, Text } from '@mantine/core';
import type { CaseRecord, Intervention } from '../../shared/api/cases.ts';
import { interventionStatusLabels } from '../../shared/records.ts';
import { formatDate } from '../components/format.ts';
import { notifySaved } from '../components/notify.ts';
import { AddInterventionForm } from './AddInterventionForm.tsx';
import { CaseSection } from './CaseSection.tsx';
import { EditInterventionForm } from './EditInterventionForm.tsx';
import { useCaseRefresh } from './useCaseRefresh.ts';

/** The ASB toolkit's incremental approach: each step taken, with its dates and outcome. */
export function Interventions({ c, editable }: { c: CaseRecord; editable: boolean }) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Intervention | null>(null);
  const refresh = useCaseRefresh(c.id);

  return (
    <CaseSection title="Interventions" actions={editable && <Button variant="default" onClick={() => setAdding(true)}>Add intervention</Button>}>
      {c.interventions.length === 0 ? (
        <Text size="sm">No interventions recorded yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Intervention</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Start</Table.Th>
                <Table.Th scope="col">End</Table.Th>
                <Table.Th scope="col">Outcome</Table.Th>
                {editable && <Table.Th scope="col">Change</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.interventions.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Th scope="row">{i.interventionType.name}</Table.Th>
                  <Table.Td>{interventionStatusLabels[i.status]}</Table.Td>
                  <Table.Td>{formatDate(i.startDate)}</Table.Td>
                  <Table.Td>{formatDate(i.endDate)}</Table.Td>
                  <Table.Td>{i.outcome ?? '—'}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <Button size="xs" variant="default" onClick={() => setEditing(i)} aria-label={`Edit ${i.interventionType.name}`}>
                        Edit
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add an intervention" size="lg">
        {adding && (
          <AddInterventionForm
            caseId={c.id}
            onCancel={() => setAdding(false)}
            onAdded={() => {
              setAdding(false);
              refresh();
              notifySaved('Intervention added.');
            }}
          />
        )}
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? `Edit ${editing.interventionType.name}` : 'Edit intervention'} size="lg">
        {editing && (
          <EditInterventionForm
            caseId={c.id}
            record={editing}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              refresh();
              notifySaved(`${editing.interventionType.name} saved.`);
            }}
          />
        )}
      </Modal>
    </CaseSection>
  );
}
