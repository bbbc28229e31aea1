import { Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { FieldErrors } from '../components/forms.ts';
import { PostcodeFinder } from '../postcodes/PostcodeFinder.tsx';
import { emptyAddress, type AddressValues } from './form.ts';

interface Props {
  addresses: AddressValues[];
  onChange: (addresses: AddressValues[]) => void;
  fieldErrors: FieldErrors;
}

/**
 * Addresses over time: one with no "to" date is where the person lives now. Once saved, an address
 * is linked to the location at the same address; one changed by hand drops the UPRN it was picked
 * with and its link, and the server links it again by what it now says.
 */
export function AddressFields({ addresses, onChange, fieldErrors }: Props) {
  const update = (index: number, changes: Partial<AddressValues>) =>
    onChange(addresses.map((a, i) => (i === index ? { ...a, ...changes } : a)));
  const retype = (index: number, changes: Partial<AddressValues>) => update(index, { ...changes, uprn: null, locationId: null });
  const error = (index: number, field: keyof AddressValues) => fieldErrors[`addresses.${index}.${field}`];
  return (
    <Fieldset legend="Addresses">
      <Stack gap="md">
        <Text size="sm">Leave the “to” date blank for where the person lives now.</Text>
        {addresses.map((address, index) => (
          <Fieldset key={index} legend={`Address ${index + 1}`} variant="filled">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Address line 1"
                value={address.addressLine1}
                onChange={(e) => retype(index, { addressLine1: e.currentTarget.value })}
                error={error(index, 'addressLine1')}
                autoComplete="off"
                required
              />
              <TextInput
                label="Address line 2"
                value={address.addressLine2}
                onChange={(e) => retype(index, { addressLine2: e.currentTarget.value })}
                error={error(index, 'addressLine2')}
                autoComplete="off"
              />
              <TextInput label="Town" value={address.town} onChange={(e) => retype(index, { town: e.currentTarget.value })} error={error(index, 'town')} autoComplete="off" />
              <PostcodeFinder
                postcode={address.postcode}
                onAddress={(a) => update(index, { addressLine1: [a.name, a.line1].filter(Boolean).join(', '), addressLine2: a.line2 ?? '', town: a.town, postcode: a.postcode, uprn: a.uprn, locationId: null })}
              >
                <TextInput
                  label="Postcode"
                  value={address.postcode}
                  onChange={(e) => retype(index, { postcode: e.currentTarget.value })}
                  error={error(index, 'postcode')}
                  autoComplete="off"
                />
              </PostcodeFinder>
              <TextInput label="From" type="date" value={address.fromDate} onChange={(e) => update(index, { fromDate: e.currentTarget.value })} error={error(index, 'fromDate')} />
              <TextInput label="To" type="date" value={address.toDate} onChange={(e) => update(index, { toDate: e.currentTarget.value })} error={error(index, 'toDate')} />
            </SimpleGrid>
            <Group mt="sm">
              <Button variant="default" size="xs" color="red" onClick={() => onChange(addresses.filter((_, i) => i !== index))}>
                Remove address {index + 1}
              </Button>
            </Group>
          </Fieldset>
        ))}
        {fieldErrors.addresses && (
          <Text size="sm" c="red.9">
            {fieldErrors.addresses}
          </Text>
        )}
        <Group>
          <Button variant="default" size="xs" onClick={() => onChange([...addresses, emptyAddress])}>
            Add an address
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
