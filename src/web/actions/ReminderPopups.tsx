import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Group, Paper, Text, VisuallyHidden } from '@mantine/core';
import { action as actionSchema, actionPage } from '../../shared/api/tasks.ts';
import { get, withQuery } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { useLiveEvent } from '../app/useLiveUpdates.ts';
import { useMe } from '../app/session.ts';
import { formatDateTime } from '../components/format.ts';
import { actionKeys } from './keys.ts';
import classes from './ReminderPopups.module.css';
import { useMarkDone } from './useReminderActions.ts';

/** Focus returns to the page once a pop-up closes, rather than being lost with the button. */
function focusMain() {
  document.getElementById('main')?.focus();
}

function ReminderPopup({ id, onClose, onShown }: { id: string; onClose: (remindedAt: string | null) => void; onShown: (text: string) => void }) {
  const me = useMe();
  const query = useQuery({ queryKey: actionKeys.one(id), queryFn: () => get(`/actions/${id}`, actionSchema) });
  const done = useMarkDone();
  const reminder = query.data;
  const titleId = `reminder-popup-${id}`;

  // Announced once, when the reminder first arrives; later refreshes stay quiet.
  const announced = useRef(false);
  useEffect(() => {
    if (announced.current || (!reminder && !query.error)) return;
    announced.current = true;
    onShown(reminder ? `Reminder due: ${reminder.title}` : 'A reminder is due.');
  }, [reminder, query.error, onShown]);

  const dismiss = (remindedAt: string | null) => {
    onClose(remindedAt);
    focusMain();
  };

  if (query.isPending) return null;

  return (
    <Paper shadow="lg" withBorder p="md" className={classes.popup} role="group" aria-labelledby={titleId}>
      <Text fw={700} id={titleId}>
        {reminder ? `Reminder: ${reminder.title}` : 'A reminder is due'}
      </Text>
      {reminder && (
        <>
          <Text size="sm">Due {formatDateTime(reminder.dueAt)}</Text>
          {reminder.createdBy.id !== me.id && (
            <Text size="sm" c="dimmed">
              Set by {reminder.createdBy.name}
            </Text>
          )}
          {reminder.doneAt && (
            <Text size="sm" c="green.9" fw={600} role="status">
              This reminder has been marked done.
            </Text>
          )}
        </>
      )}
      {query.error && <Text size="sm">{messageOf(query.error)}</Text>}
      {done.error && (
        <Text size="sm" c="red.9" role="alert">
          {messageOf(done.error)}
        </Text>
      )}
      <Group gap="xs" mt="sm">
        <Button size="xs" variant="default" component={Link} to={`/actions/${id}`} onClick={() => onClose(reminder?.remindedAt ?? null)} aria-describedby={titleId}>
          Open
        </Button>
        {reminder && !reminder.doneAt && (
          <Button size="xs" loading={done.isPending} onClick={() => done.mutate(reminder, { onSuccess: (saved) => dismiss(saved.remindedAt) })} aria-describedby={titleId}>
            Mark done
          </Button>
        )}
        <Button size="xs" variant="subtle" onClick={() => dismiss(reminder?.remindedAt ?? null)} aria-describedby={titleId}>
          Dismiss
        </Button>
      </Group>
    </Paper>
  );
}

const dismissedKey = (userId: string) => `concord.reminders.dismissed.${userId}`;

/** Pop-ups this person closed, kept in the browser (ids only) so a reload does not bring them back. */
function readDismissed(userId: string): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(dismissedKey(userId)) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function rememberDismissed(userId: string, ids: string[]) {
  try {
    localStorage.setItem(dismissedKey(userId), JSON.stringify(ids.slice(-200)));
  } catch {
    // Private browsing may refuse storage: the pop-up then returns after a reload, which is safe.
  }
}

/**
 * Reminders pop up and stay until dealt with: those already due when Concord opens (they may
 * have gone off while it was closed) and those falling due while it is open. The setter and
 * everyone it is shared with are each sent a notification; its arrival opens the pop-up, which
 * fetches the reminder itself, since the notification carries no title.
 */
export function ReminderPopups() {
  const me = useMe();
  const due = useQuery({ queryKey: actionKeys.popups, queryFn: () => get(withQuery('/actions', { state: 'due', limit: 20 }), actionPage) });
  const [arrived, setArrived] = useState<string[]>([]);
  const [dismissed, setDismissed] = useState(() => readDismissed(me.id));
  const [announcement, setAnnouncement] = useState('');

  useLiveEvent('notification.created', (data) => {
    const id = data.subjectId;
    if (data.kind !== 'action_due' || typeof id !== 'string') return;
    setArrived((current) => (current.includes(id) ? current : [...current, id]));
  });

  // A dismissal is of one going-off: a reminder moved to a new time pops up again when it goes off.
  const close = (id: string, remindedAt: string | null) => {
    const next = [...dismissed, `${id}@${remindedAt ?? ''}`];
    setDismissed(next);
    rememberDismissed(me.id, next);
    setArrived((current) => current.filter((x) => x !== id));
  };
  const alreadyDue = (due.data?.items ?? []).filter((a) => a.remindedAt && !dismissed.includes(`${a.id}@${a.remindedAt}`)).map((a) => a.id);
  const ids = [...new Set([...alreadyDue, ...arrived])];

  return (
    <>
      <VisuallyHidden role="alert">{announcement}</VisuallyHidden>
      {ids.length > 0 && (
        <section aria-label="Reminders due" className={classes.stack}>
          {ids.map((id) => (
            <ReminderPopup key={id} id={id} onShown={setAnnouncement} onClose={(remindedAt) => close(id, remindedAt)} />
          ))}
        </section>
      )}
    </>
  );
}
