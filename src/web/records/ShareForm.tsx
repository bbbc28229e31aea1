import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Group, Radio, Select, Stack } from '@mantine/core';
import type { AccessList } from '../../shared/api/records.ts';
import type { AccessLevel } from '../../shared/records.ts';
import { callNoReply } from '../api/client.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { Form } from '../components/Form.tsx';
import { levelOptions } from './levels.ts';
import type { RecordPath } from './kinds.ts';
import { useShareTargets } from './shareTargets.ts';

interface Props {
  kind: RecordPath;
  id: string;
  list: AccessList;
  onShared: (name: string) => void;
}

/** Shares the record with one more team, or a whole organisation, of the partnership. */
export function ShareForm({ kind, id, list, onShared }: Props) {
  const targets = useShareTargets(list);
  const [target, setTarget] = useState<'team' | 'organisation'>('team');
  const [chosen, setChosen] = useState<string | null>(null);
  const [level, setLevel] = useState<AccessLevel>('view');
  const [missing, setMissing] = useState<string | null>(null);
  const options = target === 'team' ? targets.teams : targets.organisations;
  const nameOf = (value: string) => [...targets.teams, ...targets.organisations].find((o) => o.value === value)?.label;

  const share = useMutation({
    mutationFn: (body: Record<string, string>) => callNoReply('POST', `/${kind}/${id}/access`, { body }),
    onSuccess: (_, body) => {
      onShared(nameOf(body.teamId ?? body.organisationId ?? '') ?? 'them');
      setChosen(null);
    },
  });

  const submit = () => {
    if (!chosen) {
      setMissing(target === 'team' ? 'Choose a team' : 'Choose an organisation');
      return;
    }
    setMissing(null);
    share.mutate(target === 'team' ? { teamId: chosen, level } : { organisationId: chosen, level });
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={share.error} />
      <Radio.Group
        label="Share with"
        value={target}
        onChange={(value) => {
          setTarget(value as 'team' | 'organisation');
          setChosen(null);
          setMissing(null);
        }}
      >
        <Group gap="lg" mt={4}>
          <Radio value="team" label="A team" />
          <Radio value="organisation" label="A whole organisation" />
        </Group>
      </Radio.Group>
      <Group align="flex-start" gap="md" grow preventGrowOverflow={false}>
        <Select
          label={target === 'team' ? 'Team' : 'Organisation'}
          placeholder={targets.isPending ? 'Loading…' : 'Choose'}
          data={options}
          value={chosen}
          onChange={setChosen}
          error={missing ?? (targets.error ? 'The list could not be loaded. Reload the page to try again.' : undefined)}
          searchable
          nothingFoundMessage="No match"
          miw={220}
        />
        <Select
          label="Access"
          data={levelOptions}
          value={level}
          onChange={(value) => setLevel((value as AccessLevel | null) ?? 'view')}
          allowDeselect={false}
          miw={160}
        />
      </Group>
      <Stack align="flex-start">
        <Button type="submit" loading={share.isPending}>
          Share
        </Button>
      </Stack>
    </Form>
  );
}
