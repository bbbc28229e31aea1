import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Group, List, Stack, VisuallyHidden } from '@mantine/core';
import { createReferralFormBody, referralForm as formSchema, updateReferralFormBody, type ReferralForm } from '../../../shared/api/referrals.ts';
import { formDefinitionProblems } from '../../../shared/forms/engine.ts';
import { call } from '../../api/client.ts';
import { isApiError, messageOf } from '../../api/errors.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { describeField, groupProblems, type Problems } from '../../assessments/TemplateDraft.ts';
import { notifySaved } from '../../components/notify.ts';
import { changedFrom, useLeaveGuard } from '../../components/useLeaveGuard.tsx';
import { referralFormKeys } from '../keys.ts';
import { builderField, createBody, draftOfForm, updateBody, type FormDraft } from './formDraft.ts';
import { FormQuestions } from './FormQuestions.tsx';
import { FormSettingsFields } from './FormSettingsFields.tsx';

interface Props {
  /** The form being changed; none when building a new one. */
  form?: ReferralForm;
  start: FormDraft;
  /** The teams a new form may be for. */
  teamOptions: { value: string; label: string }[] | null;
  onSaved: (saved: ReferralForm) => void;
  onCancel: () => void;
}

const settingLabels: Record<string, string> = {
  name: 'Name',
  teamId: 'Receiving team',
  slug: 'Web address',
  introduction: 'Introduction',
  privacyNotice: 'Privacy notice',
  lawfulBasis: 'Lawful basis',
  decisionDays: 'Working days to decide',
  subjectRole: 'The person’s role in a case',
  status: 'Status',
  templateKey: 'Assessment template',
};

const grouped = (problems: readonly { field: string; problem: string }[]) => groupProblems(problems.map((p) => ({ field: builderField(p.field), problem: p.problem })));

/** Builds or changes a referral form; new questions make a new version, settings alone do not. */
export function FormBuilder({ form, start, teamOptions, onSaved, onCancel }: Props) {
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [base, setBase] = useState(form);
  const [draft, setDraft] = useState(start);
  const [checked, setChecked] = useState<Problems>({});
  const [theirs, setTheirs] = useState<ReferralForm | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [attempted, setAttempted] = useState(false);
  const set = (change: Partial<FormDraft>) => setDraft((d) => ({ ...d, ...change }));
  const live = draft.source === 'own' ? groupProblems(formDefinitionProblems(draft.definition)) : {};
  const problems: Problems = { ...checked, ...live };
  const guard = useLeaveGuard(changedFrom(base ? draftOfForm(base) : start, draft));

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      base
        ? call('PATCH', `/referral-forms/${base.id}`, formSchema, { body })
        : call('POST', '/referral-forms', formSchema, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (saved) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: referralFormKeys.all });
      if (!base) notifySaved(`${saved.name} created.`);
      else notifySaved(saved.formVersion === base.formVersion ? `${saved.name} saved.` : `${saved.name} saved: its questions are now version ${saved.formVersion}.`);
      guard.allow();
      onSaved(saved);
    },
    onError: (error) => {
      if (isApiError(error, 'conflict')) {
        const current = formSchema.safeParse(error.currentRecord);
        if (current.success) setTheirs(current.data);
      }
      if (isApiError(error, 'slug_taken')) setChecked({ slug: [error.message] });
      else if (isApiError(error)) setChecked(grouped(error.fieldProblems));
    },
  });

  const submit = () => {
    setAttempted(true);
    const body = base ? updateBody(draft, base) : createBody(draft);
    const parsed = (base ? updateReferralFormBody : createReferralFormBody).safeParse(body);
    if (!parsed.success) {
      setChecked(grouped(parsed.error.issues.map((i) => ({ field: i.path.join('.'), problem: i.message }))));
      return;
    }
    setChecked({});
    if (Object.keys(live).length > 0) return;
    if (base && Object.keys(body).length === 1) {
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
        {save.error && !theirs && !isApiError(save.error, 'validation_failed') && !isApiError(save.error, 'slug_taken') ? (
          <Alert color="red" title="The form was not saved" role="alert">
            {messageOf(save.error)}
          </Alert>
        ) : null}
        {theirs && base && (
          <Alert color="orange" title="Someone saved this form since you opened it" role="alert">
            Nothing has been saved. Load their version to start again from it, or save yours on top of theirs.
            <Group gap="sm" mt="sm">
              <Button
                variant="default"
                onClick={() => {
                  setBase(theirs);
                  setDraft(draftOfForm(theirs));
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
          <Alert color="red" title="There is a problem with this form" role="alert">
            <List size="sm">
              {summary.map(([field, list]) => (
                <List.Item key={field}>
                  {settingLabels[field] ?? describeField(field)}: {list.join('; ')}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <FormSettingsFields draft={draft} set={set} problems={problems} teamOptions={base ? null : teamOptions} />
        <FormQuestions draft={draft} set={set} problems={problems} announce={setAnnouncement} />
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
            {base ? 'Save the form' : 'Create the form'}
          </Button>
        </Group>
      </Stack>
      {guard.dialog}
    </form>
  );
}
