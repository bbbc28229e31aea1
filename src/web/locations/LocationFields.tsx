import type { ReactNode } from 'react';
import { Fieldset, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { normalisePostcode, type LocationKind } from '../../shared/records.ts';
import type { FieldErrors } from '../components/forms.ts';
import { LocationMap } from '../maps/LocationMap.tsx';
import { PostcodeFinder } from '../postcodes/PostcodeFinder.tsx';
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
        <PostcodeFinder
          postcode={values.postcode}
          onPosition={(p) => onChange({ ...values, postcode: p.postcode, latitude: String(p.latitude), longitude: String(p.longitude) })}
          onAddress={(a) =>
            onChange({
              ...values,
              name: values.name || (a.name ?? ''),
              addressLine1: a.line1,
              addressLine2: a.line2 ?? '',
              town: a.town,
              postcode: a.postcode,
              latitude: String(a.latitude),
              longitude: String(a.longitude),
              uprn: a.uprn,
            })
          }
        >
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
        </PostcodeFinder>
        <TextInput
          label={locationLabels.uprn}
          description="Filled in when you choose a found address; clear it if this is a different property"
          value={values.uprn}
          onChange={(e) => set('uprn', e.currentTarget.value)}
          error={fieldErrors.uprn}
          inputMode="numeric"
          autoComplete="off"
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
