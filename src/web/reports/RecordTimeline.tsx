import type { RecordPath } from '../records/kinds.ts';

export function RecordTimeline(_props: { kind: RecordPath; id: string }) {
  return null;
}
