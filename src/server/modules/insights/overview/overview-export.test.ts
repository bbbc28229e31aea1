import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../../../shared/api/insights.ts';
import { overviewTableLabels, overviewTables, protectiveMarking, type OverviewTable } from '../../../../shared/insights.ts';
import { addDays, londonToday } from '../../../platform/london.ts';
import { storedAuditEvents } from '../../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { completed, matrixAllMax } from '../../assessments/assessments.fixtures.ts';
import { createProfile, emails, enrolledUser, expectError, loadStructure } from '../../sharing/records.fixtures.ts';

// The dashboard's files hold exactly the figures its reply gives: each CSV one table, the XLSX
// workbook every table after an "About" sheet, each export audited with what it held.

let t: TestApp;
let admin: Agent;
let adminId: string;
let teamId: string;
const today = londonToday();
const from = addDays(today, -30);
const query = () => new URLSearchParams({ from, to: today, teamId });

beforeAll(async () => {
  t = await startTestApp();
  const place = await loadStructure(t);
  admin = await t.as(emails.admin);
  adminId = (await admin.get('/api/v1/me')).json().id;
  const team = await admin.post('/api/v1/teams', { organisationId: place.organisation('Demo District Council'), name: 'Export test team' });
  expect(team.statusCode, team.body).toBe(201);
  teamId = team.json().id;
  const officer = (await enrolledUser(t, emails.admin, { name: 'Elsie Export', role: 'practitioner', teamId })).agent;
  const victim = await createProfile(officer, { roles: ['victim'], gender: 'female', ethnicity: 'irish', vulnerabilities: ['isolated'], dateOfBirth: '1950-02-03' });
  await createProfile(officer, { roles: ['perpetrator', 'witness'], gender: 'male', approximateAge: 22 });
  await createProfile(officer, { roles: ['witness'] });
  expect((await officer.post('/api/v1/cases', { caseType: 'asb', title: 'Noise' })).statusCode).toBe(201);
  await completed(officer, 'asb-risk-matrix', { type: 'profile', id: victim.id }, matrixAllMax);
});
afterAll(() => t.close());

async function overviewOf(agent: Agent): Promise<Overview> {
  const response = await agent.get(`/api/v1/insights/overview?${query()}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** What each table should hold, read straight from the JSON reply. */
function expectedRows(o: Overview): Record<OverviewTable, (string | number)[][]> {
  const level = (l: string | null) => (l ? l[0]!.toUpperCase() + l.slice(1) : 'Not assessed');
  return {
    summary: [
      ['People recorded', o.profiles], ['Victims recorded', o.victims], ['Perpetrators recorded', o.perpetrators], ['Cases opened', o.cases],
      ['Cases open at the end', o.openCases], ['Repeat victims', o.repeatVictims], ['Risk level up to high', o.riskMovement.up], ['Risk level down from high', o.riskMovement.down],
    ],
    'cases-by-type': o.casesByType.map((c) => [c.caseType.name, c.opened, c.closed, c.open]),
    'risk-movement': o.riskChanges.map((c) => [level(c.from), level(c.to), c.count]),
    vulnerabilities: o.vulnerabilities.map((v) => [v.label, v.count]),
    'age-bands': o.ageBands.map((a) => [a.label, a.count]),
    genders: o.genders.map((g) => [g.label, g.count]),
    ethnicities: o.ethnicities.map((e) => [e.label, e.group ?? '', e.count]),
    tasks: [['Due in the period', o.tasks.due], ['Completed on time', o.tasks.completedOnTime], ['Completed late', o.tasks.completedLate], ['Still open', o.tasks.stillOpen]],
    assessments: o.assessmentsByBand.map((a) => [a.template.name, a.band, a.count]),
  };
}

/** A CSV line's cells (these hold no quotes or commas). */
const cells = (line: string) => line.split(',').map((cell) => (/^\d+$/.test(cell) ? Number(cell) : cell));

describe('the dashboard\'s exports', () => {
  it('give each table as a CSV file with the reply\'s figures, audited', async () => {
    const o = await overviewOf(admin);
    expect(o).toMatchObject({ profiles: 3, victims: 1, perpetrators: 1, cases: 1, openCases: 1, riskChanges: [{ from: null, to: 'high', count: 1 }] });
    const expected = expectedRows(o);
    for (const table of overviewTables) {
      const response = await admin.get(`/api/v1/insights/overview.csv?${query()}&table=${table}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="concord-${table}-${from}-to-${today}.csv"`);
      const [marking, title, _columns, ...rows] = response.body.split('\r\n').slice(0, -1);
      expect([marking, title]).toEqual([protectiveMarking, overviewTableLabels[table]]);
      expect(rows.map(cells)).toEqual(expected[table]);
      const [event] = await storedAuditEvents(t, { actorId: adminId, action: 'insights.exported', limit: 1 });
      expect(event!.details).toEqual({
        view: 'overview', scope: 'partnership', format: 'csv', tables: [table], filters: { from, to: today, teamId, organisationId: null, postcodeDistrict: null, role: null },
      });
    }
    const summary = await admin.get(`/api/v1/insights/overview.csv?${query()}`);
    expect(summary.body.split('\r\n')[1]).toBe('Summary');
  });

  it('give every table as a sheet of an XLSX workbook with the reply\'s figures, audited', async () => {
    const o = await overviewOf(admin);
    const response = await admin.get(`/api/v1/insights/overview.xlsx?${query()}&role=victim`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="concord-dashboard-${from}-to-${today}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(response.rawPayload).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['About', ...overviewTables.map((table) => overviewTableLabels[table])]);

    const about = workbook.getWorksheet('About')!.getColumn(1).values.filter((v) => typeof v === 'string');
    expect(about.slice(0, 2)).toEqual([protectiveMarking, 'Concord dashboard']);
    expect(about).toContain('Partnership: Demo County Community Safety Partnership');
    expect(about).toContain('Team: Export test team');
    expect(about).toContain('Breakdowns of people: Victim');
    expect(about.at(-1)).toMatch(/^Generated \d{1,2} \w+ \d{4} at \d{2}:\d{2} by Sam Administrator$/);

    // The breakdowns are of victims here; the rest is as the reply without a role.
    const victims = (await admin.get(`/api/v1/insights/overview?${query()}&role=victim`)).json() as Overview;
    expect({ ...victims, vulnerabilities: null, ageBands: null, genders: null, ethnicities: null })
      .toEqual({ ...o, vulnerabilities: null, ageBands: null, genders: null, ethnicities: null });
    const expected = expectedRows(victims);
    for (const table of overviewTables) {
      const sheet = workbook.getWorksheet(overviewTableLabels[table])!;
      expect(sheet.headerFooter.oddHeader).toContain(protectiveMarking);
      const rows = sheet.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1));
      expect(rows).toEqual(expected[table]);
    }
    expect(expected.genders.filter(([, count]) => count !== 0)).toEqual([['Female', 1]]);

    const [event] = await storedAuditEvents(t, { actorId: adminId, action: 'insights.exported', limit: 1 });
    expect(event!.details).toEqual({
      view: 'overview', scope: 'partnership', format: 'xlsx', tables: [...overviewTables], filters: { from, to: today, teamId, organisationId: null, postcodeDistrict: null, role: 'victim' },
    });
  });

  it('are refused for another partnership\'s team and a table that is not one', async () => {
    const other = await t.as(emails.other);
    expectError(await other.get(`/api/v1/insights/overview.xlsx?${query()}`), 422, 'validation_failed');
    expectError(await other.get(`/api/v1/insights/overview.csv?${query()}`), 422, 'validation_failed');
    expectError(await admin.get(`/api/v1/insights/overview.csv?${query()}&table=people`), 422, 'validation_failed');
    expectError(await admin.get(`/api/v1/insights/overview.xlsx?${query()}&table=summary`), 422, 'validation_failed');
  });
});
