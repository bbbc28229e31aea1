import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { postcodeLookup, type PostcodeAddress } from '../../shared/api/postcodes.ts';
import { normalisePostcode } from '../../shared/records.ts';
import { get } from '../api/client.ts';
import { isApiError, messageOf } from '../api/errors.ts';
import { useSettings } from '../maps/settings.ts';

export interface PostcodePosition {
  postcode: string;
  latitude: number;
  longitude: number;
}

interface Props {
  /** The postcode field the button sits beside. */
  children: ReactNode;
  postcode: string;
  /** For forms that keep a map position. Without it the button shows only where addresses can be found. */
  onPosition?: (found: PostcodePosition) => void;
  onAddress: (address: PostcodeAddress) => void;
}

interface Found {
  postcode: string;
  addresses: PostcodeAddress[];
}

const addressText = (a: PostcodeAddress) => [a.name, a.line1, a.line2, a.town].filter(Boolean).join(', ');

/**
 * The postcode field with a "Find address" button, where this Concord has a postcode lookup
 * (without one, the field alone). The postcode's position fills the form at once; its addresses,
 * where the provider has them, are offered in a list that takes focus, and choosing one fills
 * the address. Each outcome is announced, since the button itself stays where it is.
 */
export function PostcodeFinder({ children, postcode, onPosition, onAddress }: Props) {
  const gives = useSettings().data?.postcodeLookup ?? null;
  const [status, setStatus] = useState<{ text: string; problem: boolean }>({ text: '', problem: false });
  const [found, setFound] = useState<Found | null>(null);
  const [chosen, setChosen] = useState('');
  const list = useRef<HTMLSelectElement>(null);
  // A list for another postcode than the one now typed is out of date.
  const shown = found && found.postcode === normalisePostcode(postcode) ? found : null;

  useEffect(() => {
    if (found) list.current?.focus();
  }, [found]);

  const lookup = useMutation({
    mutationFn: (code: string) => get(`/postcodes/${encodeURIComponent(code)}`, postcodeLookup),
    onSuccess: (reply) => {
      if (!reply.available) {
        setStatus({ text: 'Postcode lookup is not available. Enter the address by hand.', problem: true });
        return;
      }
      onPosition?.({ postcode: reply.postcode, latitude: reply.latitude, longitude: reply.longitude });
      const many = reply.addresses.length;
      setChosen('');
      setFound(many > 0 ? { postcode: reply.postcode, addresses: reply.addresses } : null);
      if (many > 0) {
        setStatus({ text: `${many} ${many === 1 ? 'address' : 'addresses'} at ${reply.postcode}. Choose one from the list.`, problem: false });
      } else if (onPosition) {
        setStatus({ text: `${reply.postcode} found: its position is set on the map.`, problem: false });
      } else {
        setStatus({ text: `No addresses were found at ${reply.postcode}. Enter the address by hand.`, problem: true });
      }
    },
    onError: (error, code) => {
      setFound(null);
      setStatus({
        text: isApiError(error, 'not_found') ? `${code} was not found. Check the postcode, or enter the address by hand.` : messageOf(error),
        problem: true,
      });
    },
  });

  if (gives === null || (gives === 'coordinates' && !onPosition)) return <>{children}</>;

  const find = () => {
    const code = normalisePostcode(postcode);
    if (!code) {
      setFound(null);
      setStatus({ text: 'Enter a full postcode first, like NG1 5AB.', problem: true });
      return;
    }
    setStatus({ text: `Looking up ${code}…`, problem: false });
    lookup.mutate(code);
  };

  const choose = (value: string) => {
    setChosen(value);
    const address = shown?.addresses[Number(value)];
    if (value === '' || !address) return;
    onAddress(address);
    setStatus({ text: `Address filled in: ${addressText(address)}.`, problem: false });
  };

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        {children}
        <Button variant="default" onClick={find} loading={lookup.isPending}>
          {gives === 'addresses' ? 'Find address' : 'Find position'}
        </Button>
      </Group>
      <Text size="sm" role="status" c={status.problem ? 'red.9' : undefined}>
        {status.text}
      </Text>
      {shown && (
        <NativeSelect
          ref={list}
          label={`Addresses at ${shown.postcode}`}
          value={chosen}
          onChange={(e) => choose(e.currentTarget.value)}
          data={[{ value: '', label: 'Choose an address' }, ...shown.addresses.map((a, i) => ({ value: String(i), label: addressText(a) }))]}
        />
      )}
    </Stack>
  );
}
