import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import type { Statistics } from '../../shared/api/assessments.ts';
import { ChartBars } from './ChartBars.tsx';
import { bandBadge } from './ChartStyle.ts';

const caption = { captionSide: 'top', textAlign: 'left', fontWeight: 600, paddingBottom: 6 } as const;

export function StatisticsBands({ data }: { data: Statistics }) {
  const summary = `Completed assessments by final band: ${data.bands.map((b) => `${b.label} ${b.count}`).join(', ')}.`;
  return (
    <section aria-labelledby="stat-bands">
      <Title order={2} size="h3" mb="sm" id="stat-bands">
        Counts by band
      </Title>
      {data.bands.length === 0 ? (
        <Text>This template has no bands.</Text>
      ) : (
        <Stack gap="sm">
          <ChartBars bars={data.bands} label={summary} />
          <Table withTableBorder maw={420} fz="sm">
            <caption style={caption}>Completed assessments by final band</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Band</Table.Th>
                <Table.Th scope="col">Assessments</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.bands.map((b) => (
                <Table.Tr key={b.label}>
                  <Table.Th scope="row">
                    <Badge color={bandBadge[b.colour]} variant="light">
                      {b.label}
                    </Badge>
                  </Table.Th>
                  <Table.Td>{b.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </section>
  );
}

export function StatisticsMovement({ data }: { data: Statistics }) {
  return (
    <section aria-labelledby="stat-movement">
      <Title order={2} size="h3" mb="sm" id="stat-movement">
        Movement between first and latest assessment
      </Title>
      {data.movement.length === 0 ? (
        <Text>No one in this range has been assessed more than once with a band.</Text>
      ) : (
        <Table withTableBorder maw={520} fz="sm">
          <caption style={caption}>People by band at their first and latest assessment in the range</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">From</Table.Th>
              <Table.Th scope="col">To</Table.Th>
              <Table.Th scope="col">People</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.movement.map((m) => (
              <Table.Tr key={`${m.from}-${m.to}`}>
                <Table.Td>{m.from}</Table.Td>
                <Table.Td>
                  <span aria-hidden="true">→ </span>
                  {m.to}
                </Table.Td>
                <Table.Td>{m.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

export function StatisticsAnswers({ data }: { data: Statistics }) {
  return (
    <section aria-labelledby="stat-answers">
      <Title order={2} size="h3" mb="sm" id="stat-answers">
        Answers to each question
      </Title>
      {data.questions.length === 0 && <Text>This template has no questions answered by choosing or rating.</Text>}
      <Stack gap="md">
        {data.questions.map((q) => {
          const total = q.answers.reduce((n, a) => n + a.count, 0);
          return (
            <Table key={q.key} withTableBorder maw={640} fz="sm">
              <caption style={caption}>{q.text}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Answer</Table.Th>
                  <Table.Th scope="col">Count</Table.Th>
                  <Table.Th scope="col">Share</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.answers.map((a) => (
                  <Table.Tr key={a.value}>
                    <Table.Th scope="row" fw={400}>
                      {a.label}
                    </Table.Th>
                    <Table.Td>{a.count}</Table.Td>
                    <Table.Td>{total === 0 ? '—' : `${Math.round((a.count / total) * 100)}%`}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          );
        })}
      </Stack>
    </section>
  );
}
