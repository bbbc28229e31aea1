import { z } from 'zod';
import { roles } from '../roles.ts';
import { email, ref, totpCode, uuid, newPassword } from './common.ts';

export const signInBody = z.strictObject({
  email: z.string().trim().max(254),
  password: z.string().max(128),
  /** Left out or blank by someone who has not yet enrolled an authenticator. */
  totp: z.string().trim().max(10).optional(),
});
export type SignInBody = z.infer<typeof signInBody>;

export const rolePermissions = z.array(z.string());

export const me = z.object({
  id: uuid,
  name: z.string(),
  /** `api_token` when another organisation's system calls with a token: it has no email address. */
  kind: z.enum(['user', 'api_token']),
  email: z.string().nullable(),
  role: z.enum(roles),
  isSupervisor: z.boolean(),
  /** Sets up and runs the partnership's panels. */
  isCoordinator: z.boolean(),
  /** Looks up scheme cardholders in an emergency. */
  schemeLookUp: z.boolean(),
  /** Reads a scheme's register (the Keep Safe Card): its team's members and administrators. */
  schemeStaff: z.boolean(),
  organisation: ref,
  team: ref,
  partnership: ref,
  /** What this person may do, so the screen shows only what will work. */
  permissions: rolePermissions,
  /** True until the person has enrolled an authenticator: nothing else is open until then. */
  enrolmentRequired: z.boolean(),
});
export type Me = z.infer<typeof me>;

export const enrolment = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrCodeDataUrl: z.string(),
});
export type Enrolment = z.infer<typeof enrolment>;

export const enrolBody = z.strictObject({ totp: totpCode });

export const passwordResetRequestBody = z.strictObject({ email });

export const passwordResetRequestReply = z.object({ message: z.string() });

export const passwordResetCompleteBody = z.strictObject({
  token: z.string().min(20).max(200),
  password: newPassword,
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().max(128),
  newPassword,
});
