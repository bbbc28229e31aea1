import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisclosureLogEntry } from '../../../../shared/api/retention.ts';
import { londonToday } from '../../../platform/london.ts';
import { xlsxType } from '../../../platform/spreadsheet.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createProfile, emails, expectError, loadStructure, share } from '../../sharing/records.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
});
afterAll(() => t.close());

const today = londonToday();

describe('the DPA 2018 s62 log', () => {
  let police: string;
  let person: { id: string };
  let councilOnly: { id: string };

  beforeAll(async () => {
    police = place.organisation('Demo County Police');
    const officer = await t.as(emails.police);
    person = await createProfile(officer);
    expect((await officer.get(`/api/v1/profiles/${person.id}`)).statusCode).toBe(200);
    await share(officer, 'profiles', person.id, { teamId: place.team('Demo District Council/Community Safety team').teamId, level: 'view' });
    expect((await officer.get(`/api/v1/profiles/${person.id}/summary.pdf`)).statusCode).toBe(200);
    const council = await t.as(emails.council);
    councilOnly = await createProfile(council);
    expect((await council.get(`/api/v1/profiles/${councilOnly.id}`)).statusCode).toBe(200);
  });

  it('lists police users\' consultations and disclosures with who, when, the justification and the recipients, and no one else\'s', async () => {
    const admin = await t.as(emails.policeAdmin);
    const response = await admin.get(`/api/v1/disclosure-log?organisationId=${police}&from=${today}&to=${today}&limit=200`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as DisclosureLogEntry[];
    expect(items).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'consultation', action: 'profile.viewed', user: expect.objectContaining({ name: 'Tom Wright' }), record: expect.objectContaining({ type: 'profile', id: person.id }), justification: 'A record their own team holds' }),
      expect.objectContaining({ kind: 'disclosure', action: 'record.shared', record: expect.objectContaining({ id: person.id }), recipients: 'Community Safety team' }),
      expect.objectContaining({ kind: 'disclosure', action: 'profile.summary_exported', record: expect.objectContaining({ id: person.id }) }),
    ]));
    expect(items.some((i) => i.record?.id === councilOnly.id)).toBe(false);
    expect(items.every((i) => i.organisation.id === police)).toBe(true);
    // Paged by cursor.
    const first = (await admin.get(`/api/v1/disclosure-log?organisationId=${police}&from=${today}&to=${today}&limit=1`)).json();
    const second = (await admin.get(`/api/v1/disclosure-log?organisationId=${police}&from=${today}&to=${today}&limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
  });

  it('is exported as CSV and XLSX, and the export is audited', async () => {
    const admin = await t.as(emails.policeAdmin);
    const csv = await admin.get(`/api/v1/disclosure-log.csv?organisationId=${police}&from=${today}&to=${today}`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['OFFICIAL-SENSITIVE', 'DPA 2018 s62 log', 'Date and time,Who,Team,Organisation,Consultation or disclosure,What was done,Record,Reference,Justification,Recipients']);
    expect(csv.body).toContain('Disclosure,record.shared');
    expect(csv.body).toContain('Community Safety team');

    const xlsx = await admin.get(`/api/v1/disclosure-log.xlsx?organisationId=${police}&from=${today}&to=${today}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(xlsxType);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets.find((s) => s.name.startsWith('DPA 2018 s62'))!;
    const values: unknown[] = [];
    sheet.eachRow((row) => values.push(...(row.values as unknown[])));
    expect(values).toContain('record.shared');
    expect(values).toContain('Tom Wright');

    const { rows } = await t.database.pool.query(`select action, details from audit_events where action = 'disclosure_log.exported' order by seq`);
    expect(rows.map((r) => r.details)).toEqual([null, null]);
    expect(rows).toHaveLength(2);
  });

  it('is for the organisation\'s administrators and the partnership\'s system administrators, of police organisations only', async () => {
    expect((await (await t.as(emails.admin)).get(`/api/v1/disclosure-log?organisationId=${police}&from=${today}&to=${today}`)).statusCode).toBe(200);
    expectError(await (await t.as(emails.admin)).get(`/api/v1/disclosure-log?organisationId=${place.organisation('Demo District Council')}&from=${today}&to=${today}`), 422, 'validation_failed');
    expectError(await (await t.as(emails.policeAdmin)).get(`/api/v1/disclosure-log?organisationId=${place.organisation('Demo District Council')}&from=${today}&to=${today}`), 403, 'forbidden');
    expectError(await (await t.as(emails.lead)).get(`/api/v1/disclosure-log?organisationId=${police}&from=${today}&to=${today}`), 403, 'forbidden');
    expectError(await (await t.as(emails.police)).get(`/api/v1/disclosure-log.csv?organisationId=${police}&from=${today}&to=${today}`), 403, 'forbidden');
    // Another partnership's police force does not exist here.
    expectError(await (await t.as(emails.admin)).get(`/api/v1/disclosure-log?organisationId=${place.organisation('Neighbouring County Police')}&from=${today}&to=${today}`), 404, 'not_found');
  });
});
