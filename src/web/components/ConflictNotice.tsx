import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { changedFields, show, type ComparedField } from './changes.ts';

interface Props<V> {
  fields: ComparedField<V>[];
  /** The values the form was loaded with, what the person typed, and the record as it is now. */
  loaded: V;
  mine: V;
  theirs: V;
  onUseTheirs: () => void;
  onKeepMine: () => void;
}

/** Someone saved this record first: what they changed, beside what this person typed. */
export function ConflictNotice<V>({ fields, loaded, mine, theirs, onUseTheirs, onKeepMine }: Props<V>) {
  const changed = changedFields(fields, loaded, theirs);
  return (
    <Alert color="orange" title="Someone else changed this record since you opened it" role="alert">
      <Text size="sm" mb="sm">
        Nothing has been saved. Load their values to start again from what is saved now, or put
        your changes on top of theirs; either way, check the form and save again.
      </Text>
      {changed.length > 0 ? (
        <Table withTableBorder fz="sm" mb="sm" bg="white">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Field</Table.Th>
              <Table.Th scope="col">Your value</Table.Th>
              <Table.Th scope="col">Their value (saved)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changed.map((f) => (
              <Table.Tr key={f.key}>
                <Table.Th scope="row">{f.label}</Table.Th>
                <Table.Td>{show(f, mine[f.key])}</Table.Td>
                <Table.Td>{show(f, theirs[f.key])}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" mb="sm">
          They changed details that are not on this form.
        </Text>
      )}
      <Group gap="sm">
        <Button variant="default" onClick={onUseTheirs}>
          Load their values
        </Button>
        <Button variant="default" onClick={onKeepMine}>
          Put my changes on top of theirs
        </Button>
      </Group>
    </Alert>
  );
}
