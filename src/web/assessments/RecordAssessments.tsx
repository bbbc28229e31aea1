/** The assessments section of a profile or case page. */
export function RecordAssessments(_props: { kind: 'profiles' | 'cases'; id: string }) {
  return null;
}
