import { useId } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { SearchResult } from '../../shared/api/search.ts';
import type { RecordKind } from '../../shared/records.ts';
import { recordHref, recordNoun } from '../records/kinds.ts';
import { OwnerLine } from '../records/OwnerLine.tsx';
import { PersonSafetyLine } from '../records/PersonSafetyLine.tsx';
import { RequestAccessButton } from '../records/RequestAccessButton.tsx';
import { kindWords } from './kinds.ts';
import classes from './ResultGroup.module.css';

function LockIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" aria-hidden="true" focusable="false">
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}

/**
 * A result you may open links to the record; one you may not is a locked stub that says who holds
 * it, so you can ask them for access ("search and signpost").
 */
function Result({ item }: { item: SearchResult }) {
  return (
    <Paper component="li" withBorder p="md" className={classes.result}>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} className={classes.text}>
          <Title order={3} size="h5">
            {item.accessible ? (
              <Anchor component={Link} to={recordHref(item.kind, item.id)}>
                {item.title}
              </Anchor>
            ) : (
              item.title
            )}
          </Title>
          {item.subtitle && <Text size="sm">{item.subtitle}</Text>}
          {item.safety && <PersonSafetyLine safety={item.safety} />}
          <OwnerLine owner={item.owner} />
          {!item.accessible && (
            <Group gap="xs">
              <Badge color="gray" variant="light" leftSection={<LockIcon />}>
                Locked
              </Badge>
              <Text size="sm">You do not have access to this {recordNoun(item.kind)}.</Text>
            </Group>
          )}
        </Stack>
        {!item.accessible && <RequestAccessButton kind={item.kind} id={item.id} title={item.title} owner={item.owner} />}
      </Group>
    </Paper>
  );
}

export function ResultGroup({ kind, items }: { kind: RecordKind; items: SearchResult[] }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {kindWords[kind].heading} ({items.length})
      </Title>
      <Stack component="ul" gap="sm" className={classes.list}>
        {items.map((item) => (
          <Result key={item.id} item={item} />
        ))}
      </Stack>
    </section>
  );
}
