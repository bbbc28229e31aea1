import { Fragment, useState } from 'react';
import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import type { AuditEvent } from '../../shared/api/audit.ts';
import { formatDateTime } from '../components/format.ts';
import { AuditEventChanges, hasMore } from './AuditEventChanges.tsx';
import { AuditRecordCell } from './AuditRecordCell.tsx';
import { groupVisits, pageOf } from './groups.ts';
import { actionLabel, actorLabel, outcomeLabels } from './labels.ts';

const outcomeColours: Record<AuditEvent['outcome'], string> = { success: 'green', refused: 'orange', failed: 'red' };
const columns = 8;

/** Which rows are open, by id: an event's details, or a visit's reads. */
function useOpen() {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return { isOpen: (id: string) => open.has(id), toggle };
}

function EventRow({ event: e, open, inVisit }: { event: AuditEvent; open: ReturnType<typeof useOpen>; inVisit?: boolean }) {
  const expanded = open.isOpen(e.id);
  const panelId = `audit-changes-${e.id}`;
  return (
    <>
      <Table.Tr bg={inVisit ? 'gray.0' : undefined}>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
        <Table.Td>{actorLabel(e.actor)}</Table.Td>
        <Table.Td>{actionLabel(e.action)}</Table.Td>
        <Table.Td>
          <AuditRecordCell event={e} />
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
            <Button size="xs" variant="default" onClick={() => open.toggle(e.id)} aria-expanded={expanded} aria-controls={panelId}>
              {expanded ? 'Hide details' : 'Show details'}
            </Button>
          )}
        </Table.Td>
      </Table.Tr>
      {expanded && (
        <Table.Tr id={panelId}>
          <Table.Td colSpan={columns} bg="gray.0">
            <AuditEventChanges event={e} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

/** The reads of one page visit as one row, which opens to show each of them. */
function VisitRow({ id, events, open }: { id: string; events: AuditEvent[]; open: ReturnType<typeof useOpen> }) {
  const expanded = open.isOpen(id);
  const page = pageOf(events);
  const newest = events[0]!;
  const reads = `${events.length} reads`;
  return (
    <>
      <Table.Tr>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(newest.at)}</Table.Td>
        <Table.Td>{actorLabel(newest.actor)}</Table.Td>
        <Table.Td>
          {actionLabel(page.action)}
          <Text size="xs" c="dimmed">
            One page visit: {reads}
          </Text>
        </Table.Td>
        <Table.Td>
          <AuditRecordCell event={page} />
        </Table.Td>
        <Table.Td>
          <Badge variant="light" color={outcomeColours.success}>
            {outcomeLabels.success}
          </Badge>
        </Table.Td>
        <Table.Td>
          <Text size="sm" ff="monospace">
            {newest.ip ?? '—'}
          </Text>
        </Table.Td>
        <Table.Td>—</Table.Td>
        <Table.Td>
          <Button size="xs" variant="default" onClick={() => open.toggle(id)} aria-expanded={expanded} aria-controls={expanded ? `${id}-first` : undefined}>
            {expanded ? 'Hide the reads' : `Show the ${reads}`}
          </Button>
        </Table.Td>
      </Table.Tr>
      {expanded &&
        events.map((e, i) => (
          <Fragment key={e.id}>
            {i === 0 && (
              <Table.Tr id={`${id}-first`}>
                <Table.Td colSpan={columns} bg="gray.0">
                  <Text size="sm" fw={600}>
                    The {reads} of this visit, newest first
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            <EventRow event={e} open={open} inVisit />
          </Fragment>
        ))}
    </>
  );
}

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const open = useOpen();
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
          {groupVisits(events).map((row) =>
            row.kind === 'event' ? (
              <EventRow key={row.event.id} event={row.event} open={open} />
            ) : (
              <VisitRow key={row.id} id={row.id} events={row.events} open={open} />
            ),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
