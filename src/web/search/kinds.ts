import type { RecordKind } from '../../shared/records.ts';

/** How each kind of record is named on the results page. */
export const kindWords: Record<RecordKind, { heading: string; one: string; many: string }> = {
  profile: { heading: 'People', one: 'person', many: 'people' },
  case: { heading: 'Cases', one: 'case', many: 'cases' },
  location: { heading: 'Locations', one: 'location', many: 'locations' },
};
