import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { insightSettings, insightSettingsBody } from '../../../shared/api/insights.ts';
import { who } from '../../platform/http/types.ts';
import { complianceRoutes } from './compliance/routes.ts';
import { hotspotRoutes } from './hotspots/routes.ts';
import { overviewRoutes } from './overview/routes.ts';
import { getSettings, updateSettings } from './settings.ts';

const tags = ['insights'];

/** Dashboards, compliance monitoring and hotspots, with their exports, and the partnership's insight settings. */
export async function insightRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/insights/settings', {
    config: { permission: 'insights.view' },
    schema: { tags, summary: 'The partnership\'s insight settings: when a profile is not updated in time, and who is a repeat victim', response: { 200: insightSettings } },
  }, (request) => runner.run(who(request), (ctx) => getSettings(ctx)));

  api.put('/api/v1/insights/settings', {
    config: { permission: 'partnerships.manage' },
    schema: { tags, summary: 'Change the partnership\'s insight settings (its system administrators)', body: insightSettingsBody, response: { 200: insightSettings } },
  }, (request) => runner.run(who(request), (ctx) => updateSettings(ctx, request.body)));

  await app.register(overviewRoutes);
  await app.register(complianceRoutes);
  await app.register(hotspotRoutes);
}
