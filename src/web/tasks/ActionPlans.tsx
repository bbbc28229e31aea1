
export function ActionPlans(_props: { caseId: string }) {
  return null;
}
