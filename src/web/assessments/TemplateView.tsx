import { Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Template } from '../../shared/api/assessments.ts';
import { adjustmentRuleLabels } from '../../shared/assessments.ts';
import { riskLevelLabels } from '../../shared/records.ts';
import { bandBadge } from './ChartStyle.ts';
import { TemplateQuestionSummary } from './TemplateQuestionSummary.tsx';

/** A template as it reads: its questions with kinds, options and scores, conditions, bands, thresholds and rules. */
export function TemplateView({ template }: { template: Template }) {
  const textOf = new Map(template.sections.flatMap((s) => s.questions).map((q) => [q.key, q]));
  const firstNumber = template.sections.map((_, i) => template.sections.slice(0, i).reduce((n, s) => n + s.questions.length, 1));
  return (
    <Stack gap="lg">
      {template.sections.map((section, s) => (
        <section key={section.title} aria-label={section.title}>
          <Title order={2} size="h3" mb="sm">
            {section.title}
          </Title>
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {section.questions.map((q, i) => {
              const number = firstNumber[s]! + i;
              const source = q.condition ? textOf.get(q.condition.questionKey) : undefined;
              return (
                <Paper key={q.key} withBorder p="sm" component="li">
                  <Group gap="xs" mb={4}>
                    <Text fw={700}>Question {number}</Text>
                    {q.required && <Badge color="red" variant="light">Required</Badge>}
                    <Badge variant="light" color={q.questionId ? 'blue' : 'grape'}>
                      {q.questionId ? 'From the bank' : "The team's own wording"}
                    </Badge>
                  </Group>
                  <TemplateQuestionSummary question={q} showText />
                  {q.condition && (
                    <Text size="sm" mt={4} fs="italic">
                      Shown only when “{source?.text ?? q.condition.questionKey}” is answered{' '}
                      {q.condition.values.map((v) => source?.options.find((o) => o.value === v)?.label ?? v).join(' or ')}.
                    </Text>
                  )}
                </Paper>
              );
            })}
          </Stack>
        </section>
      ))}
      <section aria-labelledby="template-results">
        <Title order={2} size="h3" mb="sm" id="template-results">
          Scoring and results
        </Title>
        <Stack gap="sm">
          <Text>{template.scoring === 'sum' ? 'The score is the sum of the options chosen (and the ratings).' : 'This template is not scored.'}</Text>
          {template.bands.length > 0 && (
            <Table withTableBorder fz="sm">
                <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>Bands</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Band</Table.Th>
                    <Table.Th scope="col">Scores</Table.Th>
                    <Table.Th scope="col">Risk level it sets</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {template.bands.map((b) => (
                    <Table.Tr key={b.label}>
                      <Table.Th scope="row">
                        <Badge color={bandBadge[b.colour]} variant="light">
                          {b.label}
                        </Badge>
                      </Table.Th>
                      <Table.Td>{b.max === null ? `${b.min} and above` : `${b.min} to ${b.max}`}</Table.Td>
                      <Table.Td>{b.riskLevel ? riskLevelLabels[b.riskLevel] : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
          )}
          {template.thresholds.length > 0 && (
            <div>
              <Text fw={600}>Thresholds</Text>
              <List size="sm">
                {template.thresholds.map((t) => (
                  <List.Item key={`${t.min}-${t.label}`}>
                    A score of {t.min} or more: {t.label}
                    {t.followUp ? ` (the record is flagged until “${t.followUp}” is completed)` : ''}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          <Text>Adjustment: {adjustmentRuleLabels[template.adjustment]}.</Text>
          {template.setsRiskLevel && <Text>The latest completed assessment sets the profile's risk level.</Text>}
          <Text>Reviews are compared as {template.chart === 'wheel' ? 'a wheel of each rating' : 'a line of scores over time'}.</Text>
          {template.family && <Text>Family members are pulled through from the profile's relationships or the case's people.</Text>}
        </Stack>
      </section>
    </Stack>
  );
}
