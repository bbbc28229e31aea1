import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { meeting as meetingSchema, type AgendaItem, type Meeting } from '../../shared/api/panels.ts';
import { call, callNoReply } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { notifySaved } from '../components/notify.ts';
import { useMeetingRefresh } from './api.ts';
import { AgendaItemCard, itemName } from './AgendaItemCard.tsx';

type Direction = 'up' | 'down';

const byPosition = (items: AgendaItem[]) => [...items].sort((a, b) => a.position - b.position);
const moveButtonId = (itemId: string, direction: Direction) => `agenda-move-${direction}-${itemId}`;

function moved(ids: string[], index: number, direction: Direction): string[] {
  const next = [...ids];
  const to = direction === 'up' ? index - 1 : index + 1;
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/**
 * The agenda in order. Those who run the meeting move items with Move up and Move down (mouse or
 * keyboard); the new place is said aloud, and focus stays on the item's button as it moves.
 */
export function Agenda({ meeting: m }: { meeting: Meeting }) {
  const refresh = useMeetingRefresh(m.id);
  const items = byPosition(m.agenda);
  // While moves are on their way, the screen shows the order last asked for.
  const [pending, setPending] = useState<string[] | null>(null);
  const lastAsked = useRef<string[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const focusAfter = useRef<{ itemId: string; direction: Direction } | null>(null);
  const order = pending ?? items.map((i) => i.id);
  const shown = order.map((id) => items.find((i) => i.id === id)).filter((i): i is AgendaItem => i !== undefined);
  const canChange = m.permissions.canRun && m.status === 'planned';

  useEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted) return;
    focusAfter.current = null;
    const button = document.getElementById(moveButtonId(wanted.itemId, wanted.direction)) as HTMLButtonElement | null;
    const other = document.getElementById(moveButtonId(wanted.itemId, wanted.direction === 'up' ? 'down' : 'up'));
    // At the top or bottom the same button is disabled: the other one keeps the focus on the item.
    (button && !button.disabled ? button : other)?.focus();
  });

  const reorder = useMutation({
    // Quick moves are sent one after another, each with the whole order, so the last one stands.
    scope: { id: `agenda-order-${m.id}` },
    mutationFn: (itemIds: string[]) => call('PUT', `/meetings/${m.id}/agenda/order`, meetingSchema, { body: { itemIds } }),
    onSuccess: (saved, itemIds) => {
      // A later move is still on its way: the screen keeps the order it asks for.
      if (lastAsked.current !== null && itemIds !== lastAsked.current) return;
      lastAsked.current = null;
      refresh(saved);
      setPending(null);
    },
    onError: (error) => {
      lastAsked.current = null;
      setPending(null);
      refresh();
      setProblem(messageOf(error));
      setAnnouncement('The agenda could not be reordered.');
    },
  });

  const remove = useMutation({
    mutationFn: (item: AgendaItem) => callNoReply('DELETE', `/meetings/${m.id}/agenda/${item.id}`),
    onSuccess: (_, item) => {
      refresh();
      notifySaved(`${itemName(item)} taken off the agenda; the referral is waiting again.`);
    },
    onError: (error) => setProblem(messageOf(error)),
  });

  const move = (item: AgendaItem, index: number, direction: Direction) => {
    const next = moved(order, index, direction);
    const place = next.indexOf(item.id) + 1;
    setProblem(null);
    lastAsked.current = next;
    setPending(next);
    focusAfter.current = { itemId: item.id, direction };
    setAnnouncement(`${itemName(item)} moved to number ${place} of ${next.length}.`);
    reorder.mutate(next);
  };

  if (shown.length === 0) {
    return <Text size="sm">{canChange ? 'Nothing is on the agenda yet. Add the waiting referrals to start it.' : 'Nothing is on the agenda.'}</Text>;
  }
  return (
    <Stack gap="md">
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      {problem && (
        <Alert color="red" title="There is a problem" role="alert">
          {problem}
        </Alert>
      )}
      <Stack component="ol" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {shown.map((item, index) => {
          const name = `${index + 1}. ${itemName(item)}`;
          const controls = canChange && (
            <Group gap="xs">
              <Button id={moveButtonId(item.id, 'up')} size="xs" variant="default" disabled={index === 0} onClick={() => move(item, index, 'up')} aria-label={`Move up: ${name}`}>
                Move up
              </Button>
              <Button
                id={moveButtonId(item.id, 'down')}
                size="xs"
                variant="default"
                disabled={index === shown.length - 1}
                onClick={() => move(item, index, 'down')}
                aria-label={`Move down: ${name}`}
              >
                Move down
              </Button>
              <Button size="xs" variant="subtle" color="red" loading={remove.isPending && remove.variables?.id === item.id} onClick={() => remove.mutate(item)} aria-label={`Take off the agenda: ${name}`}>
                Take off the agenda
              </Button>
            </Group>
          );
          return (
            <li key={item.id}>
              <AgendaItemCard meeting={m} item={item} place={index + 1} controls={controls} />
            </li>
          );
        })}
      </Stack>
    </Stack>
  );
}
