import type { Locator, Page } from '@playwright/test';
import { DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// Finding an address from its postcode: the journeys' Concord looks postcodes up in a stand-in
// for OS Places (e2e/fake-os-places.ts), which knows NG24 1AB and its two addresses.

/** A form field by its exact label (Mantine adds a hidden asterisk to required fields). */
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

test.beforeEach(async ({ page }) => {
  // No internet in the journeys: the tiles fail, the marker must still show.
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
});

test('a practitioner finds the address from its postcode, which fills the position and UPRN', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.police);
  await page.goto('/locations/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Add a location' })).toBeVisible();
  // The button comes with the settings; typing before it would be typing into a field about to be re-laid out.
  const find = page.getByRole('button', { name: 'Find address' });
  await expect(find).toBeVisible();
  // The finder's announcement is the form's first status; a failure then shows what it said instead.
  const said = page.getByRole('main').getByRole('status').first();

  await field(page, 'Postcode').fill('ng24 1zz');
  await find.click();
  await expect(said).toHaveText('NG24 1ZZ was not found. Check the postcode, or enter the address by hand.');

  await field(page, 'Postcode').fill('ng241ab');
  await find.click();
  await expect(said).toHaveText('2 addresses at NG24 1AB. Choose one from the list.');
  const list = page.getByRole('combobox', { name: 'Addresses at NG24 1AB' });
  // The list takes focus, so the keyboard carries straight on to choosing.
  await expect(list).toBeFocused();
  await expect(field(page, 'Latitude')).toHaveValue(/^53\.0765/);
  await checkA11y(page);

  await list.selectOption({ label: 'The Old Bank, 14 Market Place, Newark' });
  await expect(said).toHaveText('Address filled in: The Old Bank, 14 Market Place, Newark.');
  await expect(field(page, 'Address line 1')).toHaveValue('The Old Bank, 14 Market Place');
  await expect(field(page, 'Town or city')).toHaveValue('Newark');
  await expect(field(page, 'Postcode')).toHaveValue('NG24 1AB');
  await expect(field(page, 'Latitude')).toHaveValue('53.076633');
  await expect(field(page, 'Longitude')).toHaveValue('-0.808512');
  await expect(field(page, 'UPRN')).toHaveValue('100031234568');
  await expect(page.getByRole('region', { name: 'Map for choosing the position' }).locator('.leaflet-marker-icon')).toHaveCount(1);

  await page.getByRole('button', { name: 'Add location' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The Old Bank, 14 Market Place, Newark, NG24 1AB' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('100031234568');
  await expect(page.getByRole('main')).toContainText('53.076633, -0.808512');
});
