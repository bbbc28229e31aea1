import { Link, useParams } from 'react-router';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { caseReviewClocks, caseReviewStageLabels } from '../../shared/victim-care.ts';
import { Details } from '../components/Details.tsx';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { Section } from '../records/Section.tsx';
import { useCaseReview } from './api.ts';
import { dayText } from './labels.ts';
import { MoveCaseReviewForm } from './MoveCaseReviewForm.tsx';

const yesNo = (value: boolean | null) => (value === null ? 'Not decided yet' : value ? 'Yes' : 'No');

/**
 * An ASB case review (the community trigger): its steps with their clocks, what was decided, and
 * the next step taken from here. Each step's due date is a reminder for the person who runs it.
 */
export function CaseReviewPage() {
  const { id = '' } = useParams();
  const query = useCaseReview(id);
  const r = query.data;
  if (!r) {
    return (
      <Page title="ASB case review">
        <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the case review" />
      </Page>
    );
  }
  const name = `${r.profile.firstName} ${r.profile.lastName}`;
  return (
    <Page title={`ASB case review: ${name}`}>
      <Details
        items={[
          {
            label: 'Victim',
            value: (
              <Anchor component={Link} to={`/profiles/${r.profile.id}?section=victim-care`} inherit>
                {name}
              </Anchor>
            ),
          },
          { label: 'Run by', value: `${r.owner.name}, ${r.ownerTeam.name}` },
          { label: 'Stage', value: caseReviewStageLabels[r.stage] },
          {
            label: 'Next step',
            value: r.next ? (
              <>
                {caseReviewStageLabels[r.next.stage]}, due {dayText(r.next.dueOn)}{' '}
                {r.next.overdue && (
                  <Badge color="red" variant="filled" component="span">
                    Overdue
                  </Badge>
                )}
              </>
            ) : (
              'Nothing waits on the partnership'
            ),
          },
          { label: 'Threshold met', value: yesNo(r.thresholdMet) },
          ...(r.outcome ? [{ label: 'Outcome', value: <span style={{ whiteSpace: 'pre-wrap' }}>{r.outcome}</span> }] : []),
          ...(r.appealOutcome ? [{ label: 'Outcome of the appeal', value: <span style={{ whiteSpace: 'pre-wrap' }}>{r.appealOutcome}</span> }] : []),
          ...(r.closedReason ? [{ label: 'Why it was closed', value: r.closedReason }] : []),
          { label: 'Opened', value: formatDateTime(r.createdAt) },
        ]}
      />
      <Section title="Steps and their clocks">
        <Text size="sm">
          Each step is due a number of working days after the one before it; {r.owner.name} is reminded on the day it is due.
        </Text>
        <Table.ScrollContainer minWidth={480}>
          <Table fz="sm" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Step</Table.Th>
                <Table.Th scope="col">Due</Table.Th>
                <Table.Th scope="col">Done</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.steps.map((s) => (
                <Table.Tr key={s.stage}>
                  <Table.Th scope="row" fw={500}>
                    {caseReviewStageLabels[s.stage]}
                  </Table.Th>
                  <Table.Td>{dayText(s.dueOn, s.stage in caseReviewClocks ? 'Once the step before is taken' : '—')}</Table.Td>
                  <Table.Td>{dayText(s.doneOn, 'Not yet')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>
      {r.permissions.canChange && r.stage !== 'closed' && (
        <Section title="Take the next step">
          <MoveCaseReviewForm review={r} />
        </Section>
      )}
    </Page>
  );
}
