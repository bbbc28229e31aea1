import type { ImportReport } from '../../src/shared/api/imports.ts';
import { femaleFirstNames, lastNames, maleFirstNames } from '../data/names.ts';
import { streets, streetSuffixes } from '../data/places.ts';
import { csrfOf } from './server.ts';

export interface ImportTiming {
  rows: number;
  dryRunMs: number;
  importMs: number;
  summary: ImportReport['summary'];
}

const header = 'first name,last name,date of birth,gender,roles,vulnerabilities,address line 1,town,postcode,reason created';

/**
 * A partner agency's spreadsheet of people: common names, UK dates, some vulnerabilities and
 * addresses. Each run's file differs (`run`), so that its people are new rather than the ones the
 * last run imported.
 */
function spreadsheet(rows: number, run: number): string {
  const pick = <T>(items: readonly T[], i: number, salt: number) => items[(i * 7919 + salt * 104_729 + run) % items.length]!;
  const lines = Array.from({ length: rows }, (_, i) => {
    const female = i % 2 === 0;
    const day = String(1 + ((i + run) % 28)).padStart(2, '0');
    const month = String(1 + ((i * 5 + run) % 12)).padStart(2, '0');
    const year = 1950 + ((i * 37 + run) % 56);
    return [
      pick(female ? femaleFirstNames : maleFirstNames, i, 1), pick(lastNames, i, 2), `${day}/${month}/${year}`, female ? 'Female' : 'Male',
      i % 3 === 0 ? 'victim' : 'perpetrator', i % 7 === 0 ? 'Mental health; Isolated' : '',
      i % 2 === 0 ? `${1 + (i % 180)} ${pick(streets, i, 3)} ${pick(streetSuffixes, i, 4)}` : '', i % 2 === 0 ? 'Nottingham' : '', i % 2 === 0 ? `NG${1 + (i % 20)} ${i % 10}AB` : '',
      'Transferred from the partner agency register',
    ].join(',');
  });
  return [header, ...lines].join('\n');
}

async function post(url: string, cookie: string, csv: string, dryRun: boolean): Promise<{ ms: number; report: ImportReport }> {
  const started = performance.now();
  const response = await fetch(`${url}/api/v1/profile-imports`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfOf(cookie), 'content-type': 'application/json' },
    body: JSON.stringify({ csv, dryRun }),
  });
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`import (dry run: ${dryRun}) answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
  return { ms, report: (await response.json()) as ImportReport };
}

/** A dry run then the real import of the same file, as a team admin would do it; it adds its new people to the database. */
export async function measureImport(url: string, cookie: string, rows: number): Promise<ImportTiming> {
  const csv = spreadsheet(rows, Math.floor(Date.now() / 1000) % 100_000);
  const dry = await post(url, cookie, csv, true);
  const real = await post(url, cookie, csv, false);
  return { rows, dryRunMs: dry.ms, importMs: real.ms, summary: real.report.summary };
}
