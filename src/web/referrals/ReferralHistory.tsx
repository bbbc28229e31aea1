import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Referral } from '../../shared/api/referrals.ts';
import { referralStateLabels } from '../../shared/referrals.ts';
import { formatDateTime } from '../components/format.ts';
import { Section } from '../records/Section.tsx';
import { stepText } from './labels.ts';

function InformationRequests({ requests }: { requests: Referral['informationRequests'] }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Questions to the referrer
      </Title>
      <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Questions to the referrer">
        {requests.map((r) => (
          <Paper component="li" key={r.id} withBorder p="sm">
            <Text size="sm" fw={600}>
              {r.question}
            </Text>
            <Text size="xs" c="dimmed">
              Asked by {r.askedBy.name}, {formatDateTime(r.askedAt)}
            </Text>
            {r.answeredAt ? (
              <>
                <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap' }}>
                  {r.answer}
                </Text>
                <Text size="xs" c="dimmed">
                  Answered {formatDateTime(r.answeredAt)}, {r.answeredVia === 'team' ? 'recorded by the team' : 'through the referrer’s link'}
                </Text>
              </>
            ) : (
              <Text size="sm" mt={6}>
                Not answered yet.
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/** Who took a step no one on the desk took: the referrer sent or answered it, another system sent it, or Concord did. */
function stepTaker(e: Referral['events'][number], referral: Referral): string {
  if (e.by) return e.by.name;
  if (e.step === 'received') return referral.channel === 'api' ? 'Another system' : 'The referrer';
  return e.step === 'information-received' ? 'The referrer' : 'Concord';
}

/** Every step the referral has taken, and what was asked of the referrer with their answers. */
export function ReferralHistory({ referral }: { referral: Referral }) {
  return (
    <Section title="History">
      <Table.ScrollContainer minWidth={640}>
        <Table fz="sm" verticalSpacing="xs">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
            <Text size="sm" c="dimmed" component="span">
              Each step, oldest first
            </Text>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Step</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">By</Table.Th>
              <Table.Th scope="col">Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {referral.events.map((e, i) => (
              <Table.Tr key={i}>
                <Table.Td>{formatDateTime(e.at)}</Table.Td>
                <Table.Th scope="row" fw={500}>
                  {stepText(e.step)}
                </Table.Th>
                <Table.Td>{e.from ? `${referralStateLabels[e.from]} → ${referralStateLabels[e.to]}` : referralStateLabels[e.to]}</Table.Td>
                <Table.Td>{stepTaker(e, referral)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{e.reason ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {referral.informationRequests.length > 0 && <InformationRequests requests={referral.informationRequests} />}
    </Section>
  );
}
