import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { profile as profileSchema, updateProfileBody, type Profile } from '../../shared/api/profiles.ts';
import type { z } from 'zod';
import { call } from '../api/client.ts';
import { ConflictNotice } from '../components/ConflictNotice.tsx';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { useVersionedForm } from '../components/useVersionedForm.ts';
import { useLookups } from '../records/lookups.ts';
import { comparedProfileFields } from './compared.ts';
import { explained, mineOnTheirs, profileValues, updateBody, type ProfileFormValues } from './form.ts';
import { profileKeys } from './keys.ts';
import { fullName, profileLabels } from './labels.ts';
import { ProfileFields } from './ProfileFields.tsx';

/** Names for every lookup value either version of the record uses. */
function useLookupNames(...records: (Profile | null)[]) {
  const lists = [useLookups('ethnicity', { includeRetired: true }), useLookups('vulnerability', { includeRetired: true }), useLookups('warning_marker', { includeRetired: true })];
  const names = new Map<string, string>();
  for (const list of lists) for (const l of list.data?.items ?? []) names.set(l.id, l.name);
  for (const r of records) {
    if (!r) continue;
    for (const l of [...r.vulnerabilities, ...r.warningMarkers, ...(r.ethnicity ? [r.ethnicity] : [])]) names.set(l.id, l.name);
  }
  return (id: string) => names.get(id) ?? 'Unknown value';
}

export function EditProfileForm({ record }: { record: Profile }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useVersionedForm(record, profileValues, profileSchema);
  const errors = useFieldErrors(profileLabels);
  const nameOf = useLookupNames(form.base, form.theirs);
  const set = <K extends keyof ProfileFormValues>(field: K, value: ProfileFormValues[K]) => form.set(field, value);
  const guard = useLeaveGuard(changedFrom(profileValues(form.base), form.values));
  const back = () => {
    guard.allow();
    void navigate(`/profiles/${record.id}`);
  };

  const save = useMutation({
    mutationFn: (body: z.infer<typeof updateProfileBody>) => call('PATCH', `/profiles/${record.id}`, profileSchema, { body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(profileKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['profiles'] });
      notifySaved(`${fullName(saved)}’s profile saved.`);
      back();
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });

  const loaded = profileValues(form.base);

  const submit = () => {
    const body = errors.check(updateProfileBody, updateBody(loaded, form.values, form.base.version), {}, explained(form.values, profileLabels));
    if (body) save.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={form.theirs ? null : save.error} fieldErrors={errors.fieldErrors} />
      {form.theirs && (
        <ConflictNotice
          fields={comparedProfileFields(nameOf)}
          loaded={loaded}
          mine={form.values}
          theirs={profileValues(form.theirs)}
          onUseTheirs={() => {
            form.takeTheirs();
            save.reset();
          }}
          onKeepMine={() => {
            // Lists (roles, markers, addresses) are compared by content here: the form's own
            // comparison would treat every list as changed and overwrite theirs.
            const theirs = profileValues(form.theirs!);
            const merged = mineOnTheirs(loaded, form.values, theirs);
            form.takeTheirs();
            form.setValues(merged);
            save.reset();
          }}
        />
      )}
      <ProfileFields values={form.values} set={set} fieldErrors={errors.fieldErrors} />
      <FormButtons submitLabel="Save changes" pending={save.isPending} onCancel={back} />
      {guard.dialog}
    </Form>
  );
}
