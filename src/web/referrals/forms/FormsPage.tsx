import { Link } from 'react-router';
import { Anchor, Button, Table, Text } from '@mantine/core';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useReferralForms } from '../api.ts';
import { FormStatusBadge } from './FormStatusBadge.tsx';
import { PublicLink } from './PublicLink.tsx';

/** The partnership's referral forms, each with its public link; a team's administrators build theirs. */
export function FormsPage() {
  const forms = useReferralForms();
  const items = forms.data?.items ?? [];
  return (
    <Page
      title="Referral forms"
      actions={
        <Button component={Link} to="/admin/referral-forms/new">
          New referral form
        </Button>
      }
    >
      <Text>Forms the public and other professionals fill in without an account. What they send goes to the receiving team’s triage desk.</Text>
      <QueryStatus isPending={forms.isPending} error={forms.error} onRetry={() => void forms.refetch()} label="Loading referral forms" />
      {forms.data && items.length === 0 && <Text>The partnership has no referral forms yet.</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover fz="sm" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Form</Table.Th>
                <Table.Th scope="col">Receiving team</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Version</Table.Th>
                <Table.Th scope="col">Public link</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/admin/referral-forms/${f.id}`}>
                      {f.name}
                    </Anchor>
                    {f.template && <Text size="xs" c="dimmed">Questions from {f.template.name}</Text>}
                  </Table.Th>
                  <Table.Td>{f.team.name}</Table.Td>
                  <Table.Td>
                    <FormStatusBadge status={f.status} />
                  </Table.Td>
                  <Table.Td>{f.formVersion}</Table.Td>
                  <Table.Td>
                    <PublicLink form={f} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  );
}
