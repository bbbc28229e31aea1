import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { postcodeLookup, postcodeParams } from '../../../shared/api/postcodes.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';
import { lookUp } from './service.ts';

export async function postcodeRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/postcodes/:postcode', {
    config: { permission: 'records.view', actors: staffAndSystems },
    schema: {
      tags: ['postcodes'],
      summary: 'A UK postcode\'s position and, from OS Places, its addresses and UPRNs; { available: false } when no lookup is configured; '
        + '404 for a postcode the provider does not know, 422 for one that is not a postcode, 502 postcode_lookup_failed when the provider fails',
      params: postcodeParams,
      response: { 200: postcodeLookup },
    },
  }, (request) => lookUp(app.platform.geocoder, request.params.postcode));
}
