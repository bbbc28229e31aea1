import { z } from 'zod';
import { uuid } from './common.ts';
import { personSafety } from './profiles.ts';
import { owner } from './records.ts';

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'must not be blank').max(200),
  kind: z.enum(['profile', 'case', 'location']).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** A result you may not open is a locked stub: its title and owner, so you can ask for access. */
export const searchResult = z.object({
  kind: z.enum(['profile', 'case', 'location']),
  id: uuid,
  title: z.string(),
  subtitle: z.string().nullable(),
  accessible: z.boolean(),
  owner,
  score: z.number(),
  /** A person you may open: their age, roles, risk and warning markers. Null for anything else. */
  safety: personSafety.nullable(),
});
export type SearchResult = z.infer<typeof searchResult>;
export const searchReply = z.object({ items: z.array(searchResult) });
