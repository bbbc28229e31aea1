import { Table, Text } from '@mantine/core';
import { formatDateTime } from '../../components/format.ts';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Section } from '../../records/Section.tsx';
import { useReferralFormVersions } from '../api.ts';

/** Every version of the questions, newest first: a referral is always read against the version it was sent with. */
export function FormVersions({ formId }: { formId: string }) {
  const versions = useReferralFormVersions(formId);
  const items = [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Section title="Versions">
      <QueryStatus isPending={versions.isPending} error={versions.error} onRetry={() => void versions.refetch()} label="Loading versions" />
      {versions.data && (
        <Table fz="sm" maw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Version</Table.Th>
              <Table.Th scope="col">Saved</Table.Th>
              <Table.Th scope="col">By</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Th scope="row">{v.version}</Table.Th>
                <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
                <Table.Td>{v.createdBy?.name ?? <Text span size="sm" c="dimmed">Concord</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
