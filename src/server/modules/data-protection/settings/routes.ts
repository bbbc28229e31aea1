import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dataProtectionSettings, dataProtectionSettingsBody } from '../../../../shared/api/agreements.ts';
import { who } from '../../../platform/http/types.ts';
import { getSettings, updateSettings } from './service.ts';

const tags = ['data protection'];
const manage = { permission: 'partnerships.manage' } as const;

/** The partnership's data protection settings, kept by its system administrators. */
export async function dataProtectionSettingsRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/data-protection/settings', {
    config: manage,
    schema: { tags, summary: 'The partnership\'s data protection settings: when review reminders go out, and a lawful basis\'s default review', response: { 200: dataProtectionSettings } },
  }, (request) => runner.run(who(request), (ctx) => getSettings(ctx)));

  api.put('/api/v1/data-protection/settings', {
    config: manage,
    schema: { tags, summary: 'Change the partnership\'s data protection settings as a whole, from the version read (0 while it keeps the defaults)', body: dataProtectionSettingsBody, response: { 200: dataProtectionSettings } },
  }, (request) => runner.run(who(request), (ctx) => updateSettings(ctx, request.body)));
}
