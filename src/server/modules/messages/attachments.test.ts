import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageAttachment } from '../../../shared/api/portal.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { pdfBytes, upload } from '../documents/documents.fixtures.ts';
import { emails, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { clientOf, conversation, send, staffPath, type Structure } from './messages.fixtures.ts';

let t: TestApp;
let structure: Structure;
beforeAll(async () => {
  t = await startTestApp();
  structure = await loadStructure(t);
});
afterAll(() => t.close());

async function attach(agent: Agent, url: string, bytes: Buffer, fileName = 'letter.pdf'): Promise<MessageAttachment> {
  const response = await upload(agent, `${url}?fileName=${encodeURIComponent(fileName)}`, bytes);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const storedFileCount = async () => Number((await t.database.pool.query('select count(*) from stored_files')).rows[0].count);

describe('attachments', () => {
  it('strips a photo\'s metadata, GPS position included, before the team downloads it', async () => {
    const { person, client } = await clientOf(t, structure);
    const police = await t.as(emails.police);
    const photo = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#884422' } })
      .png()
      .withExifMerge({ IFD0: { Artist: 'Victim Name' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 57/1 0/1', GPSMapDatum: 'WGS-84' } })
      .toBuffer();
    const file = await attach(client, '/api/v1/portal/attachments', photo, 'door.png');
    expect(file).toMatchObject({ name: 'door.png', contentType: 'image/png' });
    const message = await send(client, '/api/v1/portal/messages', 'This is the door', [file.id]);
    expect(message.attachments).toEqual([file]);
    expect((await conversation(police, staffPath(person.id))).items[0]!.attachments).toEqual([file]);

    const download = await police.get(staffPath(person.id, `attachments/${file.id}`));
    expect(download.statusCode, download.body).toBe(200);
    expect(download.headers).toMatchObject({
      'content-type': 'image/png', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store',
      'content-disposition': 'attachment; filename="door.png"; filename*=UTF-8\'\'door.png',
    });
    expect(download.rawPayload.includes('WGS-84')).toBe(false);
    expect(download.rawPayload.includes('Victim Name')).toBe(false);
    expect((await sharp(download.rawPayload).metadata()).exif).toBeUndefined();

    const [audited] = await storedAuditEvents(t, { action: 'message.attachment_downloaded', limit: 1 });
    expect(audited).toMatchObject({ entityType: 'portal_access', details: { profileId: person.id, messageId: message.id } });
    const [uploaded] = await storedAuditEvents(t, { action: 'message.attachment_uploaded', limit: 1 });
    expect(uploaded!.details).toMatchObject({ profileId: person.id, contentType: 'image/png' });
  });

  it('refuses a kind of file that cannot be uploaded, and stores nothing', async () => {
    const { person, client } = await clientOf(t, structure);
    const police = await t.as(emails.police);
    const before = await storedFileCount();
    const page = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
    expectError(await upload(client, '/api/v1/portal/attachments?fileName=page.html', page), 422, 'unsupported_file_type');
    expectError(await upload(police, `${staffPath(person.id, 'attachments')}?fileName=page.html`, page), 422, 'unsupported_file_type');
    expect(await storedFileCount()).toBe(before);
  });

  it('sends a file once, with its own side\'s message, of its own access; the rest is refused 422', async () => {
    const a = await clientOf(t, structure);
    const b = await clientOf(t, structure);
    const police = await t.as(emails.police);
    const mine = await attach(a.client, '/api/v1/portal/attachments', pdfBytes('Mine'));
    const theirs = await attach(b.client, '/api/v1/portal/attachments', pdfBytes('Theirs'));
    const staffs = await attach(police, staffPath(a.person.id, 'attachments'), pdfBytes('Staff'));

    const refused = [
      await a.client.post('/api/v1/portal/messages', { body: 'With B\'s file', attachmentIds: [theirs.id] }),
      await a.client.post('/api/v1/portal/messages', { body: 'With the team\'s file', attachmentIds: [staffs.id] }),
      await police.post(staffPath(a.person.id), { body: 'With the client\'s file', attachmentIds: [mine.id] }),
    ];
    for (const response of refused) {
      expectError(response, 422, 'validation_failed');
      expect(response.json().error.details).toEqual([{ field: 'attachmentIds', problem: 'must be files uploaded for this conversation and not yet sent' }]);
    }
    expect((await conversation(a.client, '/api/v1/portal/messages')).items).toEqual([]);

    await send(a.client, '/api/v1/portal/messages', 'With my file', [mine.id, mine.id]);
    expectError(await a.client.post('/api/v1/portal/messages', { body: 'Again', attachmentIds: [mine.id] }), 422, 'validation_failed');
    const fromTeam = await send(police, staffPath(a.person.id), 'A leaflet', [staffs.id]);
    expect(fromTeam.attachments).toEqual([staffs]);
    expect((await a.client.get(`/api/v1/portal/attachments/${staffs.id}`)).statusCode).toBe(200);
  });

  it('never lets a client download another client\'s file, nor either side the other\'s before it is sent', async () => {
    const a = await clientOf(t, structure);
    const b = await clientOf(t, structure);
    const police = await t.as(emails.police);
    const sent = await attach(a.client, '/api/v1/portal/attachments', pdfBytes('Sent'));
    await send(a.client, '/api/v1/portal/messages', 'Here', [sent.id]);
    const unsentByClient = await attach(a.client, '/api/v1/portal/attachments', pdfBytes('Draft'));
    const unsentByStaff = await attach(police, staffPath(a.person.id, 'attachments'), pdfBytes('Draft'));

    expect((await a.client.get(`/api/v1/portal/attachments/${sent.id}`)).statusCode).toBe(200);
    expect((await a.client.get(`/api/v1/portal/attachments/${unsentByClient.id}`)).statusCode).toBe(200);
    expectError(await b.client.get(`/api/v1/portal/attachments/${sent.id}`), 404, 'not_found');
    expectError(await b.client.get(`/api/v1/portal/attachments/${unsentByClient.id}`), 404, 'not_found');
    expectError(await a.client.get(`/api/v1/portal/attachments/${unsentByStaff.id}`), 404, 'not_found');
    expectError(await police.get(staffPath(a.person.id, `attachments/${unsentByClient.id}`)), 404, 'not_found');
    expect((await police.get(staffPath(a.person.id, `attachments/${unsentByStaff.id}`))).statusCode).toBe(200);
    // A file is read through the person it belongs to, never another the reader holds.
    expectError(await police.get(staffPath(b.person.id, `attachments/${sent.id}`)), 404, 'not_found');

    const council = await t.as(emails.council);
    const other = await t.as(emails.other);
    expectError(await council.get(staffPath(a.person.id, `attachments/${sent.id}`)), 403, 'forbidden');
    expectError(await upload(council, `${staffPath(a.person.id, 'attachments')}?fileName=x.pdf`, pdfBytes()), 403, 'forbidden');
    expectError(await other.get(staffPath(a.person.id, `attachments/${sent.id}`)), 404, 'not_found');
    expectError(await upload(other, `${staffPath(a.person.id, 'attachments')}?fileName=x.pdf`, pdfBytes()), 404, 'not_found');
  });
});
