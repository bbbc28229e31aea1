import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { settings } from '../../../shared/api/settings.ts';

export async function settingsRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { map } = app.platform.config;

  api.get('/api/v1/settings', {
    config: { permission: 'signed_in' },
    schema: { tags: ['settings'], summary: 'Settings of this Concord the web app needs, such as the map tiles and whether postcodes can be looked up', response: { 200: settings } },
  }, async () => ({ mapTileUrl: map.tileUrl, mapAttribution: map.attribution, postcodeLookup: app.platform.geocoder?.gives ?? null }));
}
