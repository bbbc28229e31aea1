import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { can, useMe } from '../app/session.ts';
import { Form } from '../components/Form.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { ReportSnippet } from '../search/ReportSnippet.tsx';
import { useHelpArticles, useHelpSearch } from './api.ts';

/** What the search found, best first, each with the words around the match. */
function Results({ q }: { q: string }) {
  const headingId = useId();
  const search = useHelpSearch(q);
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        Articles matching “{q}”
      </Title>
      <QueryStatus isPending={search.isPending} error={search.error} onRetry={() => void search.refetch()} label="Searching help" />
      {search.data && search.data.items.length === 0 && <Text>No article matches those words. Try fewer or other words.</Text>}
      {search.data && search.data.items.length > 0 && (
        <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }}>
          {search.data.items.map((hit) => (
            <Paper component="li" withBorder p="md" key={hit.slug}>
              <Stack gap={4}>
                <Anchor component={Link} to={`/help/${hit.slug}`} fw={600}>
                  {hit.title}
                </Anchor>
                <ReportSnippet parts={hit.snippet} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </section>
  );
}

/** Every article of the partnership, by title. */
function AllArticles() {
  const headingId = useId();
  const articles = useHelpArticles();
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        All articles
      </Title>
      <QueryStatus isPending={articles.isPending} error={articles.error} onRetry={() => void articles.refetch()} label="Loading help" />
      {articles.data && (
        <Stack component="ul" gap="xs">
          {articles.data.items.map((a) => (
            <li key={a.slug}>
              <Anchor component={Link} to={`/help/${a.slug}`}>
                {a.title}
              </Anchor>
            </li>
          ))}
        </Stack>
      )}
    </section>
  );
}

/** How-to help: search the partnership's articles, or browse them. The words searched for stay in the address, so Back returns to the results. */
export function HelpPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const submit = () => setParams(typed.trim() ? { q: typed.trim() } : {});
  const write = can(me, 'help.manage')
    ? <Button component={Link} to="/help/new" variant="default">Write an article</Button>
    : null;
  return (
    <Page title="Help" actions={write}>
      <Text>Short guides to doing things in Concord, written for the people who use it. Search them, or choose one below.</Text>
      <Form onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <TextInput label="Search help" value={typed} onChange={(e) => setTyped(e.currentTarget.value)} style={{ flex: 1 }} maxLength={200} />
          <Button type="submit">Search help</Button>
        </Group>
      </Form>
      {q ? <Results q={q} /> : <AllArticles />}
    </Page>
  );
}
