import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Checkbox, Fieldset, Group, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { createdReferral, createReferralBody } from '../../shared/api/referrals.ts';
import { keyedReferralChannels, referralChannelLabels } from '../../shared/referrals.ts';
import { call } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { useTeams } from '../api/options.ts';
import { useMe } from '../app/session.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { fieldErrorsFromApi, fieldErrorsFromIssues, type FieldErrors } from '../components/forms.ts';
import { notifySaved } from '../components/notify.ts';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { useReferralForm, useReferralForms } from './api.ts';
import { AskedQuestions } from './AskedQuestions.tsx';
import { keyInBody, keyInProblems, type KeyInValues } from './keyIn.ts';
import { ReferrerFields, SubjectFields } from './KeyInPeople.tsx';
import { referralKeys } from './keys.ts';
import { keyInLabels } from './labels.ts';

/** Whatever is wrong, by the field's whole path ("referrer.email"), so each message sits under its own box. */
const byPath = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) => fieldErrorsFromIssues(issues.map((i) => ({ path: [i.path.join('.')], message: i.message })), keyInLabels);

/** A referral taken by phone, on paper, by email or in person, onto a desk of the partnership. */
export function KeyInForm({ initial }: { initial: KeyInValues }) {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [values, setValues] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const set = <K extends keyof KeyInValues>(name: K, value: KeyInValues[K]) => setValues((v) => ({ ...v, [name]: value }));
  const guard = useLeaveGuard(changedFrom(initial, values));
  const teams = useTeams();
  const forms = useReferralForms();
  const form = useReferralForm(values.formId);
  const definition = values.formId && form.data?.id === values.formId ? form.data.definition : null;
  const teamOptions = (teams.data?.items ?? []).filter((t) => t.partnership.id === me.partnership.id).map((t) => ({ value: t.id, label: `${t.name}, ${t.organisation.name}` }));
  const formOptions = (forms.data?.items ?? []).filter((f) => f.status === 'published').map((f) => ({ value: f.id, label: `${f.name} (${f.team.name})` }));

  const create = useMutation({
    mutationFn: (body: unknown) => call('POST', '/referrals', createdReferral, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (created) => {
      idempotency.reset();
      guard.allow();
      void queryClient.invalidateQueries({ queryKey: referralKeys.all });
      notifySaved(`${created.reference} is on the desk.`);
      void navigate(`/referrals/${created.id}`);
    },
    onError: (error) => setFieldErrors(fieldErrorsFromApi(error, keyInLabels)),
  });

  const submit = () => {
    const body = keyInBody(values, definition);
    const parsed = createReferralBody.safeParse(body);
    const explained = Object.fromEntries(Object.entries(keyInProblems(values, definition)).filter((e): e is [string, string] => e[1] !== null));
    const errors = { ...(parsed.success ? {} : byPath(parsed.error.issues)), ...explained };
    setFieldErrors(errors);
    if (parsed.success && Object.keys(errors).length === 0) create.mutate(parsed.data);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={create.error} fieldErrors={fieldErrors} />
      <Fieldset legend="How it came">
        <Stack gap="md">
          <Select label={keyInLabels.teamId} description="The team whose desk it goes to" data={teamOptions} value={values.teamId} onChange={(v) => v && set('teamId', v)} error={fieldErrors.teamId} allowDeselect={false} searchable maw={480} />
          <Radio.Group label={keyInLabels.channel} required value={values.channel} onChange={(v) => set('channel', v as KeyInValues['channel'])} error={fieldErrors.channel}>
            <Group gap="lg" mt="xs">
              {keyedReferralChannels.map((c) => <Radio key={c} value={c} label={referralChannelLabels[c]} />)}
            </Group>
          </Radio.Group>
          <Group align="flex-start" gap="md">
            <TextInput label="Date received" type="date" required value={values.receivedDay} onChange={(e) => set('receivedDay', e.currentTarget.value)} error={fieldErrors.receivedAt} w={180} />
            <TextInput label="Time received" type="time" required value={values.receivedTime} onChange={(e) => set('receivedTime', e.currentTarget.value)} error={Boolean(fieldErrors.receivedAt)} w={140} />
          </Group>
          <Select
            label="Form"
            description="Optional: ask a published form’s questions, as if they had filled it in"
            placeholder="No form: write down the concern"
            data={formOptions}
            value={values.formId}
            onChange={(formId) => setValues((v) => ({ ...v, formId, answers: {} }))}
            error={fieldErrors.formId}
            clearable
            searchable
            maw={480}
          />
        </Stack>
      </Fieldset>
      <ReferrerFields values={values.referrer} onChange={(referrer) => set('referrer', referrer)} fieldErrors={fieldErrors} />
      <SubjectFields values={values.subject} onChange={(subject) => set('subject', subject)} fieldErrors={fieldErrors} />
      {values.formId && !definition && <Text size="sm">Loading the form’s questions…</Text>}
      {definition && <AskedQuestions definition={definition} answers={values.answers} onChange={(answers) => set('answers', answers)} fieldErrors={fieldErrors} />}
      <Textarea
        label={keyInLabels.concern}
        description={values.formId ? 'Anything they said that the form’s questions do not hold' : 'What they told you, in their words where you can'}
        required={!values.formId}
        autosize
        minRows={4}
        maxLength={10_000}
        value={values.concern}
        onChange={(e) => set('concern', e.currentTarget.value)}
        error={fieldErrors.concern}
      />
      <Checkbox
        label="The referrer agreed to what the privacy notice says: we keep what they told us and share it with partners who need it"
        checked={values.consent}
        onChange={(e) => set('consent', e.currentTarget.checked)}
        error={fieldErrors.consent}
      />
      <FormButtons
        submitLabel="Put it on the desk"
        pending={create.isPending}
        onCancel={() => {
          guard.allow();
          void navigate('/referrals');
        }}
      />
      {guard.dialog}
    </Form>
  );
}
