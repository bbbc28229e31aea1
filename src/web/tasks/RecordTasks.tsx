import type { RecordPath } from '../records/kinds.ts';
export function RecordTasks(_props: { kind: RecordPath; id: string }) {
  return null;
}
