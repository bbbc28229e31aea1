import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { AgendaItem, Meeting } from '../../shared/api/panels.ts';
import { recordHref } from '../records/kinds.ts';
import { ActionList } from './ActionList.tsx';
import { AgreeActionForm } from './AgreeActionForm.tsx';
import { ItemMinutes } from './ItemMinutes.tsx';
import { ItemResearch } from './ItemResearch.tsx';
import { criterionWords } from './labels.ts';
import { RepeatBadge } from './RepeatBadge.tsx';

/** How an item is named in headings and announcements: never a restricted person's details. */
export const itemName = (item: AgendaItem) => (item.restricted ? 'Restricted: you cannot open this record' : item.title);

function AgreedActions({ meeting: m, item }: { meeting: Meeting; item: AgendaItem }) {
  const [agreeing, setAgreeing] = useState(false);
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <Title order={4} size="h5">
          Agreed actions
        </Title>
        {m.permissions.canRun && !item.restricted && !agreeing && (
          <Button size="xs" variant="default" onClick={() => setAgreeing(true)}>
            Agree an action
          </Button>
        )}
      </Group>
      {item.actions.length === 0 ? (
        <Text size="sm">{item.restricted ? 'No action for your agency.' : 'No action agreed yet.'}</Text>
      ) : (
        <ActionList actions={item.actions} caption={item.restricted ? 'Actions for your agency' : 'Each action is a task on the record'} />
      )}
      {agreeing && (
        <Paper withBorder p="sm">
          <AgreeActionForm meetingId={m.id} itemId={item.id} onDone={() => setAgreeing(false)} />
        </Paper>
      )}
    </Stack>
  );
}

interface Props {
  meeting: Meeting;
  item: AgendaItem;
  /** The item's place on the agenda, from 1. */
  place: number;
  /** Move up and Move down, for those who run the meeting. */
  controls?: React.ReactNode;
}

/** One case on the agenda: who or what it is about, why it was referred, research, minutes and actions. */
export function AgendaItemCard({ meeting: m, item, place, controls }: Props) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4}>
            <Title order={3} size="h4">
              {place}.{' '}
              {item.restricted ? (
                itemName(item)
              ) : (
                <Anchor component={Link} to={recordHref(item.subject.type, item.subject.id)} inherit>
                  {item.title}
                </Anchor>
              )}
            </Title>
            <Group gap="xs">
              <RepeatBadge repeat={item.repeat} />
              {!item.restricted && item.hasChildren && (
                <Badge color="blue" variant="light" tt="none">
                  Children in the household
                </Badge>
              )}
            </Group>
          </Stack>
          {controls}
        </Group>
        {!item.restricted && (
          <Stack gap={4}>
            <Text size="sm">
              <Text span fw={600} inherit>
                Criteria:{' '}
              </Text>
              {criterionWords(item.criteria)}
            </Text>
            {item.reason && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <Text span fw={600} inherit>
                  Reason for referral:{' '}
                </Text>
                {item.reason}
              </Text>
            )}
          </Stack>
        )}
        {item.restricted ? (
          <Text size="sm">You may not open this record, so its research and minutes are not shown to you.</Text>
        ) : (
          <>
            <ItemResearch meeting={m} item={item} />
            <ItemMinutes meeting={m} item={item} />
          </>
        )}
        <AgreedActions meeting={m} item={item} />
      </Stack>
    </Paper>
  );
}
