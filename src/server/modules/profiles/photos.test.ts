import { asc, eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profiles, storedFiles } from '../../db/schema/index.ts';
import type { Agent, TestApp } from '../../test/harness.ts';
import { startTestApp } from '../../test/harness.ts';
import { auditOf, createProfile, expectError, people } from './profiles.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** A 50×40 JPEG taken "on its side" (EXIF orientation 6) at a GPS position. */
function cameraPhoto() {
  return sharp({ create: { width: 50, height: 40, channels: 3, background: '#336699' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Artist: 'Victim Name' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 57/1 0/1', GPSMapDatum: 'WGS-84' } })
    .toBuffer();
}

const put = (agent: Agent, url: string, bytes: Buffer, type = 'image/jpeg') => agent.request('PUT', url, bytes, { 'content-type': type });

describe('a profile photo', () => {
  it('is re-encoded without its metadata, upright, with a square thumbnail', async () => {
    const police = await t.as(people.police);
    const p = await createProfile(police, { firstName: 'Penny', lastName: 'Photo' });
    const original = await cameraPhoto();
    expect(original.includes('WGS-84')).toBe(true);
    expect((await sharp(original).metadata()).orientation).toBe(6);

    const response = await put(police, `/api/v1/profiles/${p.id}/photo?version=1`, original);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ version: 2, photo: { url: `/api/v1/profiles/${p.id}/photo`, thumbnailUrl: `/api/v1/profiles/${p.id}/photo/thumbnail` } });

    const photo = await police.get(`/api/v1/profiles/${p.id}/photo`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.headers['cache-control']).toBe('private, no-store');
    const stored = photo.rawPayload;
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 40, height: 50 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(stored.includes('WGS-84')).toBe(false);
    expect(stored.includes('Victim Name')).toBe(false);

    const thumbnail = await police.get(`/api/v1/profiles/${p.id}/photo/thumbnail`);
    expect(thumbnail.statusCode).toBe(200);
    expect(await sharp(thumbnail.rawPayload).metadata()).toMatchObject({ width: 160, height: 160, format: 'jpeg' });
    expect((await police.get('/api/v1/profiles?scope=mine&limit=200')).json().items.find((x: { id: string }) => x.id === p.id).thumbnailUrl)
      .toBe(`/api/v1/profiles/${p.id}/photo/thumbnail`);

    const viewed = await auditOf(t, `entityId=${p.id}&action=profile.photo_viewed`);
    expect(viewed).toHaveLength(1);
    expect((await auditOf(t, `entityId=${p.id}&action=profile.photo_changed`))[0]!.changes).toMatchObject({ photo: { before: null, after: expect.any(String) } });
    expect((await police.get(`/api/v1/profiles/${p.id}/history`)).json().items[0]).toMatchObject({ action: 'profile.photo_changed' });
  });

  it('accepts PNG and WebP, whatever type was declared, and stores JPEG', async () => {
    const police = await t.as(people.police);
    const p = await createProfile(police, { firstName: 'Pia', lastName: 'Png' });
    const png = await sharp({ create: { width: 20, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    expect((await put(police, `/api/v1/profiles/${p.id}/photo?version=1`, png, 'application/octet-stream')).statusCode).toBe(200);
    const webp = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } }).webp().toBuffer();
    expect((await put(police, `/api/v1/profiles/${p.id}/photo?version=2`, webp, 'image/jpeg')).statusCode).toBe(200);
    expect((await police.get(`/api/v1/profiles/${p.id}/photo`)).headers['content-type']).toBe('image/jpeg');
  });

  it('refuses what is not an image, whatever it claims to be', async () => {
    const police = await t.as(people.police);
    const p = await createProfile(police, { firstName: 'Tex', lastName: 'Text' });
    const filesBefore = await t.database.db.select({ id: storedFiles.id }).from(storedFiles);
    expectError(await put(police, `/api/v1/profiles/${p.id}/photo?version=1`, Buffer.from('This is a text file named photo.jpg\n')), 422, 'unsupported_file_type');
    const gif = await sharp({ create: { width: 5, height: 5, channels: 3, background: '#000' } }).gif().toBuffer();
    expectError(await put(police, `/api/v1/profiles/${p.id}/photo?version=1`, gif, 'image/png'), 422, 'unsupported_file_type');
    const truncated = (await cameraPhoto()).subarray(0, 200);
    expectError(await put(police, `/api/v1/profiles/${p.id}/photo?version=1`, truncated), 422, 'unsupported_file_type');
    expect((await police.get(`/api/v1/profiles/${p.id}`)).json()).toMatchObject({ version: 1, photo: null });
    expect(await t.database.db.select({ id: storedFiles.id }).from(storedFiles)).toHaveLength(filesBefore.length);
    expectError(await police.request('PUT', `/api/v1/profiles/${p.id}/photo?version=1`, { not: 'an image' }), 422, 'unsupported_file_type');
  });

  it('refuses more than 10 MB', async () => {
    const police = await t.as(people.police);
    const p = await createProfile(police, { firstName: 'Big', lastName: 'Upload' });
    expectError(await put(police, `/api/v1/profiles/${p.id}/photo?version=1`, Buffer.alloc(10 * 1024 * 1024 + 1)), 413, 'payload_too_large');
  });

  it('replaces and removes a photo, deleting the old bytes, and refuses a stale version', async () => {
    const police = await t.as(people.police);
    const p = await createProfile(police, { firstName: 'Rex', lastName: 'Replace' });
    await put(police, `/api/v1/profiles/${p.id}/photo?version=1`, await cameraPhoto());
    const first = await filesOf(p.id);
    expect(first).toHaveLength(2);
    for (const f of first) expect(await t.app.platform.files.get(f.storageKey)).toBeInstanceOf(Buffer);

    expectError(await put(police, `/api/v1/profiles/${p.id}/photo?version=1`, await cameraPhoto()), 409, 'conflict');
    expect(await filesOf(p.id)).toEqual(first);

    expect((await put(police, `/api/v1/profiles/${p.id}/photo?version=2`, await cameraPhoto())).json().version).toBe(3);
    const second = await filesOf(p.id);
    expect(second.map((f) => f.id)).not.toEqual(first.map((f) => f.id));
    expect(await t.database.db.select().from(storedFiles).where(inArray(storedFiles.id, first.map((f) => f.id)))).toEqual([]);
    for (const f of first) expect(await t.app.platform.files.get(f.storageKey)).toBeNull();

    expectError(await police.delete(`/api/v1/profiles/${p.id}/photo?version=2`), 409, 'conflict');
    const removed = await police.delete(`/api/v1/profiles/${p.id}/photo?version=3`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ photo: null, version: 4 });
    for (const f of second) expect(await t.app.platform.files.get(f.storageKey)).toBeNull();
    expectError(await police.get(`/api/v1/profiles/${p.id}/photo`), 404, 'not_found');
  });

  it('is refused to those who cannot open or change the profile', async () => {
    const police = await t.as(people.police);
    const p = await createProfile(police, { firstName: 'Priya', lastName: 'Private' });
    await put(police, `/api/v1/profiles/${p.id}/photo?version=1`, await cameraPhoto());
    const council = await t.as(people.council);
    expectError(await council.get(`/api/v1/profiles/${p.id}/photo`), 403, 'no_access');
    expectError(await council.get(`/api/v1/profiles/${p.id}/photo/thumbnail`), 403, 'no_access');
    expectError(await put(council, `/api/v1/profiles/${p.id}/photo?version=2`, await cameraPhoto()), 403, 'no_access');
    expectError(await council.delete(`/api/v1/profiles/${p.id}/photo?version=2`), 403, 'no_access');
    const other = await t.as(people.other);
    expectError(await other.get(`/api/v1/profiles/${p.id}/photo`), 404, 'not_found');
    expectError(await put(other, `/api/v1/profiles/${p.id}/photo?version=2`, await cameraPhoto()), 404, 'not_found');
    expectError(await other.delete(`/api/v1/profiles/${p.id}/photo?version=2`), 404, 'not_found');
    expect((await police.get(`/api/v1/profiles/${p.id}`)).json().version).toBe(2);
  });
});

/** The stored files a profile's photo points at now. */
async function filesOf(profileId: string) {
  const [row] = await t.database.db.select({ photo: profiles.photoFileId, thumbnail: profiles.thumbnailFileId }).from(profiles).where(eq(profiles.id, profileId));
  const ids = [row!.photo, row!.thumbnail].filter((id): id is string => id !== null);
  if (ids.length === 0) return [];
  return t.database.db.select({ id: storedFiles.id, storageKey: storedFiles.storageKey }).from(storedFiles).where(inArray(storedFiles.id, ids)).orderBy(asc(storedFiles.id));
}
