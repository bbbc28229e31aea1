import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Group, List, Stack, Textarea, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { createTemplateBody, template as templateSchema, type Template, type TemplateDefinition } from '../../shared/api/assessments.ts';
import { definitionProblems } from '../../shared/assessment-engine.ts';
import { call } from '../api/client.ts';
import { isApiError, messageOf } from '../api/errors.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { notifySaved } from '../components/notify.ts';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { templateKeys } from './keys.ts';
import { TemplateRulesEditor } from './TemplateRulesEditor.tsx';
import { TemplateSections } from './TemplateSections.tsx';
import { templatePath } from './template-api.ts';
import { definitionOf, describeField, draftOf, emptyDraft, groupProblems, type Problems, type TemplateDraft } from './TemplateDraft.ts';

interface Props {
  /** The template being edited; none when building a new one. */
  template?: Template;
  onSaved: (saved: Template) => void;
  onCancel: () => void;
}

type Body = Record<string, unknown>;

/** Builds or edits a template; each save with a changed definition makes a new version. */
export function TemplateBuilder({ template, onSaved, onCancel }: Props) {
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [base, setBase] = useState(template);
  const [start] = useState<TemplateDraft>(() => (template ? draftOf(template) : emptyDraft()));
  const [draft, setDraft] = useState(start);
  const [checked, setChecked] = useState<Problems>({});
  const [theirs, setTheirs] = useState<Template | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [attempted, setAttempted] = useState(false);
  const live = groupProblems(definitionProblems(draft.definition));
  const problems: Problems = { ...checked, ...live };
  const setDefinition = (definition: TemplateDefinition) => setDraft((d) => ({ ...d, definition }));
  const guard = useLeaveGuard(changedFrom(base ? draftOf(base) : start, draft));

  const save = useMutation({
    mutationFn: (body: Body) =>
      base
        ? call('PATCH', templatePath(base.id), templateSchema, { body })
        : call('POST', '/assessment-templates', templateSchema, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (saved) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: templateKeys.all });
      notifySaved(base && saved.version === base.version ? `${saved.name} saved.` : `${saved.name} saved as version ${saved.version}.`);
      guard.allow();
      onSaved(saved);
    },
    onError: (error) => {
      if (isApiError(error, 'conflict')) {
        const current = templateSchema.safeParse(error.currentRecord);
        if (current.success) setTheirs(current.data);
      }
      if (isApiError(error)) setChecked(groupProblems(error.fieldProblems));
    },
  });

  const submit = () => {
    setAttempted(true);
    const parsed = createTemplateBody.safeParse({ name: draft.name, description: draft.description || null, definition: draft.definition });
    if (!parsed.success) {
      setChecked(groupProblems(parsed.error.issues.map((i) => ({ field: i.path.join('.'), problem: i.message }))));
      return;
    }
    setChecked({});
    if (Object.keys(live).length > 0) return;
    if (!base) {
      save.mutate(parsed.data);
      return;
    }
    const body: Body = { version: base.version };
    if (parsed.data.name !== base.name) body.name = parsed.data.name;
    if ((parsed.data.description ?? null) !== base.description) body.description = parsed.data.description ?? null;
    if (JSON.stringify(parsed.data.definition) !== JSON.stringify(definitionOf(base))) body.definition = parsed.data.definition;
    if (Object.keys(body).length === 1) {
      setAnnouncement('Nothing has changed since the last save.');
      return;
    }
    save.mutate(body);
  };

  const summary = Object.entries(problems);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="lg">
        <VisuallyHidden role="status">{announcement}</VisuallyHidden>
        {save.error && !theirs && !isApiError(save.error, 'validation_failed') ? (
          <Alert color="red" title="The template was not saved" role="alert">
            {messageOf(save.error)}
          </Alert>
        ) : null}
        {theirs && base && (
          <Alert color="orange" title={`Someone saved this template (now version ${theirs.version}) since you opened it`} role="alert">
            Nothing has been saved. Load their version to start again from it, or save your template on top of theirs as the next version.
            <Group gap="sm" mt="sm">
              <Button
                variant="default"
                onClick={() => {
                  setBase(theirs);
                  setDraft(draftOf(theirs));
                  setTheirs(null);
                  save.reset();
                }}
              >
                Load their version
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setBase(theirs);
                  setTheirs(null);
                  save.reset();
                }}
              >
                Keep my changes
              </Button>
            </Group>
          </Alert>
        )}
        {attempted && summary.length > 0 && (
          <Alert color="red" title="There is a problem with this template" role="alert">
            <List size="sm">
              {summary.map(([field, list]) => (
                <List.Item key={field}>
                  {describeField(field)}: {list.join('; ')}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Stack gap="sm">
          <Title order={2} size="h3">
            About the template
          </Title>
          <TextInput label="Name" required value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} error={problems.name?.join('; ')} maw={480} />
          <Textarea label="Description" autosize minRows={2} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })} error={problems.description?.join('; ')} maw={640} />
        </Stack>
        <TemplateSections definition={draft.definition} problems={problems} onChange={setDefinition} announce={setAnnouncement} />
        <Stack gap="sm">
          <Title order={2} size="h3">
            Scoring and results
          </Title>
          <TemplateRulesEditor definition={draft.definition} problems={problems} onChange={setDefinition} />
        </Stack>
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              guard.allow();
              onCancel();
            }}
          >
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {base ? 'Save as a new version' : 'Create template'}
          </Button>
        </Group>
      </Stack>
      {guard.dialog}
    </form>
  );
}
