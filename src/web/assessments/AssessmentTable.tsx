import { Link } from 'react-router';
import { Anchor, Badge, Box, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { AssessmentSummary } from '../../shared/api/assessments.ts';
import { formatDate } from '../components/format.ts';
import { recordHref } from '../records/kinds.ts';
import { AssessmentScore } from './AssessmentBand.tsx';

interface Props {
  items: AssessmentSummary[];
  caption: string;
  /** On a record's page the record column would only repeat the page. */
  showSubject?: boolean;
}

function SubjectCell({ subject }: { subject: AssessmentSummary['subject'] }) {
  if (subject.title === null) return <>A {subject.type} you cannot open</>;
  return (
    <Anchor component={Link} to={recordHref(subject.type, subject.id)}>
      {subject.title}
    </Anchor>
  );
}

/** Assessments as a table: which, when, by whom, the band and score that count; a list on a phone, where a table would hide the result. */
export function AssessmentTable(props: Props) {
  return (
    <>
      <Box visibleFrom="sm"><WideTable {...props} /></Box>
      <Box hiddenFrom="sm"><NarrowList {...props} /></Box>
    </>
  );
}

function dateOf(a: AssessmentSummary): string {
  return a.status === 'completed' ? formatDate(a.completedAt) : `Saved ${formatDate(a.updatedAt)}`;
}

function NarrowList({ items, caption, showSubject = false }: Props) {
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">{caption}</Text>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((a) => (
          <Paper component="li" key={a.id} withBorder p="sm">
            <Stack gap={4}>
              <Text fw={600} size="sm">
                {a.readable ? <Anchor component={Link} to={`/assessments/${a.id}`}>{a.template.name}</Anchor> : a.template.name}
              </Text>
              {showSubject && <Text size="sm">On <SubjectCell subject={a.subject} /></Text>}
              <Text size="xs" c="dimmed">
                {dateOf(a)} · {(a.assessor ?? a.startedBy)?.name ?? '—'}, {a.team.name}
                {a.reviewOn ? ` · Review by ${formatDate(a.reviewOn)}` : ''}
              </Text>
              {a.readable ? <ResultCell item={a} /> : <Text size="sm">Restricted — {a.team.name}, {formatDate(a.completedAt ?? a.updatedAt)}</Text>}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

function WideTable({ items, caption, showSubject = false }: Props) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table fz="sm" verticalSpacing="xs">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          <Text size="sm" c="dimmed" component="span">{caption}</Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Assessment</Table.Th>
            {showSubject && <Table.Th scope="col">On</Table.Th>}
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">By</Table.Th>
            <Table.Th scope="col">Result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Th scope="row" fw={500}>
                {a.readable ? (
                  <Anchor component={Link} to={`/assessments/${a.id}`}>
                    {a.template.name}
                  </Anchor>
                ) : (
                  a.template.name
                )}
              </Table.Th>
              {showSubject && (
                <Table.Td>
                  <SubjectCell subject={a.subject} />
                </Table.Td>
              )}
              <Table.Td>
                {dateOf(a)}
                {a.reviewOn && <Text size="xs" c="dimmed">Review by {formatDate(a.reviewOn)}</Text>}
              </Table.Td>
              <Table.Td>
                {(a.assessor ?? a.startedBy)?.name ?? '—'}
                <Text size="xs" c="dimmed">{a.team.name}</Text>
              </Table.Td>
              <Table.Td>
                {a.readable ? <ResultCell item={a} /> : <Text size="sm">Restricted — {a.team.name}, {formatDate(a.completedAt ?? a.updatedAt)}</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ResultCell({ item }: { item: AssessmentSummary }) {
  if (item.status === 'draft') return <Badge variant="outline" color="gray" c="dark.6" tt="none">Work in progress</Badge>;
  return (
    <Group gap="xs" wrap="wrap">
      <AssessmentScore score={item.score} finalScore={item.finalScore} band={item.band} finalBand={item.finalBand} />
      {item.adjustmentStatus === 'pending' && (
        <Badge color="yellow" variant="light" c="dark.7" tt="none">Awaiting approval</Badge>
      )}
    </Group>
  );
}
