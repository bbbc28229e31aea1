/** At the top of a profile or case: the assessments a screening says it still needs. */
export function AssessmentsRequiredAlert(_props: { kind: 'profiles' | 'cases'; id: string }) {
  return null;
}
