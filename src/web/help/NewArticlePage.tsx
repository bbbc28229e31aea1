import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Anchor, Button, Group, TextInput } from '@mantine/core';
import { helpArticle, helpArticleCreate } from '../../shared/api/help.ts';
import { call } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Form } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { Page } from '../components/Page.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { helpKeys } from './api.ts';
import { ArticleFields, labels, screensOf, type Values } from './EditArticlePage.tsx';

const blank: Values = { title: '', screens: '', body: '' };

/** A new how-to article of the partnership's own: for its system administrators. */
export function NewArticlePage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [slug, setSlug] = useState('');
  const [values, setValues] = useState(blank);
  const errors = useFieldErrors(labels);
  const idempotency = useIdempotencyKey();
  const guard = useLeaveGuard(slug !== '' || changedFrom(blank, values));
  const save = useMutation({
    mutationFn: (body: unknown) => call('POST', '/help/articles', helpArticle, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: async (saved) => {
      guard.allow();
      await queryClient.invalidateQueries({ queryKey: helpKeys.all });
      notifySaved('Article saved.');
      void navigate(`/help/${saved.slug}`);
    },
    onError: (error) => errors.fromServer(error),
  });
  const submit = () => {
    const body = errors.check(helpArticleCreate, { slug, title: values.title, body: values.body, screens: screensOf(values.screens) });
    if (body) save.mutate(body);
  };
  return (
    <Page title="Write a help article">
      <Anchor component={Link} to="/help" size="sm">
        All help
      </Anchor>
      <Form onSubmit={submit}>
        <FormAlert error={save.error} fieldErrors={errors.fieldErrors} />
        <TextInput
          label={labels.slug}
          description="The end of the article's web address, /help/…: lower-case words joined by hyphens, such as sharing-with-schools. It cannot be changed later."
          value={slug}
          onChange={(e) => setSlug(e.currentTarget.value)}
          error={errors.fieldErrors.slug}
          required
        />
        <ArticleFields values={values} set={(field, value) => setValues((v) => ({ ...v, [field]: value }))} fieldErrors={errors.fieldErrors} />
        <Group justify="flex-end">
          <Button variant="default" component={Link} to="/help">
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save article
          </Button>
        </Group>
      </Form>
      {guard.dialog}
    </Page>
  );
}
