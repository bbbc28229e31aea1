import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from '@playwright/test';
import { DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// An organisation's administrator connects one of its systems: adds a webhook aimed at a receiver
// this test runs on 127.0.0.1 (the journeys' server allows private targets), sends a test, reads
// the delivery log, turns the hook off and on again, and deletes it.

const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

test('an organisation admin adds a webhook, tests it and reads its delivery log', async ({ page, checkA11y }) => {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/journey-${Date.now().toString(36)}`;
  const secret = 'journey-secret-long-enough';
  try {
    await openAs(page, DEMO_USERS.policeAdmin);
    await page.goto('/admin/webhooks');
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
    await checkA11y(page);

    await page.getByRole('button', { name: 'Add a webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a webhook' });
    await field(dialog, 'URL').fill(url);
    await dialog.getByRole('checkbox', { name: /A task is set or reassigned/ }).check();
    await dialog.getByRole('checkbox', { name: /A referral arrives/ }).check();
    // Too short a secret is refused at the field.
    await field(dialog, 'Secret').fill('short');
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    await expect(field(dialog, 'Secret')).toHaveAccessibleDescription(/must be at least 16 characters/);
    await checkA11y(page);
    await field(dialog, 'Secret').fill(secret);
    await dialog.getByRole('button', { name: 'Add webhook' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Webhook' })).toBeVisible();
    await expect(page.getByText(url)).toBeVisible();
    await page.getByRole('button', { name: 'Send a test' }).click();
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
    const [ping] = received;
    expect(ping!.headers['x-concord-signature']).toBe(`sha256=${createHmac('sha256', secret).update(ping!.body).digest('hex')}`);
    expect(JSON.parse(ping!.body)).toMatchObject({ event: 'ping', record: { type: 'webhook' } });

    const log = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Outcome' }) });
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect(log.getByRole('row').nth(1)).toContainText('Delivered', { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(log.getByRole('row').nth(1)).toContainText('200');
    await checkA11y(page);

    await page.getByRole('button', { name: 'Turn off' }).click();
    await expect(page.getByRole('button', { name: 'Turn back on' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send a test' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Turn back on' }).click();
    await expect(page.getByRole('button', { name: 'Send a test' })).toBeVisible();

    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit the webhook' });
    await expect(edit.getByRole('checkbox', { name: /A task is set or reassigned/ })).toBeChecked();
    await checkA11y(page);
    await edit.getByRole('checkbox', { name: /A task is completed/ }).check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toHaveCount(0);
    await expect(page.getByText('A task is completed (task.completed)')).toBeVisible();

    await page.getByRole('link', { name: 'All webhooks' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: url }) });
    await expect(row).toContainText('On');
    await expect(row).toContainText('Delivered (200)');
    await row.getByRole('link', { name: url }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete this webhook?' }).getByRole('button', { name: 'Delete webhook' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
    await expect(page.getByRole('link', { name: url })).toHaveCount(0);
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
