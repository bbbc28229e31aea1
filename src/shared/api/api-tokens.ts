import { z } from 'zod';
import { isoTime, listQuery, page, ref, text, uuid } from './common.ts';

export const apiToken = z.object({
  id: uuid,
  name: z.string(),
  access: z.enum(['read', 'write']),
  prefix: z.string(),
  organisation: ref,
  team: ref,
  createdBy: ref,
  createdAt: isoTime,
  expiresAt: isoTime.nullable(),
  lastUsedAt: isoTime.nullable(),
  revokedAt: isoTime.nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;
export const apiTokenPage = page(apiToken);
export const apiTokenListQuery = listQuery.extend({ organisationId: uuid.optional(), includeRevoked: z.enum(['true', 'false']).optional() });

export const createApiTokenBody = z.strictObject({
  organisationId: uuid,
  teamId: uuid,
  name: text(200),
  access: z.enum(['read', 'write']),
  expiresAt: isoTime.optional(),
});

/** The token itself is shown once, at creation; only its hash is kept. */
export const createdApiToken = apiToken.extend({ token: z.string() });
