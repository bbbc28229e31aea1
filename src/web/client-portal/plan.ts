import type { ProfileSafetyPlan } from '../../shared/api/portal.ts';
import type { ComparedField } from '../components/changes.ts';

export interface SafeContactValues {
  name: string;
  phone: string;
  note: string;
}
export interface EmergencyContactValues {
  name: string;
  phone: string;
}

/** The plan as its form holds it: every line as typed, in the order the client will read it. */
export interface PlanValues {
  steps: string[];
  safeContacts: SafeContactValues[];
  emergencyContacts: EmergencyContactValues[];
}

export const planValues = (plan: ProfileSafetyPlan): PlanValues => ({
  steps: [...plan.steps],
  safeContacts: plan.safeContacts.map((c) => ({ name: c.name, phone: c.phone, note: c.note ?? '' })),
  emergencyContacts: plan.emergencyContacts.map((c) => ({ name: c.name, phone: c.phone })),
});

export const blankSafeContact: SafeContactValues = { name: '', phone: '', note: '' };
export const blankEmergencyContact: EmergencyContactValues = { name: '', phone: '' };

/** The body of a save: the whole plan, replacing the one read at `version`. */
export function planBody(values: PlanValues, version: number) {
  return {
    version,
    steps: values.steps,
    safeContacts: values.safeContacts.map((c) => ({ ...c, note: c.note.trim() || null })),
    emergencyContacts: values.emergencyContacts,
  };
}

/** The list with the item at `index` swapped with its neighbour before (-1) or after (+1). */
export function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export const without = <T>(items: readonly T[], index: number): T[] => items.filter((_, i) => i !== index);

export const replaced = <T>(items: readonly T[], index: number, item: T): T[] => items.map((x, i) => (i === index ? item : x));

const listNames = { steps: 'Step', safeContacts: 'Safe contact', emergencyContacts: 'Emergency contact' } as const;
const partNames: Record<string, string> = { name: 'name', phone: 'phone number', note: 'note' };

/** "Step 3", "Safe contact 1 phone number": the field a problem's dotted path names, as labelled on the form. */
export function planFieldLabel(path: string): string {
  const [list, index, part] = path.split('.');
  const name = listNames[list as keyof typeof listNames];
  if (!name) return 'The plan';
  if (index === undefined) return `${name}s`;
  return `${name} ${Number(index) + 1}${part ? ` ${partNames[part] ?? part}` : ''}`;
}

/** Problems by dotted path ("steps.2", "safeContacts.0.phone"), as the server names them in a 422. */
export function planProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (!problems[path]) problems[path] = `${planFieldLabel(path)} ${issue.message}`;
  }
  return problems;
}

const contactsText = (contacts: { name: string; phone: string }[]) => contacts.map((c) => `${c.name} (${c.phone})`).join('; ') || '(none)';

/** What the conflict view compares: each list as one line. */
export const comparedPlanFields: ComparedField<PlanValues>[] = [
  { key: 'steps', label: 'Steps', show: (v) => (v as string[]).map((s, i) => `${i + 1}. ${s}`).join(' ') || '(none)' },
  { key: 'safeContacts', label: 'Safe contacts', show: (v) => contactsText(v as SafeContactValues[]) },
  { key: 'emergencyContacts', label: 'Emergency contacts', show: (v) => contactsText(v as EmergencyContactValues[]) },
];

/**
 * After a conflict, their plan with this person's changes on top: each list this person changed
 * is theirs, the others as saved now. Lists are compared by content, not by identity.
 */
export function mergedPlan(loaded: PlanValues, mine: PlanValues, theirs: PlanValues): PlanValues {
  const changed = (key: keyof PlanValues) => JSON.stringify(mine[key]) !== JSON.stringify(loaded[key]);
  return {
    steps: changed('steps') ? mine.steps : theirs.steps,
    safeContacts: changed('safeContacts') ? mine.safeContacts : theirs.safeContacts,
    emergencyContacts: changed('emergencyContacts') ? mine.emergencyContacts : theirs.emergencyContacts,
  };
}
