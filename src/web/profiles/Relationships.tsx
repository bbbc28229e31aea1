import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Profile, Relationship } from '../../shared/api/profiles.ts';
import { callNoReply } from '../api/client.ts';
import { formatDate } from '../components/format.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { Section } from '../records/Section.tsx';
import { AddRelationshipForm } from './AddRelationshipForm.tsx';
import { PersonSafetyLine } from '../records/PersonSafetyLine.tsx';
import { fullName } from './labels.ts';

/** Family and associates, read from this person's side, each linking to the other profile. */
export function Relationships({ profile: p }: { profile: Profile }) {
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const remove = useMutation({
    mutationFn: (r: Relationship) => callNoReply('DELETE', `/profiles/${p.id}/relationships/${r.id}`),
    onSuccess: (_, r) => {
      void queryClient.invalidateQueries({ queryKey: ['profiles'] });
      notifySaved(`Relationship with ${fullName(r.other)} removed.`);
    },
  });
  const canEdit = p.permissions.canEdit;

  return (
    <Section title="Relationships" actions={canEdit && <Button size="xs" variant="default" onClick={() => setAdding(true)}>Add a relationship</Button>}>
      <FormAlert error={remove.error} />
      {p.relationships.length === 0 ? (
        <Text size="sm">No relationships recorded.</Text>
      ) : (
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {p.relationships.map((r) => {
            const other = fullName(r.other);
            return (
              <Group component="li" key={r.id} justify="space-between" gap="sm" wrap="nowrap">
                <div>
                  <Text size="sm">
                    {r.label}{' '}
                    {r.other.accessible ? (
                      <Anchor component={Link} to={`/profiles/${r.other.id}`} inherit>
                        {other}
                      </Anchor>
                    ) : (
                      <Text span inherit fw={600}>
                        {other} (you cannot open this profile)
                      </Text>
                    )}
                    {r.other.dateOfBirth && `, born ${formatDate(r.other.dateOfBirth)}`}
                  </Text>
                  {r.other.safety && <PersonSafetyLine safety={r.other.safety} />}
                  {r.notes && (
                    <Text size="xs" c="dimmed">
                      {r.notes}
                    </Text>
                  )}
                </div>
                {canEdit && (
                  <Button
                    size="xs"
                    variant="default"
                    color="red"
                    loading={remove.isPending && remove.variables.id === r.id}
                    onClick={() => remove.mutate(r)}
                    aria-label={`Remove relationship with ${other}`}
                  >
                    Remove
                  </Button>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a relationship" size="lg">
        {adding && <AddRelationshipForm profileId={p.id} name={fullName(p)} onDone={() => setAdding(false)} />}
      </Modal>
    </Section>
  );
}
