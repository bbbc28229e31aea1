import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Box, Button, Group, List, Stack, Text } from '@mantine/core';
import { reportSearchReply } from '../../shared/api/insights.ts';
import { searchReply } from '../../shared/api/search.ts';
import { recordKinds, type RecordKind } from '../../shared/records.ts';
import { get, withQuery } from '../api/client.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { searchKeys } from './keys.ts';
import { kindWords } from './kinds.ts';
import { ReportResults } from './ReportResults.tsx';
import { ResultGroup } from './ResultGroup.tsx';
import { ShortcutSetting } from './ShortcutSetting.tsx';

/** 50 is the most the API gives at once: enough to find a person, few enough to read. */
const limit = 50;
/** Report text is searched once two letters are typed (the API's least), and only with every kind of record shown. */
const reportLimit = 20;
const reportMinLength = 2;

function summary(counts: Record<RecordKind, number>, reports: number): string {
  const total = recordKinds.reduce((n, k) => n + counts[k], 0) + reports;
  if (total === 0) return 'Nothing found.';
  const parts = recordKinds.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${counts[k] === 1 ? kindWords[k].one : kindWords[k].many}`);
  if (reports > 0) parts.push(`${reports} ${reports === 1 ? 'report' : 'reports'}`);
  return `${total} ${total === 1 ? 'result' : 'results'}: ${parts.join(', ')}.`;
}

function KindFilter({ q, kind }: { q: string; kind: RecordKind | null }) {
  const choices: { label: string; value: RecordKind | null }[] = [
    { label: 'All', value: null },
    ...recordKinds.map((k) => ({ label: kindWords[k].heading, value: k })),
  ];
  return (
    <Group component="nav" aria-label="Kind of record" gap="xs">
      {choices.map((c) => (
        <Button
          key={c.label}
          component={Link}
          to={withQuery('/search', { q, kind: c.value })}
          replace
          size="sm"
          variant={c.value === kind ? 'filled' : 'default'}
          aria-current={c.value === kind ? 'true' : undefined}
        >
          {c.label}
        </Button>
      ))}
    </Group>
  );
}

function NothingFound() {
  return (
    <Stack gap="xs">
      <Text>Try:</Text>
      <List size="sm">
        <List.Item>fewer words, or only a surname</List.Item>
        <List.Item>a date of birth as 12/03/1985, a case reference or a postcode</List.Item>
        <List.Item>another spelling, or a name the person is also known by</List.Item>
      </List>
      <Text size="sm">Search looks at the records of your partnership only.</Text>
    </Stack>
  );
}

export function SearchPage() {
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const kind = recordKinds.find((k) => k === params.get('kind')) ?? null;
  const results = useQuery({
    queryKey: searchKeys.results(q, kind),
    queryFn: () => get(withQuery('/search', { q, kind, limit }), searchReply),
    enabled: q !== '',
  });
  const reports = useQuery({
    queryKey: searchKeys.reports(q),
    queryFn: () => get(withQuery('/search/reports', { q, limit: reportLimit }), reportSearchReply),
    enabled: kind === null && q.length >= reportMinLength,
  });
  const items = results.data?.items ?? [];
  // A kind chosen hides reports, though the last search's are still cached.
  const reportItems = kind === null ? (reports.data?.items ?? []) : [];
  const byKind = Object.fromEntries(recordKinds.map((k) => [k, items.filter((i) => i.kind === k)])) as Record<RecordKind, typeof items>;

  return (
    <Page title="Search results" heading={q ? `Search results for “${q}”` : 'Search'}>
      {q === '' ? (
        <Text>
          Type a name, date of birth, case reference, address, postcode or words from a report into the search box at the top of
          the page and press Enter.
        </Text>
      ) : (
        <>
          <KindFilter q={q} kind={kind} />
          <QueryStatus isPending={results.isPending} error={results.error} onRetry={() => void results.refetch()} label="Searching" />
          {results.data && (
            <Stack gap="xl">
              <Text role="status" fw={600}>
                {summary({ profile: byKind.profile.length, case: byKind.case.length, location: byKind.location.length }, reportItems.length)}
              </Text>
              {items.length === 0 && reportItems.length === 0 && <NothingFound />}
              {recordKinds.map((k) => byKind[k].length > 0 && <ResultGroup key={k} kind={k} items={byKind[k]} />)}
              <QueryStatus isPending={false} error={reports.error} onRetry={() => void reports.refetch()} label="Searching reports" />
              {reportItems.length > 0 && <ReportResults items={reportItems} />}
              {reportItems.length === reportLimit && <Text size="sm">Only the {reportLimit} reports that match best are shown. Add more words to narrow the search.</Text>}
              {items.length === limit && (
                <Text size="sm">Only the best {limit} matches are shown. Add more words, or choose one kind of record, to narrow the search.</Text>
              )}
            </Stack>
          )}
        </>
      )}
      <Box mt="xl">
        <ShortcutSetting />
      </Box>
    </Page>
  );
}
