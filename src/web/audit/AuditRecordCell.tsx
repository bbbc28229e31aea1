import { Link } from 'react-router';
import { Anchor, Text } from '@mantine/core';
import type { AuditEvent } from '../../shared/api/audit.ts';
import { nameOf } from '../records/historyValues.ts';
import { recordHref } from '../records/kinds.ts';
import { entityTypeLabel } from './labels.ts';

/** Two links stacked in one cell: each a line 24 px high, so neither is a small target for a finger (WCAG 2.5.8). */
const target = { display: 'inline-block', lineHeight: '24px' } as const;

/**
 * What an event was done to: its type and name, which link to every event on it, and for
 * something on a record (a report, a task) the record it is on. A record the reader may not open
 * comes without its name, and says so.
 */
export function AuditRecordCell({ event }: { event: AuditEvent }) {
  if (!event.entityType) return <>—</>;
  const type = entityTypeLabel(event.entityType);
  if (!event.entityId) return <>{type}</>;
  const { record } = event;
  const onRecord = record && record.id !== event.entityId ? record : null;
  const locked = record?.id === event.entityId && record.name === null;
  const name = event.entityName;
  return (
    <>
      {type}
      <br />
      <Anchor
        component={Link}
        to={`/audit?entityType=${event.entityType}&entityId=${event.entityId}`}
        size="sm"
        ff={name ? undefined : 'monospace'}
        style={target}
        aria-label={`All events for this ${type.toLowerCase()}, ${name ?? event.entityId}`}
      >
        {/* Ids are time-ordered, so their ends tell records apart; the details show the whole id. */}
        {name ?? `…${event.entityId.slice(-12)}`}
      </Anchor>
      {locked && (
        <Text size="xs" c="dimmed">
          You cannot open it
        </Text>
      )}
      {onRecord && (
        <Text size="xs">
          on{' '}
          {onRecord.name === null ? (
            nameOf({ kind: onRecord.kind, name: null })
          ) : (
            <Anchor component={Link} to={recordHref(onRecord.kind, onRecord.id)} inherit style={target}>
              {onRecord.name}
            </Anchor>
          )}
        </Text>
      )}
    </>
  );
}
