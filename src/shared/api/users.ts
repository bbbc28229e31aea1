import { z } from 'zod';
import { roles } from '../roles.ts';
import { email, isoTime, listQuery, optionalText, page, ref, text, uuid, version } from './common.ts';

export const userStatus = z.enum(['invited', 'active', 'disabled']);

export const user = z.object({
  id: uuid,
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  isSupervisor: z.boolean(),
  /** A panel coordinator: sets up and runs the partnership's panels (MARAC, Community MARAC …). */
  isCoordinator: z.boolean(),
  /** Looks up Keep Safe cardholders in an emergency (control rooms, fire, ambulance liaison). */
  schemeLookUp: z.boolean(),
  jobTitle: z.string().nullable(),
  phone: z.string().nullable(),
  team: ref,
  organisation: ref,
  partnership: ref,
  status: userStatus,
  authenticatorEnrolled: z.boolean(),
  lastSignInAt: isoTime.nullable(),
  disabledAt: isoTime.nullable(),
  version,
  createdAt: isoTime,
  updatedAt: isoTime,
  permissions: z.object({ canEdit: z.boolean(), assignableRoles: z.array(z.enum(roles)) }),
});
export type User = z.infer<typeof user>;
export const userPage = page(user);

export const userListQuery = listQuery.extend({
  teamId: uuid.optional(),
  organisationId: uuid.optional(),
  partnershipId: uuid.optional(),
  q: z.string().trim().max(200).optional(),
  status: userStatus.optional(),
});

export const createUserBody = z.strictObject({
  teamId: uuid,
  name: text(200),
  email,
  role: z.enum(roles),
  isSupervisor: z.boolean().default(false),
  isCoordinator: z.boolean().default(false),
  schemeLookUp: z.boolean().default(false),
  jobTitle: optionalText(200),
  phone: optionalText(40),
});

export const updateUserBody = z.strictObject({
  version,
  teamId: uuid.optional(),
  name: text(200).optional(),
  email: email.optional(),
  role: z.enum(roles).optional(),
  isSupervisor: z.boolean().optional(),
  isCoordinator: z.boolean().optional(),
  schemeLookUp: z.boolean().optional(),
  jobTitle: optionalText(200),
  phone: optionalText(40),
});

export const disableUserBody = z.strictObject({ version, reason: text(500) });
export const enableUserBody = z.strictObject({ version });

/** Colleagues across the partnership, for naming a lead officer or a contact: names and places only. */
export const directoryQuery = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const directoryEntry = z.object({ id: uuid, name: z.string(), jobTitle: z.string().nullable(), team: ref, organisation: ref });
export type DirectoryEntry = z.infer<typeof directoryEntry>;
export const directoryReply = z.object({ items: z.array(directoryEntry) });
