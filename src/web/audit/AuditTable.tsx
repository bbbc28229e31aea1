import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import type { AuditEvent } from '../../shared/api/audit.ts';
import { formatDateTime } from '../components/format.ts';
import { AuditEventChanges, hasMore } from './AuditEventChanges.tsx';
import { actionLabel, actorLabel, entityTypeLabel, outcomeLabels } from './labels.ts';

const outcomeColours: Record<AuditEvent['outcome'], string> = { success: 'green', refused: 'orange', failed: 'red' };

function RecordCell({ event }: { event: AuditEvent }) {
  if (!event.entityType) return <>—</>;
  const type = entityTypeLabel(event.entityType);
  if (!event.entityId) return <>{type}</>;
  return (
    <>
      {type}
      <br />
      {/* Ids are time-ordered, so their ends tell records apart; the details show the whole id. */}
      <Anchor
        component={Link}
        to={`/audit?entityType=${event.entityType}&entityId=${event.entityId}`}
        size="xs"
        ff="monospace"
        aria-label={`All events for this ${type.toLowerCase()}, ${event.entityId}`}
      >
        …{event.entityId.slice(-12)}
      </Anchor>
    </>
  );
}

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Time</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Record</Table.Th>
            <Table.Th scope="col">Outcome</Table.Th>
            <Table.Th scope="col">IP address</Table.Th>
            <Table.Th scope="col">Reason</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Changes</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => {
            const expanded = open.has(e.id);
            const panelId = `audit-changes-${e.id}`;
            return (
              <Fragment key={e.id}>
                <Table.Tr>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>{actorLabel(e.actor)}</Table.Td>
                  <Table.Td>{actionLabel(e.action)}</Table.Td>
                  <Table.Td>
                    <RecordCell event={e} />
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={outcomeColours[e.outcome]}>
                      {outcomeLabels[e.outcome]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {e.ip ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{e.reason ?? (e.valuesHidden ? <Text size="sm" fs="italic">Hidden</Text> : '—')}</Table.Td>
                  <Table.Td>
                    {hasMore(e) && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => toggle(e.id)}
                        aria-expanded={expanded}
                        aria-controls={panelId}
                      >
                        {expanded ? 'Hide details' : 'Show details'}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={panelId}>
                    <Table.Td colSpan={8} bg="gray.0">
                      <AuditEventChanges event={e} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
