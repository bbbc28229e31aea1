import type { ReactNode } from 'react';
import { Fieldset, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { normalisePostcode, type LocationKind } from '../../shared/records.ts';
import type { FieldErrors } from '../components/forms.ts';
import { LocationMap } from '../maps/LocationMap.tsx';
import { kindOptions, locationLabels, placeName, type LocationFormValues } from './labels.ts';
import { formPosition } from './values.ts';

interface Props {
  values: LocationFormValues;
  onChange: (values: LocationFormValues) => void;
  fieldErrors: FieldErrors;
  /** Places already recorded like this one, shown right under the address while it is typed. */
  matches?: ReactNode;
}

export function LocationFields({ values, onChange, fieldErrors, matches }: Props) {
  const set = <K extends keyof LocationFormValues>(field: K, value: LocationFormValues[K]) => onChange({ ...values, [field]: value });
  const position = formPosition(values);
  const text = (field: 'name' | 'addressLine1' | 'addressLine2' | 'town', extra: { required?: boolean; description?: string } = {}) => (
    <TextInput
      label={locationLabels[field]}
      value={values[field]}
      onChange={(e) => set(field, e.currentTarget.value)}
      error={fieldErrors[field]}
      autoComplete="off"
      {...extra}
    />
  );

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={locationLabels.kind}
          data={kindOptions}
          value={values.kind}
          onChange={(kind) => kind && set('kind', kind as LocationKind)}
          error={fieldErrors.kind}
          allowDeselect={false}
          required
        />
        {text('name', { description: 'For a business, a park or an estate; leave blank for a home' })}
        {text('addressLine1', { required: true })}
        {text('addressLine2')}
        {text('town')}
        <TextInput
          label={locationLabels.postcode}
          value={values.postcode}
          onChange={(e) => set('postcode', e.currentTarget.value)}
          onBlur={() => {
            const normalised = normalisePostcode(values.postcode);
            if (normalised && normalised !== values.postcode) set('postcode', normalised);
          }}
          error={fieldErrors.postcode}
          autoComplete="off"
          required
          w={{ base: '100%', sm: 200 }}
        />
      </SimpleGrid>
      {matches}
      <Fieldset
        legend={
          <Text span size="sm" fw={600}>
            Position on the map (optional)
          </Text>
        }
        variant="unstyled"
      >
        <Text size="sm" c="dimmed" mb="xs">
          Click the map to place the marker, or type the latitude and longitude.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mb="sm">
          <TextInput
            label={locationLabels.latitude}
            value={values.latitude}
            onChange={(e) => set('latitude', e.currentTarget.value)}
            error={fieldErrors.latitude}
            inputMode="decimal"
            autoComplete="off"
          />
          <TextInput
            label={locationLabels.longitude}
            value={values.longitude}
            onChange={(e) => set('longitude', e.currentTarget.value)}
            error={fieldErrors.longitude}
            inputMode="decimal"
            autoComplete="off"
          />
        </SimpleGrid>
        <LocationMap
          label="Map for choosing the position"
          height={280}
          withList={false}
          points={position ? [{ id: 'chosen', ...position, label: placeName(values) || 'The position chosen' }] : []}
          onPick={(latitude, longitude) => onChange({ ...values, latitude: String(latitude), longitude: String(longitude) })}
        />
      </Fieldset>
    </Stack>
  );
}
