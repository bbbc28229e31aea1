import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Anchor, Checkbox, NativeSelect, Text, TextInput } from '@mantine/core';
import { casePage } from '../../shared/api/cases.ts';
import { portalAccess, portalAccessBody, type ProfilePortal } from '../../shared/api/portal.ts';
import { showMobile } from '../../shared/portal.ts';
import { call, get, withQuery } from '../api/client.ts';
import { isApiError } from '../api/errors.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { useMe } from '../app/session.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { profileKeys } from '../profiles/keys.ts';
import { portalKeys } from './keys.ts';
import { safeChannelsText } from './labels.ts';

const labels = { email: 'Email address', mobile: 'Mobile number', endWithCaseId: 'Case' };
const start = { email: '', mobile: '', endWithCase: false, caseId: '' };

const unsafeWords = { email: 'email', mobile: 'text messages' } as const;

/** The field a 422 `unsafe_channel` names: the contact plan changed after the form was opened. */
function unsafeField(error: unknown): keyof typeof unsafeWords | null {
  if (!isApiError(error, 'unsafe_channel')) return null;
  const named = JSON.stringify(error.details);
  return named.includes('mobile') ? 'mobile' : 'email';
}

interface Props {
  profileId: string;
  firstName: string;
  safe: ProfilePortal['safeChannels'];
  onDone: () => void;
}

/**
 * Invites the person to the portal: a code goes to their email address (or, without one, their
 * mobile) at once. A channel the contact plan marks unsafe cannot be used until the plan says so.
 */
export function InviteForm({ profileId, firstName, safe, onDone }: Props) {
  const me = useMe();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [values, setValues] = useState(start);
  const set = <K extends keyof typeof start>(field: K, value: (typeof start)[K]) => setValues((v) => ({ ...v, [field]: value }));
  const errors = useFieldErrors(labels);
  const guard = useLeaveGuard(changedFrom(start, values));
  const cases = useQuery({
    queryKey: profileKeys.cases(profileId),
    queryFn: () => get(withQuery('/cases', { profileId, limit: 50 }), casePage),
  });
  const openCases = cases.data?.items.filter((c) => c.status === 'open') ?? [];
  const done = () => {
    guard.allow();
    onDone();
  };
  const invite = useMutation({
    mutationFn: (body: unknown) => call('POST', `/profiles/${profileId}/portal-access`, portalAccess, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (access) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: portalKeys.access(profileId) });
      notifySaved(`${firstName} is invited: a sign-in code has gone to ${access.email ?? showMobile(access.mobile ?? '')}.`);
      done();
    },
    onError: (error) => {
      const field = unsafeField(error);
      if (field) {
        errors.setFieldErrors({ [field]: `The contact plan now says ${unsafeWords[field]} ${field === 'email' ? 'is' : 'are'} not safe for ${firstName}` });
      } else {
        errors.fromServer(error);
      }
    },
  });
  const submit = () => {
    const email = safe.email ? values.email.trim() : '';
    const mobile = safe.sms ? values.mobile.trim() : '';
    const body = errors.check(
      portalAccessBody,
      { email: email || undefined, mobile: mobile || undefined, endWithCaseId: values.endWithCase ? values.caseId : undefined },
      { endWithCaseId: 'Choose the case' },
      { email: email || mobile ? null : 'Give an email address or a mobile number' },
    );
    if (body) invite.mutate(body);
  };
  const unsafeNote = (channel: string) => (
    <>
      The contact plan says {channel} not safe for {firstName}. If they tell you it is safe now, record that in the{' '}
      <Anchor component={Link} to={`/profiles/${profileId}?section=victim-care`} inherit>
        contact plan
      </Anchor>{' '}
      first.
    </>
  );
  return (
    <Form onSubmit={submit}>
      <FormAlert error={invite.error} fieldErrors={errors.fieldErrors} />
      <Text size="sm">
        {safe.hasContactPlan
          ? `The contact plan allows ${safeChannelsText(safe)}.`
          : 'There is no contact plan, so either may be used. Check with them that it is safe before you invite them.'}{' '}
        The first code goes by email when you give an address. You become their keyworker, and your team ({me.team.name}) holds the conversation.
      </Text>
      <TextInput
        type="email"
        label={labels.email}
        autoComplete="off"
        value={values.email}
        onChange={(e) => set('email', e.currentTarget.value)}
        disabled={!safe.email}
        description={safe.email ? undefined : unsafeNote('email is')}
        error={errors.fieldErrors.email}
      />
      <TextInput
        type="tel"
        label={labels.mobile}
        autoComplete="off"
        value={values.mobile}
        onChange={(e) => set('mobile', e.currentTarget.value)}
        disabled={!safe.sms}
        description={safe.sms ? 'A UK mobile, for codes by text message' : unsafeNote('text messages are')}
        error={errors.fieldErrors.mobile}
      />
      <Checkbox
        label="End access when this case closes"
        description={openCases.length ? undefined : 'They are not on an open case you can see.'}
        disabled={openCases.length === 0}
        checked={values.endWithCase}
        onChange={(e) => set('endWithCase', e.currentTarget.checked)}
      />
      {values.endWithCase && (
        <NativeSelect
          label={labels.endWithCaseId}
          required
          value={values.caseId}
          onChange={(e) => set('caseId', e.currentTarget.value)}
          error={errors.fieldErrors.endWithCaseId}
          data={[{ value: '', label: 'Choose the case' }, ...openCases.map((c) => ({ value: c.id, label: `${c.reference}: ${c.title}` }))]}
        />
      )}
      <FormButtons submitLabel="Send the invitation" pending={invite.isPending} onCancel={done} />
      {guard.dialog}
    </Form>
  );
}
