import type { ReactNode } from 'react';
import { Anchor, SimpleGrid, Text, VisuallyHidden } from '@mantine/core';
import type { BreakdownRow, Overview } from '../../shared/api/insights.ts';
import { overviewTableLabels, type OverviewTable } from '../../shared/insights.ts';
import { profileRoleLabels, riskLevelLabels, type ProfileRole, type RiskLevel } from '../../shared/records.ts';
import { Section } from '../records/Section.tsx';
import { overviewCsvHref } from './api.ts';
import { Bars, chartColours, Donut } from './Charts.tsx';
import { FigureTable } from './FigureTable.tsx';
import type { Filters } from './filters.ts';
import classes from './Insights.module.css';

interface Props {
  data: Overview;
  filters: Filters;
}

interface SectionProps {
  table: OverviewTable;
  filters: Filters;
  /** Said instead of the chart and table when there is nothing to count. */
  empty: string | null;
  intro?: string;
  children: ReactNode;
}

/** One of the dashboard's tables: its chart, the same figures as a table, and the table as CSV. */
function FigureSection({ table, filters, empty, intro, children }: SectionProps) {
  const title = overviewTableLabels[table];
  return (
    <Section
      title={title}
      actions={
        <Anchor href={overviewCsvHref(table, filters)} download size="sm">
          Export CSV<VisuallyHidden> ({title})</VisuallyHidden>
        </Anchor>
      }
    >
      {intro && <Text size="sm">{intro}</Text>}
      {empty ? <Text>{empty}</Text> : children}
    </Section>
  );
}

const beside = { base: 1, lg: 2 } as const;
const summary = (title: string, rows: { label: string; count: number }[]) => `${title}: ${rows.map((r) => `${r.label} ${r.count}`).join(', ')}.`;

/** The headline figures, named as the spreadsheet's Summary sheet names them. */
export function Headlines({ data, filters }: Props) {
  const figures: [string, number][] = [
    ['People recorded', data.profiles],
    ['Victims recorded', data.victims],
    ['Perpetrators recorded', data.perpetrators],
    ['Cases opened', data.cases],
    ['Cases open at the end', data.openCases],
    ['Repeat victims', data.repeatVictims],
    ['Risk level down from high', data.riskMovement.down],
    ['Risk level up to high', data.riskMovement.up],
  ];
  return (
    <FigureSection table="summary" filters={filters} empty={null}>
      <dl className={classes.cards}>
        {figures.map(([label, value]) => (
          <div key={label} className={classes.card}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </FigureSection>
  );
}

export function CasesByType({ data, filters }: Props) {
  const rows = data.casesByType.map((c) => ({ label: c.caseType.name, opened: c.opened, closed: c.closed, open: c.open }));
  const label = `Cases by type: ${rows.map((r) => `${r.label} ${r.opened} opened, ${r.closed} closed, ${r.open} open at the end`).join('; ')}.`;
  return (
    <FigureSection table="cases-by-type" filters={filters} empty={rows.length === 0 ? 'No cases opened, closed or still open in this period.' : null}>
      <SimpleGrid cols={beside} spacing="lg">
        <Bars
          rows={rows}
          label={label}
          series={[
            { name: 'opened', label: 'Opened', color: chartColours.first },
            { name: 'closed', label: 'Closed', color: chartColours.second },
            { name: 'open', label: 'Open at the end', color: chartColours.third },
          ]}
        />
        <FigureTable
          title="Cases by type"
          columns={['Case type', 'Opened', 'Closed', 'Open at the end']}
          rows={rows.map((r) => ({ key: r.label, cells: [r.label, r.opened, r.closed, r.open] }))}
        />
      </SimpleGrid>
    </FigureSection>
  );
}

const levelName = (level: RiskLevel | null) => (level ? riskLevelLabels[level] : 'Not assessed');

export function RiskMovement({ data, filters }: Props) {
  const { up, down } = data.riskMovement;
  const none = data.riskChanges.length === 0;
  return (
    <FigureSection
      table="risk-movement"
      filters={filters}
      intro={none ? undefined : `${down} ${down === 1 ? 'change' : 'changes'} down from high risk and ${up} up to high risk in the period.`}
      empty={none ? 'No risk level changed in this period.' : null}
    >
      <FigureTable
        title="Changes of risk level"
        columns={['From', 'To', 'Changes']}
        rows={data.riskChanges.map((c) => ({ key: `${c.from}-${c.to}`, cells: [levelName(c.from), levelName(c.to), c.count] }))}
      />
    </FigureSection>
  );
}

interface BreakdownProps {
  filters: Filters;
  table: 'vulnerabilities' | 'age-bands' | 'genders' | 'ethnicities';
  rows: (BreakdownRow & { group?: string | null })[];
  column: string;
  empty: string;
}

function peopleIntro(role: string | undefined) {
  const label = role && role in profileRoleLabels ? profileRoleLabels[role as ProfileRole].toLowerCase() : null;
  return label ? `People recorded in the period with the role ${label}.` : 'People recorded in the period.';
}

/** The people added in the period by one of their details, of one role when the filter says so. */
export function Breakdown({ filters, table, rows, column, empty }: BreakdownProps) {
  const title = overviewTableLabels[table];
  const withGroups = rows.some((r) => r.group);
  const nothing = rows.length === 0 || rows.every((r) => r.count === 0);
  return (
    <FigureSection table={table} filters={filters} intro={nothing ? undefined : peopleIntro(filters.role)} empty={nothing ? empty : null}>
      <SimpleGrid cols={beside} spacing="lg">
        <Bars rows={rows.map((r) => ({ label: r.label, count: r.count }))} series={[{ name: 'count', label: 'People', color: chartColours.first }]} label={summary(title, rows)} />
        <FigureTable
          title={title}
          columns={withGroups ? [column, 'Group', 'People'] : [column, 'People']}
          rows={rows.map((r) => ({ key: r.key, cells: withGroups ? [r.label, r.group ?? '—', r.count] : [r.label, r.count] }))}
        />
      </SimpleGrid>
    </FigureSection>
  );
}

export function Tasks({ data, filters }: Props) {
  const t = data.tasks;
  const slices = [
    { name: 'Completed on time', value: t.completedOnTime, color: 'green.8' },
    { name: 'Completed late', value: t.completedLate, color: chartColours.second },
    { name: 'Still open', value: t.stillOpen, color: chartColours.first },
  ];
  return (
    <FigureSection table="tasks" filters={filters} empty={t.due === 0 ? 'No tasks due in this period.' : null}>
      <SimpleGrid cols={beside} spacing="lg">
        <Donut slices={slices} total={t.due} label={`Tasks: ${t.due} due in the period; ${slices.map((s) => `${s.name.toLowerCase()} ${s.value}`).join(', ')}.`} />
        <FigureTable
          title="Tasks due in the period"
          columns={['Tasks', 'Number']}
          rows={[{ key: 'due', cells: ['Due in the period', t.due] }, ...slices.map((s) => ({ key: s.name, cells: [s.name, s.value] }))]}
        />
      </SimpleGrid>
    </FigureSection>
  );
}

export function Assessments({ data, filters }: Props) {
  const rows = data.assessmentsByBand.map((a) => ({ key: `${a.template.id}-${a.band}`, template: a.template.name, band: a.band, count: a.count }));
  return (
    <FigureSection table="assessments" filters={filters} empty={rows.length === 0 ? 'No assessments completed in this period.' : null}>
      <SimpleGrid cols={beside} spacing="lg">
        <Bars
          rows={rows.map((r) => ({ label: `${r.template}: ${r.band}`, count: r.count }))}
          series={[{ name: 'count', label: 'Completed', color: chartColours.first }]}
          label={summary('Completed assessments by band', rows.map((r) => ({ label: `${r.template} ${r.band}`, count: r.count })))}
        />
        <FigureTable title="Completed assessments by band" columns={['Assessment', 'Band', 'Completed']} rows={rows.map((r) => ({ key: r.key, cells: [r.template, r.band, r.count] }))} />
      </SimpleGrid>
    </FigureSection>
  );
}
