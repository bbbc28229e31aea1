import { Checkbox, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { Role } from '../../../shared/roles.ts';
import type { Team } from '../../../shared/api/structure.ts';
import type { FieldErrors } from '../../components/forms.ts';
import { useMe } from '../../app/session.ts';
import { roleOptions, userLabels } from './labels.ts';

export interface UserFormValues {
  teamId: string | null;
  name: string;
  email: string;
  role: Role | null;
  isSupervisor: boolean;
  isCoordinator: boolean;
  schemeLookUp: boolean;
  jobTitle: string;
  phone: string;
}

interface Props {
  values: UserFormValues;
  onChange: (values: UserFormValues) => void;
  fieldErrors: FieldErrors;
  teams: Team[];
  roles: Role[];
  /** People cannot change their own role or team; others' may be locked by the server too. */
  lockRoleAndTeam?: boolean;
}

export function UserFields({ values, onChange, fieldErrors, teams, roles, lockRoleAndTeam = false }: Props) {
  const me = useMe();
  const set = <K extends keyof UserFormValues>(field: K, value: UserFormValues[K]) => onChange({ ...values, [field]: value });
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={userLabels.name}
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={fieldErrors.name}
          autoComplete="off"
          required
          data-autofocus
        />
        <TextInput
          label={userLabels.email}
          type="email"
          value={values.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={fieldErrors.email}
          autoComplete="off"
          required
        />
        <Select
          label={userLabels.teamId}
          data={teams.map((t) => ({ value: t.id, label: `${t.name} (${t.organisation.name})` }))}
          value={values.teamId}
          onChange={(teamId) => set('teamId', teamId)}
          error={fieldErrors.teamId}
          disabled={lockRoleAndTeam}
          allowDeselect={false}
          searchable
          required
        />
        <Select
          label={userLabels.role}
          data={roleOptions(roles)}
          value={values.role}
          onChange={(role) => set('role', role as Role | null)}
          error={fieldErrors.role}
          disabled={lockRoleAndTeam}
          allowDeselect={false}
          required
        />
        <TextInput
          label={userLabels.jobTitle}
          value={values.jobTitle}
          onChange={(e) => set('jobTitle', e.currentTarget.value)}
          error={fieldErrors.jobTitle}
          autoComplete="off"
        />
        <TextInput
          label={userLabels.phone}
          type="tel"
          value={values.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          error={fieldErrors.phone}
          autoComplete="off"
        />
      </SimpleGrid>
      <Checkbox
        label="Supervisor"
        description="Supervisors are alerted about their team's overdue work and approve risk-score overrides."
        checked={values.isSupervisor}
        onChange={(e) => set('isSupervisor', e.currentTarget.checked)}
        error={fieldErrors.isSupervisor}
      />
      <Checkbox
        label={userLabels.isCoordinator}
        description={me.role === 'system_admin'
          ? "Panel coordinators set up the partnership's panels, such as a MARAC or Community MARAC, and run their meetings."
          : "Panel coordinators set up the partnership's panels and run their meetings. Only a system administrator can change this."}
        disabled={me.role !== 'system_admin'}
        checked={values.isCoordinator}
        onChange={(e) => set('isCoordinator', e.currentTarget.checked)}
        error={fieldErrors.isCoordinator}
      />
      <Checkbox
        label={userLabels.schemeLookUp}
        description={me.role === 'system_admin' || me.role === 'organisation_admin'
          ? 'Looks up Keep Safe cardholders in an emergency, for a control room, fire or ambulance liaison. Every look-up is recorded.'
          : 'Looks up Keep Safe cardholders in an emergency. Only a system or organisation administrator can change this.'}
        disabled={me.role !== 'system_admin' && me.role !== 'organisation_admin'}
        checked={values.schemeLookUp}
        onChange={(e) => set('schemeLookUp', e.currentTarget.checked)}
        error={fieldErrors.schemeLookUp}
      />
    </>
  );
}

/** Blank optional details are sent as "none", not as empty text. */
export function optional(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}
