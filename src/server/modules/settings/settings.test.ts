import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { tileOrigin } from '../../platform/http/security.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/settings', () => {
  it('gives a signed-in person the map tiles and their credit, OpenStreetMap unless set, and no postcode lookup unless set', async () => {
    const agent = await t.as('police.asb@concord.test');
    const response = await agent.get('/api/v1/settings');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      mapTileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      mapAttribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
      postcodeLookup: null,
    });
  });

  it('answers 401 to someone not signed in', async () => {
    const response = await t.anonymous.get('/api/v1/settings');
    expect(response.statusCode).toBe(401);
  });

  it('lets the browser load images from the tile server, and from nowhere else outside Concord', async () => {
    const response = await t.anonymous.get('/healthz');
    const imgSrc = String(response.headers['content-security-policy']).split(';').find((d) => d.trim().startsWith('img-src'));
    expect(imgSrc?.trim()).toBe("img-src 'self' data: blob: https://tile.openstreetmap.org");
  });
});

describe('map settings', () => {
  it('takes MAP_TILE_URL and MAP_ATTRIBUTION from the environment', () => {
    const config = loadConfig({ MAP_TILE_URL: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png', MAP_ATTRIBUTION: 'Example maps' });
    expect(config.map).toEqual({ tileUrl: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png', attribution: 'Example maps' });
  });

  it('refuses a tile URL without the tile coordinates, naming the setting', () => {
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example.org/map.png' })).toThrow(/MAP_TILE_URL/);
    expect(() => loadConfig({ MAP_TILE_URL: 'ftp://tiles.example.org/{z}/{x}/{y}.png' })).toThrow(/MAP_TILE_URL/);
  });

  it('allows a tile server with subdomains as a wildcard origin', () => {
    expect(tileOrigin('https://{s}.tiles.example.org/{z}/{x}/{y}.png')).toBe('https://*.tiles.example.org');
    expect(tileOrigin('http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:8080');
  });
});
