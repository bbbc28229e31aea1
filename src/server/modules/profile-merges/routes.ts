import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, ref, uuid, version } from '../../../shared/api/common.ts';
import { mergeProfilesBody } from '../../../shared/api/profiles.ts';
import { accessLevels, profileRoles } from '../../../shared/records.ts';
import { who } from '../../platform/http/types.ts';
import { mergeProfiles } from './service.ts';

const count = z.number().int().min(0);

/** What a merge did: the two profiles at their new versions, and what moved from the duplicate. */
const mergeResult = z.object({
  survivor: z.object({ id: uuid, version }),
  duplicate: z.object({ id: uuid, version }),
  moved: z.object({
    caseLinks: z.object({ moved: count, alreadyLinked: count }),
    addresses: z.object({ moved: count, alreadyHeld: count }),
    relationships: z.object({ moved: count, dropped: count }),
    warningMarkers: count,
    vulnerabilities: count,
    roles: z.array(z.enum(profileRoles)),
    aliases: z.array(z.object({ firstName: z.string(), lastName: z.string() })),
    access: z.array(z.object({
      target: z.union([z.object({ team: ref }), z.object({ organisation: ref })]),
      level: z.enum(accessLevels),
      before: z.enum(accessLevels).nullable(),
    })),
  }),
});

export async function profileMergeRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.post('/api/v1/profiles/:id/merge', {
    config: { permission: 'records.merge' },
    schema: {
      tags: ['profiles'],
      summary: 'Merge a duplicate profile into this one; the duplicate then opens this profile',
      params: idParams,
      body: mergeProfilesBody,
      response: { 200: mergeResult },
    },
  }, (request) => runner.run(who(request), (ctx) => mergeProfiles(ctx, request.params.id, request.body)));
}
