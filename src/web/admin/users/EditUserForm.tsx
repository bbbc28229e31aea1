import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Role } from '../../../shared/roles.ts';
import { updateUserBody, user as userSchema, type User } from '../../../shared/api/users.ts';
import { call } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useTeams } from '../../api/options.ts';
import { ConflictNotice } from '../../components/ConflictNotice.tsx';
import { Form, FormButtons } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { notifySaved } from '../../components/notify.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { useVersionedForm } from '../../components/useVersionedForm.ts';
import { comparedUserFields, userLabels, userValues, type UserValues } from './labels.ts';
import { optional, UserFields, type UserFormValues } from './UserFields.tsx';

function formValues(u: User): UserFormValues {
  return {
    teamId: u.team.id,
    name: u.name,
    email: u.email,
    role: u.role,
    isSupervisor: u.isSupervisor,
    isCoordinator: u.isCoordinator,
    schemeLookUp: u.schemeLookUp,
    jobTitle: u.jobTitle ?? '',
    phone: u.phone ?? '',
  };
}

/** What the form holds, in the terms of the conflict comparison (team by name, not id). */
function comparable(values: UserFormValues, teamName: (id: string | null) => string, status: string): UserValues {
  return {
    name: values.name,
    email: values.email,
    role: values.role as Role,
    isSupervisor: values.isSupervisor,
    isCoordinator: values.isCoordinator,
    schemeLookUp: values.schemeLookUp,
    team: teamName(values.teamId),
    jobTitle: values.jobTitle,
    phone: values.phone,
    status,
  };
}

export function EditUserForm({ record, onDone }: { record: User; onDone: () => void }) {
  const queryClient = useQueryClient();
  const teams = useTeams();
  const form = useVersionedForm(record, formValues, userSchema);
  const errors = useFieldErrors(userLabels);
  const save = useMutation({
    mutationFn: (body: z.infer<typeof updateUserBody>) => call('PATCH', `/users/${record.id}`, userSchema, { body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.user(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      notifySaved(`${saved.name}’s details saved.`);
      onDone();
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });

  // Teams this administrator may move the user into, and always the user's current team.
  const teamChoices = (teams.data?.items ?? []).filter((t) => t.permissions.canManageUsers || t.id === form.values.teamId);
  const teamName = (id: string | null) => teamChoices.find((t) => t.id === id)?.name ?? form.base.team.name;

  const submit = () => {
    // Only what changed is sent, so a save never rewrites details this person did not touch.
    const loaded = formValues(form.base);
    const changes: Record<string, unknown> = { version: form.base.version };
    if (form.values.name !== loaded.name) changes.name = form.values.name;
    if (form.values.email !== loaded.email) changes.email = form.values.email;
    if (form.values.teamId !== loaded.teamId) changes.teamId = form.values.teamId;
    if (form.values.role !== loaded.role) changes.role = form.values.role;
    if (form.values.isSupervisor !== loaded.isSupervisor) changes.isSupervisor = form.values.isSupervisor;
    if (form.values.isCoordinator !== loaded.isCoordinator) changes.isCoordinator = form.values.isCoordinator;
    if (form.values.schemeLookUp !== loaded.schemeLookUp) changes.schemeLookUp = form.values.schemeLookUp;
    if (form.values.jobTitle !== loaded.jobTitle) changes.jobTitle = optional(form.values.jobTitle);
    if (form.values.phone !== loaded.phone) changes.phone = optional(form.values.phone);
    const body = errors.check(updateUserBody, changes);
    if (body) save.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={form.theirs ? null : save.error} fieldErrors={errors.fieldErrors} />
      {form.theirs && (
        <ConflictNotice
          fields={comparedUserFields}
          loaded={userValues(form.base)}
          mine={comparable(form.values, teamName, userValues(form.base).status)}
          theirs={userValues(form.theirs)}
          onUseTheirs={() => {
            form.takeTheirs();
            save.reset();
          }}
          onKeepMine={() => {
            form.keepMine();
            save.reset();
          }}
        />
      )}
      <UserFields
        values={form.values}
        onChange={form.setValues}
        fieldErrors={errors.fieldErrors}
        teams={teamChoices}
        roles={record.permissions.assignableRoles.includes(form.values.role as Role)
          ? record.permissions.assignableRoles
          : [...record.permissions.assignableRoles, form.values.role as Role]}
      />
      <FormButtons submitLabel="Save" pending={save.isPending} onCancel={onDone} />
    </Form>
  );
}
