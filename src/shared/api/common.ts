import { z } from 'zod';

export const uuid = z.string().uuid();
export const isoTime = z.string().datetime({ offset: true });

/** Trimmed text with a length limit; blank is refused. */
export const text = (max: number) => z.string().trim().min(1, 'must not be blank').max(max, `must be at most ${max} characters`);
export const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullish();

export const email = z.string().trim().toLowerCase().max(254).email('must be an email address');

/** Passwords: long rather than complicated (NCSC guidance); no composition rules. */
export const newPassword = z.string().min(12, 'must be at least 12 characters').max(128, 'must be at most 128 characters');

export const totpCode = z.string().trim().regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app');

export const version = z.number().int().positive().max(2_147_483_647, 'is not a version of this record');

export const ref = z.object({ id: uuid, name: z.string() });
export type Ref = z.infer<typeof ref>;

export const idParams = z.object({ id: uuid });

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export function page<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Every error reply, in the OpenAPI document as the one `ErrorReply` schema. */
export const errorReply = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.unknown()).optional(),
    owner: z.object({ team: ref, organisation: ref }).optional(),
  }),
}).meta({ id: 'ErrorReply' });
export type ErrorReply = z.infer<typeof errorReply>;
