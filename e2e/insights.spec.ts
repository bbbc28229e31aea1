import ExcelJS from 'exceljs';
import { apiAs, DEMO_USERS, expect, openAs, resizeTo, test } from './fixtures.ts';

// Insights, as the seeds ask for them: a manager sees a period's figures for an area, takes them
// away as a spreadsheet for the board, and sees where reports gather on a map.

const stamp = Date.now().toString(36);
// No other journey records anything in this district, so the figures below are this journey's alone.
const district = 'TR19';

/** A date some days from today in London, as the forms and the API take dates. */
function londonDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

test.beforeEach(async ({ page }) => {
  // No internet in the journeys: map tiles fail, the pages must still work.
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
});

test('a manager reads a period\'s figures for an area, downloads them as a spreadsheet and finds the hotspots', async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(120_000);
  const police = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const victimName = `Morwenna Harbour${stamp}`;
  const victim = (await police.send('POST', '/profiles', {
    firstName: 'Morwenna', lastName: `Harbour${stamp}`, reasonCreated: 'Stones thrown at her windows most nights', roles: ['victim'], gender: 'female',
    addresses: [{ addressLine1: '3 Quay Row', town: 'Penzance', postcode: 'TR19 7AA' }], confirmNoDuplicate: true,
  })) as { id: string };
  await police.send('POST', '/profiles', {
    firstName: 'Jago', lastName: `Harbour${stamp}`, reasonCreated: 'Named by neighbours for the stone throwing', roles: ['perpetrator'], gender: 'male',
    addresses: [{ addressLine1: '9 Quay Row', town: 'Penzance', postcode: 'TR19 7AB' }], confirmNoDuplicate: true,
  });
  const placeName = `Harbour Steps ${stamp}`;
  const place = (await police.send('POST', '/locations', {
    kind: 'public_space', name: placeName, addressLine1: 'Quay Row', town: 'Penzance', postcode: 'TR19 7AD', latitude: 50.07, longitude: -5.69, confirmNoDuplicate: true,
  })) as { id: string };
  // A few steps away: on the street map the two places first show as one cluster.
  const wall = (await police.send('POST', '/locations', {
    kind: 'public_space', name: `Harbour Wall ${stamp}`, addressLine1: 'Harbour Wall', town: 'Penzance', postcode: 'TR19 7AD', latitude: 50.07003, longitude: -5.69004, confirmNoDuplicate: true,
  })) as { id: string };
  const unplaced = `Chapel Slip ${stamp}`;
  const other = (await police.send('POST', '/locations', { kind: 'public_space', name: unplaced, addressLine1: 'Chapel Street', town: 'Penzance', postcode: 'TR19 7AE', confirmNoDuplicate: true })) as { id: string };
  // A visit due today, and the matrix completed on her: High, her first risk level.
  const me = (await police.get('/me')) as { id: string };
  await police.send('POST', '/tasks', { title: `Visit Morwenna ${stamp}`, dueOn: londonDay(0), assignee: { userId: me.id }, record: { kind: 'profile', id: victim.id } });
  const matrix = (await police.get('/assessment-templates/asb-risk-matrix')) as { sections: { questions: { key: string; options: { value: string; score: number }[] }[] }[] };
  const answers = Object.fromEntries(matrix.sections.flatMap((q) => q.questions).map((q) => [q.key, [...q.options].sort((a, b) => b.score - a.score)[0]!.value]));
  const draft = (await police.send('POST', '/assessments', { template: 'asb-risk-matrix', subject: { type: 'profile', id: victim.id }, answers })) as { id: string };
  await police.send('POST', `/assessments/${draft.id}/complete`, {});
  // A place the manager's team may not open: counted, never named.
  const hidden = (await police.send('POST', '/locations', { kind: 'public_space', name: `Mole Lane ${stamp}`, addressLine1: 'Mole Lane', town: 'Penzance', postcode: 'TR19 7AF', confirmNoDuplicate: true })) as { id: string };
  const kase = (await police.send('POST', '/cases', { caseType: 'ASB', title: `Stone throwing on Quay Row ${stamp}` })) as { id: string };
  await police.send('POST', `/cases/${kase.id}/profiles`, { profileId: victim.id, role: 'victim' });
  await police.send('POST', `/cases/${kase.id}/locations`, { locationId: place.id });
  const complaint = (days: number, text: string) => ({ reportType: 'asb-complaint', occurredAt: `${londonDay(days)}T21:00:00Z`, body: `<p>${text}</p>`, visibility: 'shared' });
  // Two complaints from her make her a repeat victim and the top caller; the steps are where it happens.
  await police.send('POST', `/profiles/${victim.id}/reports`, complaint(-9, 'Stones at the kitchen window again.'));
  await police.send('POST', `/profiles/${victim.id}/reports`, complaint(-3, 'A stone broke the bedroom window.'));
  for (const days of [-9, -5, -3]) await police.send('POST', `/locations/${place.id}/reports`, complaint(days, 'Youths gathering on the steps throwing stones.'));
  await police.send('POST', `/locations/${other.id}/reports`, complaint(-4, 'Stones thrown from the slip at passing cars.'));
  await police.send('POST', `/locations/${wall.id}/reports`, complaint(-6, 'Stones thrown at the boats from the wall.'));
  await police.send('POST', `/locations/${hidden.id}/reports`, complaint(-2, 'Stones thrown over the wall into the lane.'));
  // Totals count the whole partnership for its administrator; places and people are named only to
  // those who may open them, so the police share these with the administrator's team.
  const admin = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.admin);
  const adminTeam = ((await admin.get('/me')) as { team: { id: string } }).team.id;
  await admin.dispose();
  await police.send('POST', `/profiles/${victim.id}/access`, { teamId: adminTeam, level: 'view' });
  for (const shared of [place, wall, other]) await police.send('POST', `/locations/${shared.id}/access`, { teamId: adminTeam, level: 'view' });
  await police.dispose();

  // The manager opens Insights and narrows it to the last month in the district.
  await openAs(page, DEMO_USERS.admin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill(londonDay(-30));
  await page.getByLabel('To', { exact: true }).fill(londonDay(0));
  await page.getByLabel('Postcode district').fill(district.toLowerCase());
  await page.getByRole('button', { name: 'Show figures' }).click();
  await expect(page).toHaveURL(new RegExp(`postcodeDistrict=${district}`));
  await expect(page.getByRole('status').filter({ hasText: 'Counted over the whole partnership' })).toContainText(`in postcode district ${district}`);

  const figure = (label: string) => page.locator(`dt:text-is("${label}") + dd`);
  await expect(figure('People recorded')).toHaveText('2');
  await expect(figure('Victims recorded')).toHaveText('1');
  await expect(figure('Perpetrators recorded')).toHaveText('1');
  await expect(figure('Cases opened')).toHaveText('1');
  await expect(figure('Repeat victims')).toHaveText('1');
  const cases = page.getByRole('region', { name: 'Cases by type' });
  await expect(cases.getByRole('img', { name: /^Cases by type: ASB 1 opened/ })).toBeVisible();
  await expect(cases.getByRole('table', { name: 'Cases by type' }).getByRole('row', { name: /^ASB/ })).toContainText('1');
  await expect(page.getByRole('region', { name: 'Gender' }).getByRole('table')).toContainText('Female');
  await expect(page.getByRole('region', { name: 'Risk-level movement' }).getByRole('row', { name: /^Not assessed/ })).toContainText('High1');
  const tasks = page.getByRole('region', { name: 'Tasks' });
  await expect(tasks.getByRole('img', { name: 'Tasks: 1 due in the period; completed on time 0, completed late 0, still open 1.' })).toBeVisible();
  const assessments = page.getByRole('region', { name: 'Assessments by band' });
  await expect(assessments.getByRole('img', { name: /^Completed assessments by band: ASB Risk Assessment Matrix High 1/ })).toBeVisible();
  await expect(assessments.getByRole('table')).toContainText('High');
  await expect(cases.getByRole('link', { name: 'Export CSV (Cases by type)' })).toHaveAttribute('href', /overview\.csv\?.*table=cases-by-type/);
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('insights-1366.png'), fullPage: true });
  await resizeTo(page, 390, 844);
  await checkA11y(page);
  await resizeTo(page, 1366, 900);

  // The spreadsheet holds the figures on the screen.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download as spreadsheet (XLSX)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const summary = workbook.getWorksheet('Summary');
  expect(summary, 'the workbook has a Summary sheet').toBeTruthy();
  const rows: unknown[][] = [];
  summary!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const profilesRow = rows.find((r) => r[0] === 'People recorded');
  expect(profilesRow, `a People recorded row in ${JSON.stringify(rows)}`).toBeTruthy();
  expect(Number(profilesRow![1])).toBe(Number(await figure('People recorded').textContent()));
  expect(workbook.getWorksheet('Cases by type')).toBeTruthy();

  // Hotspots: the same period and district, ASB complaints by default.
  await page.getByRole('link', { name: 'Hotspots' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hotspots' })).toBeVisible();
  await expect(page.getByLabel('Postcode district')).toHaveValue(district);
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(londonDay(-30));
  await expect(page.getByLabel('Report type')).toHaveValue('asb-complaint');
  const locations = page.getByRole('region', { name: 'Top locations', exact: true });
  await expect(locations.getByRole('region', { name: 'Map of the top locations' })).toBeVisible();
  const placeRow = locations.getByRole('row').filter({ has: page.getByRole('link', { name: new RegExp(placeName) }) });
  // Three complaints and the case about the steps.
  await expect(placeRow).toContainText('TR19 7AD');
  await expect(placeRow.getByRole('cell').last()).toHaveText('4');
  await expect(locations.getByRole('row').filter({ hasText: unplaced })).toContainText('(no map position)');
  await expect(locations).toContainText('Another place you cannot open accounts for 1 report.');
  const callers = page.getByRole('region', { name: 'Top callers', exact: true });
  await expect(callers.getByRole('row').filter({ has: page.getByRole('link', { name: victimName }) })).toContainText('2');
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('hotspots-1366.png'), fullPage: true });
  await resizeTo(page, 390, 844);
  await checkA11y(page);
  await resizeTo(page, 1366, 900);

  // The cluster sums its places' weight; opening it shows each place, which links to its page.
  const map = locations.getByRole('region', { name: 'Map of the top locations' });
  await map.getByRole('button', { name: '5 reports and cases at 2 places: zoom in' }).click();
  const steps = map.getByRole('button', { name: new RegExp(`^${placeName}.*: 4 reports and cases$`) });
  await expect(steps).toBeVisible();
  await expect(map.getByRole('button', { name: /^Harbour Wall .*: 1 report or case$/ })).toBeVisible();
  await steps.focus();
  await page.keyboard.press('Enter');
  await map.locator('.leaflet-popup').getByRole('link', { name: new RegExp(placeName) }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(placeName) })).toBeVisible();
});

test('a system administrator changes when a record counts as not updated in time', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.admin);
  await page.goto('/admin');
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Insights' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Insight settings' })).toBeVisible();
  const days = page.getByLabel('Days without an update');
  await days.fill('');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Days without an update: give a whole number from 1 to 365');
  await checkA11y(page);
  await days.fill('21');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Insight settings saved.')).toBeVisible();
  await expect(page.getByText(/^Last changed /)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Days without an update')).toHaveValue('21');
  await checkA11y(page);
});
