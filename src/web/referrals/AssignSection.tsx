import { useState } from 'react';
import { Button, Group, Select, Text } from '@mantine/core';
import type { Referral } from '../../shared/api/referrals.ts';
import { useMe } from '../app/session.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { Section } from '../records/Section.tsx';
import { useDeskMembers } from './useDeskMembers.ts';
import { useReferralChange } from './useReferralChange.ts';

/** Who on the team is working the referral; assigning a new one starts its triage. */
export function AssignSection({ referral }: { referral: Referral }) {
  const me = useMe();
  const [chosen, setChosen] = useState<string | null>(referral.assignedTo?.id ?? null);
  const members = useDeskMembers(referral.team, referral.assignedTo);
  const assign = useReferralChange(referral.id, (r) => (r.assignedTo ? `${r.reference} is assigned to ${r.assignedTo.id === me.id ? 'you' : r.assignedTo.name}.` : `${r.reference} is assigned to no one.`));
  const save = (assignedToId: string | null) => assign.mutate({ path: '', method: 'PATCH', body: { version: referral.version, assignedToId } });
  const current = referral.assignedTo;
  return (
    <Section title="Assigned to">
      <Text size="sm" role="status">
        {current ? (current.id === me.id ? `You (${current.name})` : current.name) : 'No one yet'}
      </Text>
      {referral.permissions.canWork && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save(chosen);
          }}
        >
          <FormAlert error={assign.error} />
          <Select
            label="Assign to"
            description={`A member of ${referral.team.name}`}
            placeholder="No one"
            data={members.data}
            value={chosen}
            onChange={setChosen}
            onSearchChange={members.onSearchChange}
            searchable
            clearable
            nothingFoundMessage="No one in the team matches"
          />
          <Group gap="xs" mt="sm">
            <Button type="submit" variant="default" loading={assign.isPending} disabled={chosen === (current?.id ?? null)}>
              Save
            </Button>
            {me.team.id === referral.team.id && current?.id !== me.id && (
              <Button
                variant="default"
                onClick={() => {
                  setChosen(me.id);
                  save(me.id);
                }}
              >
                Assign to me
              </Button>
            )}
          </Group>
        </form>
      )}
    </Section>
  );
}
