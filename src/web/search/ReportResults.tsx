import { useId } from 'react';
import { Link } from 'react-router';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReportSearchResult } from '../../shared/api/insights.ts';
import { formatDate } from '../components/format.ts';
import { recordHref } from '../records/kinds.ts';
import { ReportSnippet } from './ReportSnippet.tsx';
import classes from './ResultGroup.module.css';

/** A profile's timeline is on its Work tab; a case's and a location's are on the page itself. */
function timelineHref(record: ReportSearchResult['record']): string {
  const href = recordHref(record.kind, record.id);
  return record.kind === 'profile' ? `${href}?section=work` : href;
}

function Result({ item }: { item: ReportSearchResult }) {
  return (
    <Paper component="li" withBorder p="md" className={classes.result}>
      <Stack gap={4} className={classes.text}>
        <Title order={3} size="h5">
          <Anchor component={Link} to={timelineHref(item.record)}>
            {item.record.title}
          </Anchor>
        </Title>
        <Text size="sm">
          {item.type.name}, {formatDate(item.occurredAt)} · {item.author.team.name}, {item.author.organisation.name}
        </Text>
        <ReportSnippet parts={item.snippet} />
      </Stack>
    </Paper>
  );
}

/** Reports whose text holds the words searched for, best match first; only those the reader may read are found. */
export function ReportResults({ items }: { items: ReportSearchResult[] }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        Reports ({items.length})
      </Title>
      <Stack component="ul" gap="sm" className={classes.list}>
        {items.map((item) => (
          <Result key={item.id} item={item} />
        ))}
      </Stack>
    </section>
  );
}
