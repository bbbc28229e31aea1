import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Group, Text } from '@mantine/core';
import type { z } from 'zod';
import { createLocationBody, location as locationSchema, type Location } from '../../shared/api/locations.ts';
import { call } from '../api/client.ts';
import { isApiError } from '../api/errors.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { emptyLocation, locationLabels, type LocationFormValues } from './labels.ts';
import { LocationFields } from './LocationFields.tsx';
import { LocationMatches } from './LocationMatches.tsx';
import { coordinateErrors, locationInput } from './values.ts';

interface Props {
  onCreated: (location: Location) => void;
  onCancel: () => void;
  /** Offered beside each existing match, e.g. to link it to a case rather than add a new one. */
  onUse?: (id: string, name: string) => void;
  submitLabel?: string;
}

/** A new location, checked first against the places already recorded. */
export function CreateLocationForm({ onCreated, onCancel, onUse, submitLabel = 'Add location' }: Props) {
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(locationLabels);
  const [values, setValues] = useState<LocationFormValues>(emptyLocation);
  const [maybeDuplicate, setMaybeDuplicate] = useState(false);
  const guard = useLeaveGuard(changedFrom(emptyLocation, values));

  const create = useMutation({
    mutationFn: (body: z.infer<typeof createLocationBody>) =>
      call('POST', '/locations', locationSchema, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (created) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: ['locations'] });
      guard.allow();
      onCreated(created);
    },
    onError: (error) => {
      if (isApiError(error, 'possible_duplicate')) setMaybeDuplicate(true);
      else errors.fromServer(error);
    },
  });

  const send = (confirmNoDuplicate: boolean) => {
    const coordinates = coordinateErrors(values);
    if (Object.keys(coordinates).length > 0) {
      errors.setFieldErrors(coordinates);
      return;
    }
    const body = errors.check(createLocationBody, { ...locationInput(values), ...(confirmNoDuplicate ? { confirmNoDuplicate } : {}) });
    if (body) create.mutate(body);
  };

  return (
    <Form onSubmit={() => send(false)}>
      <FormAlert error={maybeDuplicate ? null : create.error} fieldErrors={errors.fieldErrors} />
      {maybeDuplicate && (
        <Alert color="orange" title="This place may already be recorded" role="alert">
          <Text size="sm" mb="sm">
            Check the locations listed below the address. If none of them is this place, add it as a new location.
          </Text>
          <Group gap="sm">
            <Button variant="default" loading={create.isPending} onClick={() => send(true)}>
              It is a different place: add it
            </Button>
          </Group>
        </Alert>
      )}
      <LocationFields
        values={values}
        onChange={(next) => {
          setValues(next);
          setMaybeDuplicate(false);
        }}
        fieldErrors={errors.fieldErrors}
        matches={<LocationMatches addressLine1={values.addressLine1} postcode={values.postcode} onUse={onUse} />}
      />
      <FormButtons
        submitLabel={submitLabel}
        pending={create.isPending}
        onCancel={() => {
          guard.allow();
          onCancel();
        }}
      />
      {guard.dialog}
    </Form>
  );
}
