import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Button, Modal, Table, Text } from '@mantine/core';
import type { Panel } from '../../shared/api/panels.ts';
import { can, useMe } from '../app/session.ts';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { usePanels } from './api.ts';
import { kindName } from './labels.ts';
import { SetUpPanelForm } from './SetUpPanelForm.tsx';

function PanelTable({ panels }: { panels: Panel[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table fz="sm" verticalSpacing="xs">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          <Text size="sm" c="dimmed" component="span">
            The partnership&apos;s panels that your organisation sits on, chairs or coordinates.
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Panel</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Chair</Table.Th>
            <Table.Th scope="col">Next meeting</Table.Th>
            <Table.Th scope="col">Referrals waiting</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {panels.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/panels/${p.id}`}>
                  {p.name}
                </Anchor>
              </Table.Th>
              <Table.Td>{kindName(p.kind)}</Table.Td>
              <Table.Td>{p.chair ? `${p.chair.name}, ${p.chair.organisation.name}` : 'No chair yet'}</Table.Td>
              <Table.Td>{p.nextMeeting ? <Anchor component={Link} to={`/meetings/${p.nextMeeting.id}`}>{formatDateTime(p.nextMeeting.startsAt)}</Anchor> : 'None arranged'}</Table.Td>
              <Table.Td>{p.waiting}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The panels this person sits on (MARAC, Community MARAC, JAG …), and setting one up for those who may. */
export function PanelsPage() {
  const me = useMe();
  const [settingUp, setSettingUp] = useState(false);
  const panels = usePanels();
  const items = panels.data?.items ?? [];
  return (
    <Page
      title="Panels"
      actions={can(me, 'panels.manage') && (
        <Button onClick={() => setSettingUp(true)}>
          Set up a panel
        </Button>
      )}
    >
      <QueryStatus isPending={panels.isPending} error={panels.error} onRetry={() => void panels.refetch()} label="Loading panels" />
      {panels.data && (items.length === 0 ? <Text>Your organisation is not on any panel.</Text> : <PanelTable panels={items} />)}
      <Modal opened={settingUp} onClose={() => setSettingUp(false)} title="Set up a panel" size="lg">
        {settingUp && <SetUpPanelForm onDone={() => setSettingUp(false)} />}
      </Modal>
    </Page>
  );
}
