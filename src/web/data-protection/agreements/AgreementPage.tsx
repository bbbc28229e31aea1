import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Badge, Button, List, Stack } from '@mantine/core';
import type { Agreement } from '../../../shared/api/agreements.ts';
import { agreementStatusLabels, article9ConditionLabels } from '../../../shared/data-protection.ts';
import { lawfulBasisLabels } from '../../../shared/referrals.ts';
import { Details } from '../../components/Details.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useAgreement } from '../api.ts';
import { AgreementForm } from './AgreementForm.tsx';
import { dayText } from './labels.ts';
import { SignedDocument } from './SignedDocument.tsx';

function Summary({ a }: { a: Agreement }) {
  return (
    <Stack gap="md">
      {a.reviewDue && <Badge color="orange" size="lg">Review due by {dayText(a.reviewOn)}</Badge>}
      <Details
        items={[
          { label: 'Purpose', value: <span style={{ whiteSpace: 'pre-wrap' }}>{a.purpose}</span> },
          { label: 'Lawful basis', value: lawfulBasisLabels[a.lawfulBasis] },
          { label: 'Special category condition', value: a.specialCategoryCondition ? article9ConditionLabels[a.specialCategoryCondition] : 'None' },
          { label: 'Legislation', value: a.legislation ?? '—' },
          { label: 'Status', value: agreementStatusLabels[a.status] },
          { label: 'Starts on', value: dayText(a.startsOn) },
          { label: 'Review by', value: dayText(a.reviewOn) },
          { label: 'Ends on', value: dayText(a.endsOn) },
          {
            label: 'Parties',
            value: (
              <List size="sm">
                {a.parties.map((p) => (
                  <List.Item key={p.organisation.id}>
                    {p.organisation.name}
                    {p.signedOn ? `: signed ${dayText(p.signedOn)}${p.signatory ? ` by ${p.signatory}` : ''}` : ': not signed yet'}
                  </List.Item>
                ))}
              </List>
            ),
          },
          { label: 'Last changed', value: formatDateTime(a.updatedAt) },
        ]}
      />
    </Stack>
  );
}

/** One agreement; its keepers change it here. */
export function AgreementPage() {
  const { id = '' } = useParams();
  const query = useAgreement(id);
  const [editing, setEditing] = useState(false);
  const a = query.data;
  return (
    <Page
      title={a?.title ?? 'Sharing agreement'}
      actions={a?.permissions.canEdit && !editing && <Button onClick={() => setEditing(true)}>Change</Button>}
    >
      <Anchor component={Link} to="/data-protection/agreements" size="sm">
        All sharing agreements
      </Anchor>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the agreement" />
      {a && (editing ? <AgreementForm key={a.version} current={a} onDone={() => setEditing(false)} /> : <Summary a={a} />)}
      {a && !editing && <SignedDocument agreement={a} />}
    </Page>
  );
}
