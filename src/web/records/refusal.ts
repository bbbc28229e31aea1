import { owner as ownerSchema, type Owner } from '../../shared/api/records.ts';
import { isApiError } from '../api/errors.ts';

/** Who holds a record the API refused to open (403 `no_access`), or null for any other error. */
export function refusedOwner(error: unknown): Owner | null {
  if (!isApiError(error, 'no_access')) return null;
  const parsed = ownerSchema.safeParse(error.owner);
  return parsed.success ? parsed.data : null;
}
