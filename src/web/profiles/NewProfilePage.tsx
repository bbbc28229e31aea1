import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { createProfileBody, profileMatch, type ProfileMatch } from '../../shared/api/profiles.ts';
import { uuid } from '../../shared/api/common.ts';
import { call } from '../api/client.ts';
import { isApiError } from '../api/errors.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { Page } from '../components/Page.tsx';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { ConfirmCreate } from './ConfirmCreate.tsx';
import { createBody, emptyProfile, explained, type ProfileFormValues } from './form.ts';
import { fullName, profileLabels } from './labels.ts';
import { LikelyMatches } from './LikelyMatches.tsx';
import { ProfileFields } from './ProfileFields.tsx';
import { useMatches } from './useMatches.ts';

type CreateBody = z.infer<typeof createProfileBody>;
const created = z.object({ id: uuid });

/** The matches a 409 `possible_duplicate` carries, when the server sends them. */
function matchesIn(error: unknown): ProfileMatch[] | null {
  if (!isApiError(error, 'possible_duplicate')) return null;
  const parsed = z.array(profileMatch).safeParse(error.details);
  return parsed.success && parsed.data.length > 0 ? parsed.data : null;
}

export function NewProfilePage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ProfileFormValues>(emptyProfile);
  const set = <K extends keyof ProfileFormValues>(field: K, value: ProfileFormValues[K]) => setValues((v) => ({ ...v, [field]: value }));
  const errors = useFieldErrors(profileLabels);
  const matches = useMatches(values);
  const [confirming, setConfirming] = useState<ProfileMatch[] | null>(null);
  const idempotency = useIdempotencyKey();
  const guard = useLeaveGuard(changedFrom(emptyProfile, values));

  const create = useMutation({
    mutationFn: (body: CreateBody) => call('POST', '/profiles', created, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: ({ id }) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: ['profiles'] });
      notifySaved(`Profile for ${fullName(values)} created.`);
      guard.allow();
      void navigate(`/profiles/${id}`);
    },
    onError: (error) => {
      // The server found a likely duplicate that the live check had not shown yet.
      if (isApiError(error, 'possible_duplicate')) setConfirming(matchesIn(error) ?? matches.items);
      else errors.fromServer(error);
    },
  });

  const checked = () => errors.check(createProfileBody, createBody(values), {}, explained(values, profileLabels));

  const submit = () => {
    const body = checked();
    if (!body) return;
    if (matches.items.length > 0) setConfirming(matches.items);
    else create.mutate(body);
  };

  const confirm = () => {
    const body = checked();
    setConfirming(null);
    if (body) create.mutate({ ...body, confirmNoDuplicate: true });
  };

  return (
    <Page title="New profile">
      <Form onSubmit={submit}>
        <FormAlert error={isApiError(create.error, 'possible_duplicate') ? null : create.error} fieldErrors={errors.fieldErrors} />
        <ProfileFields
          values={values}
          set={set}
          fieldErrors={errors.fieldErrors}
          afterIdentity={matches.active && <LikelyMatches matches={matches.items} checking={matches.isFetching} />}
        />
        <FormButtons
          submitLabel="Create profile"
          pending={create.isPending}
          onCancel={() => {
            guard.allow();
            void navigate('/profiles');
          }}
        />
      </Form>
      {guard.dialog}
      <ConfirmCreate matches={confirming} pending={create.isPending} onBack={() => setConfirming(null)} onConfirm={confirm} />
    </Page>
  );
}
