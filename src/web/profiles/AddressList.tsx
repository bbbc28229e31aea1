import { Link } from 'react-router';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { Profile } from '../../shared/api/profiles.ts';
import { formatDate } from '../components/format.ts';
import { Section } from '../records/Section.tsx';

type Address = Profile['addresses'][number];

const lines = (a: Address) => [a.addressLine1, a.addressLine2, a.town, a.postcode].filter(Boolean).join(', ');

/** Where the person lives now first, then where they lived before; an address on the record as a location links to its page. */
export function AddressList({ addresses }: { addresses: Address[] }) {
  const ordered = [...addresses].sort((a, b) => Number(b.current) - Number(a.current) || (b.fromDate ?? '').localeCompare(a.fromDate ?? ''));
  return (
    <Section title="Addresses">
      {ordered.length === 0 ? (
        <Text size="sm">No addresses recorded.</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Address</Table.Th>
                <Table.Th scope="col">From</Table.Th>
                <Table.Th scope="col">To</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ordered.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Th scope="row" fw={a.current ? 600 : 400}>
                    {a.locationId ? (
                      <Anchor component={Link} to={`/locations/${a.locationId}`} fw="inherit" size="sm">
                        {lines(a)}
                      </Anchor>
                    ) : (
                      lines(a)
                    )}{' '}
                    {a.current && (
                      <Badge color="blue" variant="light" ml={4}>
                        Current
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>{formatDate(a.fromDate, 'Not known')}</Table.Td>
                  <Table.Td>{a.current ? 'Now' : formatDate(a.toDate, 'Not known')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
