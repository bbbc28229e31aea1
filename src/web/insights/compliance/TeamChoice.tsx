import { NativeSelect } from '@mantine/core';
import { useMe } from '../../app/session.ts';
import { useTeams } from '../../api/options.ts';

interface Props {
  /** The team shown; null for the reader's own. */
  teamId: string | null;
  onChange: (teamId: string) => void;
}

/**
 * The team whose figures are shown, for those who may see more than their own: a system
 * administrator any team of the partnership, an organisation administrator their organisation's
 * teams. Everyone else sees their own team and no choice.
 */
export function TeamChoice({ teamId, onChange }: Props) {
  const me = useMe();
  const chooses = me.role === 'system_admin' || me.role === 'organisation_admin';
  const teams = useTeams(me.role === 'organisation_admin' ? me.organisation.id : null, chooses);
  const items = teams.data?.items ?? [];
  if (!chooses || items.length < 2) return null;
  const named = (t: (typeof items)[number]) => (me.role === 'system_admin' ? `${t.name} (${t.organisation.name})` : t.name);
  return (
    <NativeSelect
      label="Team"
      maw={420}
      value={teamId ?? me.team.id}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[...items].sort((a, b) => named(a).localeCompare(named(b))).map((t) => ({ value: t.id, label: named(t) }))}
    />
  );
}
