import type { RecordKind } from '../../shared/records.ts';

/** A kind of record as it appears in API paths and page addresses. */
export type RecordPath = 'profiles' | 'cases' | 'locations';

const pathOf: Record<RecordKind, RecordPath> = { profile: 'profiles', case: 'cases', location: 'locations' };
const nounOf: Record<RecordPath, string> = { profiles: 'profile', cases: 'case', locations: 'location' };

/** Search results and access requests name a kind in the singular, pages by their path: either will do. */
export type AnyRecordKind = RecordKind | RecordPath;

export function recordPath(kind: AnyRecordKind): RecordPath {
  return kind in pathOf ? pathOf[kind as RecordKind] : (kind as RecordPath);
}

/** The word people use for the record: "profile", "case", "location". */
export function recordNoun(kind: AnyRecordKind): string {
  return nounOf[recordPath(kind)];
}

/** Where the record opens in the app: "/profiles/<id>". */
export function recordHref(kind: AnyRecordKind, id: string): string {
  return `/${recordPath(kind)}/${id}`;
}
