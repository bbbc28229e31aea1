
export function InterestButton(_props: { kind: 'profiles' | 'cases'; id: string }) {
  return null;
}
