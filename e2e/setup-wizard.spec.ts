import type { Locator, Page } from '@playwright/test';
import { DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// Onboarding a partnership in under an hour: a system administrator sets up a new partnership of
// six organisations, twelve teams and twelve administrators with the wizard, from pasted lists,
// and the checklist shows what is left. The journey prints how many pages were submitted and how
// long it took (the figures of the note).

const stamp = Date.now().toString(36);
const partnership = `Shire ${stamp} Community Safety Partnership`;
const organisations = [
  ['Shire Police', 'police'],
  ['Shire District Council', 'council'],
  ['Shire Homes', 'housing'],
  ['Shire Fire and Rescue', 'fire'],
  ['Shire Probation', 'probation'],
  ['Shire Women\'s Aid', 'charity'],
].map(([name, kind]) => [`${name} ${stamp}`, kind] as const);
const teamNames = [['ASB team', 'Neighbourhood team'], ['Community Safety team', 'Environmental Health'], ['Tenancy team', 'Income team'],
  ['Prevention team', 'Arson team'], ['Offender Management', 'Approved Premises'], ['IDVA team', 'Outreach']];
const teams = organisations.flatMap(([organisation], i) => teamNames[i]!.map((team) => `${organisation} / ${team}`));
// Ten team administrators, an organisation administrator (who covers both of their
// organisation's teams) and the partnership's own first system administrator.
const admins = teams.map((team, i) => {
  const role = i === 10 ? ', organisation administrator' : i === 11 ? ', system administrator' : '';
  return `Admin ${i + 1} ${stamp}, admin${i + 1}.${stamp}@shire.test, ${team}${role}`;
});

/** A form field by its exact label (Mantine adds a hidden asterisk to required fields). */
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

test('a system administrator sets up a partnership of 6 organisations, 12 teams and 12 administrators', async ({ page, checkA11y }) => {
  test.setTimeout(180_000);
  await openAs(page, DEMO_USERS.admin);
  let submitted = 0;
  let axeMs = 0;
  const a11y = async () => {
    const started = Date.now();
    await checkA11y(page);
    axeMs += Date.now() - started;
  };
  const save = async () => {
    submitted += 1;
    await page.getByRole('button', { name: 'Save and continue' }).click();
  };
  const began = Date.now();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Set up a partnership' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up a partnership' })).toBeFocused();
  await a11y();
  await field(page, 'Name of the new partnership').fill(partnership);
  submitted += 1;
  await page.getByRole('button', { name: 'Start setting it up' }).click();

  // Organisations: a list with a repeated line is refused whole, naming the line.
  await expect(page.getByRole('heading', { level: 1, name: `Organisations: ${partnership}` })).toBeVisible();
  const list = [...organisations.map(([name, kind]) => `${name}, ${kind}`)];
  await field(page, 'Organisations').fill([...list.slice(0, 3), list[0], ...list.slice(3)].join('\n'));
  await save();
  await expect(page.getByRole('alert', { name: 'Nothing was saved' })).toContainText('1 line has a problem, so nothing was saved.');
  await expect(field(page, 'Organisations')).toHaveAccessibleDescription(new RegExp(`line 4: duplicate organisation name "${organisations[0]![0]}" \\(also on line 1\\)`));
  await a11y();
  await field(page, 'Organisations').fill(list.join('\n'));
  await save();

  await expect(page.getByRole('heading', { level: 1, name: `Teams: ${partnership}` })).toBeVisible();
  await field(page, 'Teams').fill(teams.join('\n'));
  await save();

  await expect(page.getByRole('heading', { level: 1, name: `Administrators: ${partnership}` })).toBeVisible();
  await a11y();
  await field(page, 'Administrators').fill(admins.join('\n'));
  await save();

  await expect(page.getByRole('heading', { level: 1, name: `Lists: ${partnership}` })).toBeVisible();
  await page.getByLabel('Copy the lists of').selectOption({ label: 'Demo County Community Safety Partnership' });
  await save();

  await expect(page.getByRole('heading', { level: 1, name: `Case types: ${partnership}` })).toBeVisible();
  const [police, council, housing, , , charity] = organisations.map(([name]) => name);
  await field(page, 'Default sharing of case types').fill([
    `ASB, ${police}, edit`, `ASB, ${council}, edit`, `ASB, ${housing}, view`,
    `MARAC, ${police}, view`, `MARAC, ${charity}, edit`,
  ].join('\n'));
  await save();

  await expect(page.getByRole('heading', { level: 1, name: `Sharing agreement: ${partnership}` })).toBeVisible();
  await a11y();
  await field(page, 'Purpose').fill('Tackling anti-social behaviour and protecting vulnerable people together');
  await field(page, 'Starts on').fill('2026-01-01');
  await field(page, 'Review on').fill('2027-01-01');
  await field(page, 'Signatures').fill(organisations.map(([name], i) => `${name}, Signatory ${i + 1}`).join('\n'));
  await save();

  // The checklist: everything done but the administrators' accepting their invitations.
  await expect(page.getByRole('heading', { level: 1, name: `Checklist: ${partnership}` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'still to do' })).toHaveText('1 of 9 still to do.');
  const accepted = page.getByRole('row', { name: /Every administrator has accepted/ });
  await expect(accepted).toContainText('To do');
  await expect(accepted).toContainText('12 of 12 have not yet chosen a password');
  await expect(page.getByRole('row', { name: /Every team has an administrator invited/ })).toContainText('12 administrators invited');
  const seconds = (Date.now() - began) / 1000;
  await a11y();

  // Keyboard: the checklist's first item takes you to its step.
  await page.getByRole('link', { name: 'Organisations added' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Organisations: ${partnership}` })).toBeVisible();
  await expect(page.getByRole('link', { name: /^2\. Organisations/ })).toHaveAttribute('aria-current', 'step');

  // Every administrator had the usual invitation email.
  const outbox = (await (await page.request.get('/api/v1/outbox?limit=100')).json()) as { items: { recipient: string; subject: string }[] };
  expect(outbox.items.filter((m) => m.recipient.endsWith(`.${stamp}@shire.test`) && m.subject === 'Your Concord account')).toHaveLength(12);

  console.log(`setup wizard: ${submitted} pages submitted (${submitted - 1} without the corrected list), ${seconds.toFixed(1)} s end to end, ${(seconds - axeMs / 1000).toFixed(1)} s without the axe checks`);
});
