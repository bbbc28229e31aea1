import type { RecordPath } from '../records/kinds.ts';
export function RecordDocuments(_props: { kind: RecordPath; id: string }) {
  return null;
}
