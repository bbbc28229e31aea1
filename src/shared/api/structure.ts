import { z } from 'zod';
import { organisationKinds } from '../roles.ts';
import { isoTime, listQuery, page, ref, text, uuid, version } from './common.ts';

export const partnership = z.object({
  id: uuid,
  name: z.string(),
  version,
  organisationCount: z.number().int(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type Partnership = z.infer<typeof partnership>;
export const partnershipPage = page(partnership);
export const createPartnershipBody = z.strictObject({ name: text(200) });
export const updatePartnershipBody = z.strictObject({ version, name: text(200).optional() });

export const organisation = z.object({
  id: uuid,
  name: z.string(),
  kind: z.enum(organisationKinds),
  partnership: ref,
  version,
  teamCount: z.number().int(),
  createdAt: isoTime,
  updatedAt: isoTime,
  permissions: z.object({ canEdit: z.boolean(), canManageTeams: z.boolean() }),
});
export type Organisation = z.infer<typeof organisation>;
export const organisationPage = page(organisation);
export const organisationListQuery = listQuery.extend({ partnershipId: uuid.optional() });
export const createOrganisationBody = z.strictObject({ partnershipId: uuid, name: text(200), kind: z.enum(organisationKinds) });
export const updateOrganisationBody = z.strictObject({ version, name: text(200).optional(), kind: z.enum(organisationKinds).optional() });

export const team = z.object({
  id: uuid,
  name: z.string(),
  organisation: ref,
  partnership: ref,
  version,
  userCount: z.number().int(),
  createdAt: isoTime,
  updatedAt: isoTime,
  permissions: z.object({ canEdit: z.boolean(), canManageUsers: z.boolean() }),
});
export type Team = z.infer<typeof team>;
export const teamPage = page(team);
export const teamListQuery = listQuery.extend({ organisationId: uuid.optional(), partnershipId: uuid.optional() });
export const createTeamBody = z.strictObject({ organisationId: uuid, name: text(200) });
export const updateTeamBody = z.strictObject({ version, name: text(200).optional() });
