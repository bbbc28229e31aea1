import type { LookupList } from '../../../shared/records.ts';

/** Under "lookups", so a change here also refreshes the pickers of the record forms. */
export const lookupAdminKeys = {
  list: (list: LookupList) => ['lookups', 'admin', list] as const,
};
