import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Tabs } from '@mantine/core';
import type { SearchResult } from '../../shared/api/search.ts';
import { callNoReply } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { CreateLocationForm } from '../locations/CreateLocationForm.tsx';
import { placeName } from '../locations/labels.ts';
import { RecordPicker } from './RecordPicker.tsx';

interface Props {
  caseId: string;
  linked: string[];
  onAdded: (name: string) => void;
  onCancel: () => void;
}

/** Links a location already recorded, or records a new one and links it in one go. */
export function AddLocationPanel({ caseId, linked, onAdded, onCancel }: Props) {
  const idempotency = useIdempotencyKey();
  const [chosen, setChosen] = useState<SearchResult | null>(null);
  const [unchosen, setUnchosen] = useState(false);
  const link = useMutation({
    mutationFn: ({ locationId }: { locationId: string; name: string }) =>
      callNoReply('POST', `/cases/${caseId}/locations`, { body: { locationId }, idempotencyKey: idempotency.keyFor({ locationId }) }),
    onSuccess: (_, { name }) => {
      idempotency.reset();
      onAdded(name);
    },
  });

  return (
    <Tabs defaultValue="find" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="find">Find a location</Tabs.Tab>
        <Tabs.Tab value="new">Add a new location</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="find">
        <Form
          onSubmit={() => {
            setUnchosen(!chosen);
            if (chosen) link.mutate({ locationId: chosen.id, name: chosen.title });
          }}
        >
          <FormAlert error={link.error} />
          <RecordPicker
            kind="location"
            label="Search locations"
            description="Address, name or postcode"
            linked={linked}
            chosen={chosen}
            onChoose={setChosen}
            error={unchosen && !chosen ? 'Choose a location from the results' : undefined}
          />
          <FormButtons submitLabel="Add to case" pending={link.isPending} onCancel={onCancel} />
        </Form>
      </Tabs.Panel>
      <Tabs.Panel value="new">
        <FormAlert error={link.error} />
        <CreateLocationForm
          submitLabel="Add location to case"
          onCreated={(created) => link.mutate({ locationId: created.id, name: placeName(created) })}
          onUse={(id, name) => link.mutate({ locationId: id, name })}
          onCancel={onCancel}
        />
      </Tabs.Panel>
    </Tabs>
  );
}
