import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Anchor, Button, Group, Paper, Text, Textarea, TextInput, Title, Typography } from '@mantine/core';
import { helpArticle, helpArticleUpdate, helpPreview, type HelpArticle } from '../../shared/api/help.ts';
import { call } from '../api/client.ts';
import type { ComparedField } from '../components/changes.ts';
import { EditFormAlerts } from '../components/EditFormAlerts.tsx';
import { Form } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import type { FieldErrors } from '../components/forms.ts';
import { notifySaved } from '../components/notify.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { useVersionedForm } from '../components/useVersionedForm.ts';
import { helpKeys, useHelpArticle } from './api.ts';

export interface Values {
  title: string;
  /** One route pattern a line. */
  screens: string;
  body: string;
}

export const labels = { slug: 'Address', title: 'Title', screens: 'Screens it helps with', body: 'Article' };
const compared: ComparedField<Values>[] = [
  { key: 'title', label: labels.title },
  { key: 'screens', label: labels.screens },
  { key: 'body', label: labels.body },
];
const valuesOf = (a: HelpArticle): Values => ({ title: a.title, screens: a.screens.join('\n'), body: a.body });
export const screensOf = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean);

/** Title, screens and Markdown: the same fields for a new article and a changed one, with the preview. */
export function ArticleFields({ values, set, fieldErrors }: { values: Values; set: <K extends keyof Values>(field: K, value: Values[K]) => void; fieldErrors: FieldErrors }) {
  return (
    <>
      <TextInput label={labels.title} description="Say what it helps someone do: “How do I share a profile with another team?”" value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={fieldErrors.title} required />
      <Textarea
        label={labels.screens}
        description="The pages whose “How do I…” lists this article, one a line, as paths of the app: /profiles/:id stands for every person's page, /search for the search page."
        value={values.screens}
        onChange={(e) => set('screens', e.currentTarget.value)}
        error={fieldErrors.screens}
        autosize
        minRows={2}
      />
      <Textarea
        label={labels.body}
        description="Markdown: ## for a section heading, **bold**, - or 1. for lists, [words](/search) for a link. Any HTML is taken out."
        value={values.body}
        onChange={(e) => set('body', e.currentTarget.value)}
        error={fieldErrors.body}
        autosize
        minRows={12}
        required
      />
      <Preview body={values.body} />
    </>
  );
}

/** The article as saving would show it, rendered and sanitised by the server. */
export function Preview({ body }: { body: string }) {
  const preview = useMutation({ mutationFn: () => call('POST', '/help/preview', helpPreview, { body: { body } }) });
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Preview
        </Title>
        <Button variant="default" size="xs" onClick={() => preview.mutate()} loading={preview.isPending}>
          {preview.data ? 'Update preview' : 'Show preview'}
        </Button>
      </Group>
      <FormAlert error={preview.error} fieldErrors={{}} />
      {preview.data
        ? <Typography dangerouslySetInnerHTML={{ __html: preview.data.html }} />
        : <Text size="sm">Show the preview to see the article as readers will, before you save it.</Text>}
    </Paper>
  );
}

function EditForm({ article }: { article: HelpArticle }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useVersionedForm(article, valuesOf, helpArticle);
  const errors = useFieldErrors(labels);
  const guard = useLeaveGuard(changedFrom(valuesOf(form.base), form.values));
  const save = useMutation({
    mutationFn: (body: unknown) => call('PUT', `/help/articles/${article.slug}`, helpArticle, { body }),
    onSuccess: async (saved) => {
      guard.allow();
      queryClient.setQueryData(helpKeys.article(saved.slug), saved);
      await queryClient.invalidateQueries({ queryKey: helpKeys.all });
      notifySaved('Article saved.');
      void navigate(`/help/${saved.slug}`);
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });
  const submit = () => {
    const body = errors.check(helpArticleUpdate, { title: form.values.title, body: form.values.body, screens: screensOf(form.values.screens), version: form.base.version });
    if (body) save.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <EditFormAlerts form={form} save={save} fields={compared} valuesOf={valuesOf} fieldErrors={errors.fieldErrors} />
      <ArticleFields values={form.values} set={form.set} fieldErrors={errors.fieldErrors} />
      <Group justify="flex-end">
        <Button variant="default" component={Link} to={`/help/${article.slug}`}>
          Cancel
        </Button>
        <Button type="submit" loading={save.isPending}>
          Save article
        </Button>
      </Group>
      {guard.dialog}
    </Form>
  );
}

/** Changing a how-to article: for the partnership's system administrators (the server refuses anyone else). */
export function EditArticlePage() {
  const { slug = '' } = useParams();
  const article = useHelpArticle(slug);
  return (
    <Page title={article.data ? `Edit: ${article.data.title}` : 'Edit an article'}>
      <Anchor component={Link} to={`/help/${slug}`} size="sm">
        Back to the article
      </Anchor>
      <QueryStatus isPending={article.isPending} error={article.error} onRetry={() => void article.refetch()} label="Loading the article" />
      {article.data && <EditForm key={article.data.version} article={article.data} />}
    </Page>
  );
}
