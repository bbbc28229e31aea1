import { Link, useParams } from 'react-router';
import { Anchor, Button, Text, Typography } from '@mantine/core';
import { useMe, can } from '../app/session.ts';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useHelpArticle } from './api.ts';

/**
 * One how-to article. Rendering its HTML is safe only because the server made it from the
 * Markdown and sanitised it to a short allow-list (no script, handler, style or raw HTML;
 * links only to http(s) or Concord's own pages). Never pass other HTML here.
 */
export function ArticlePage() {
  const { slug = '' } = useParams();
  const me = useMe();
  const article = useHelpArticle(slug);
  const edit = can(me, 'help.manage') && article.data
    ? <Button component={Link} to={`/help/${slug}/edit`} variant="default">Edit article</Button>
    : null;
  return (
    <Page title={article.data?.title ?? 'Help'} actions={edit}>
      <Anchor component={Link} to="/help" size="sm">
        All help
      </Anchor>
      <QueryStatus isPending={article.isPending} error={article.error} onRetry={() => void article.refetch()} label="Loading the article" />
      {article.data && (
        <>
          <Typography dangerouslySetInnerHTML={{ __html: article.data.html }} />
          <Text size="sm" c="dimmed">
            {article.data.updatedBy
              ? `Last changed ${formatDateTime(article.data.updatedAt)} by ${article.data.updatedBy.name}.`
              : 'The wording Concord ships with: nobody in your partnership has changed it yet.'}
          </Text>
        </>
      )}
    </Page>
  );
}
