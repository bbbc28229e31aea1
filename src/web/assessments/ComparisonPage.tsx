import { Link, useParams } from 'react-router';
import { Anchor, Badge, Box, Stack, Table, Text, Title } from '@mantine/core';
import type { Comparison } from '../../shared/api/assessments.ts';
import { formatDate } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { ChartLine } from './ChartLine.tsx';
import { bandBadge } from './ChartStyle.ts';
import { ChartWheel } from './ChartWheel.tsx';
import { answerText } from './AnswerText.ts';
import { useComparison, useTemplate } from './template-api.ts';

type Review = Comparison['items'][number];

const reviewName = (review: Review, n: number) => `Review ${n + 1}, ${formatDate(review.completedAt)}`;

function ComparisonChart({ data }: { data: Comparison }) {
  const template = useTemplate(data.template.id);
  if (data.template.chart === 'wheel') {
    const spokes = data.questions
      .filter((q) => q.kind === 'scale')
      .map((q) => ({ key: q.key, label: q.text, min: q.scale?.min ?? 1, max: q.scale?.max ?? 10 }));
    const series = data.items.map((review, n) => ({
      name: reviewName(review, n),
      values: Object.fromEntries(spokes.map((s) => [s.key, typeof review.answers[s.key] === 'number' ? (review.answers[s.key] as number) : undefined])),
    }));
    const latest = data.items.at(-1);
    const summary = latest
      ? `Wheel of ${spokes.length} ratings over ${data.items.length} reviews. Latest, ${formatDate(latest.completedAt)}: ${spokes
        .map((s) => `${s.label} ${latest.answers[s.key] ?? 'not rated'}`)
        .join(', ')}.`
      : 'No reviews to chart.';
    return <ChartWheel spokes={spokes} series={series} label={summary} />;
  }
  const scored = data.items.filter((i): i is Review & { finalScore: number } => i.finalScore !== null);
  if (scored.length === 0) return <Text>This template is not scored, so there is no chart; the answers are compared below.</Text>;
  const summary = `Final scores over time: ${scored
    .map((i) => `${formatDate(i.completedAt)} ${i.finalScore}${i.finalBand ? ` (${i.finalBand.label})` : ''}`)
    .join(', ')}.`;
  return (
    <ChartLine
      points={scored.map((i) => ({ label: formatDate(i.completedAt), value: i.finalScore, note: i.finalBand?.label ?? null }))}
      bands={template.data?.bands ?? []}
      label={summary}
    />
  );
}

function ComparisonTable({ data }: { data: Comparison }) {
  const sections = [...new Set(data.questions.map((q) => q.section))];
  return (
    // Focusable so keyboard users can scroll the reviews sideways on a narrow screen.
    <Box tabIndex={0} role="region" aria-label="Reviews side by side (scrolls sideways)" style={{ overflowX: 'auto' }}>
      <Table withTableBorder withColumnBorders fz="sm" miw={Math.max(480, 220 + data.items.length * 160)}>
        <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600, paddingBottom: 8 }}>
          Answers, scores and bands of each review, oldest first
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={data.items.length > 2 ? '30%' : '40%'}>
              Question
            </Table.Th>
            {data.items.map((review, n) => (
              <Table.Th scope="col" key={review.id}>
                {reviewName(review, n)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">Assessor</Table.Th>
            {data.items.map((r) => <Table.Td key={r.id}>{r.assessor.name}</Table.Td>)}
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Template version</Table.Th>
            {data.items.map((r) => <Table.Td key={r.id}>{r.templateVersion}</Table.Td>)}
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Score</Table.Th>
            {data.items.map((r) => <Table.Td key={r.id}>{r.score ?? '—'}</Table.Td>)}
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Final score and band</Table.Th>
            {data.items.map((r) => (
              <Table.Td key={r.id}>
                {r.finalScore ?? '—'}{' '}
                {r.finalBand && (
                  <Badge color={bandBadge[r.finalBand.colour]} variant="light">
                    {r.finalBand.label}
                  </Badge>
                )}
              </Table.Td>
            ))}
          </Table.Tr>
          {sections.map((section) => [
            <Table.Tr key={`section-${section}`}>
              <Table.Th scope="colgroup" colSpan={data.items.length + 1} bg="var(--mantine-color-gray-1)">
                {section}
              </Table.Th>
            </Table.Tr>,
            ...data.questions.filter((q) => q.section === section).map((q) => (
              <Table.Tr key={q.key}>
                <Table.Th scope="row" fw={400}>
                  {q.text}
                </Table.Th>
                {data.items.map((r) => <Table.Td key={r.id}>{answerText(q, r.answers[q.key])}</Table.Td>)}
              </Table.Tr>
            )),
          ])}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

export function ComparisonPage() {
  const { id = '' } = useParams();
  const comparison = useComparison(id);
  const data = comparison.data;
  return (
    <Page title={data ? `Compare reviews: ${data.template.name}` : 'Compare reviews'}>
      <Anchor component={Link} to={`/assessments/${id}`}>
        Back to the assessment
      </Anchor>
      <QueryStatus isPending={comparison.isPending} error={comparison.error} onRetry={() => void comparison.refetch()} label="Loading the reviews" />
      {data && (
        <Stack gap="lg">
          <Text>
            {data.items.length === 1
              ? 'There is one completed assessment with this template on the record that you may read.'
              : `${data.items.length} completed assessments with this template on the record that you may read, oldest first.`}
          </Text>
          <section aria-labelledby="comparison-chart">
            <Title order={2} size="h3" id="comparison-chart" mb="sm">
              {data.template.chart === 'wheel' ? 'Ratings as a wheel' : 'Scores over time'}
            </Title>
            <ComparisonChart data={data} />
          </section>
          <section aria-labelledby="comparison-table">
            <Title order={2} size="h3" id="comparison-table" mb="sm">
              Side by side
            </Title>
            <ComparisonTable data={data} />
          </section>
        </Stack>
      )}
    </Page>
  );
}
