import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Button, Switch, Table, Text } from '@mantine/core';
import { agreementStatusLabels } from '../../../shared/data-protection.ts';
import { lawfulBasisLabels } from '../../../shared/referrals.ts';
import { can, useMe } from '../../app/session.ts';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useAgreements } from '../api.ts';
import { dayText, partiesText } from './labels.ts';

/** The partnership's information sharing agreements, by review date; those due for review marked. */
export function AgreementsPage() {
  const me = useMe();
  const [reviewDue, setReviewDue] = useState(false);
  const query = useAgreements({ reviewDue });
  const items = query.data?.items ?? [];
  return (
    <Page
      title="Information sharing agreements"
      actions={can(me, 'agreements.manage') && (
        <Button component={Link} to="/data-protection/agreements/new">
          Record an agreement
        </Button>
      )}
    >
      <Switch label="Only those due for review" checked={reviewDue} onChange={(e) => setReviewDue(e.currentTarget.checked)} />
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the agreements" />
      {query.data && items.length === 0 && <Text>{reviewDue ? 'No agreement is due for review.' : 'The partnership has recorded no sharing agreements yet.'}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Agreement</Table.Th>
                <Table.Th scope="col">Lawful basis</Table.Th>
                <Table.Th scope="col">Parties</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Review by</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/data-protection/agreements/${a.id}`} inherit>
                      {a.title}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{lawfulBasisLabels[a.lawfulBasis]}</Table.Td>
                  <Table.Td>{partiesText(a.parties)}</Table.Td>
                  <Table.Td>{agreementStatusLabels[a.status]}</Table.Td>
                  <Table.Td>
                    {dayText(a.reviewOn)} {a.reviewDue && <Badge color="orange">Review due</Badge>}
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
