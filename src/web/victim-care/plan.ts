import type { ContactPlan } from '../../shared/api/victim-care.ts';
import { contactChannelLabels, type ContactChannel } from '../../shared/victim-care.ts';

/** The plan as its form holds it: text for what is typed, '' for nothing chosen. */
export interface PlanValues {
  frequencyDays: string;
  caseId: string;
  preferredChannel: ContactChannel | '';
  safeTimes: string;
  safeToText: boolean;
  safeToVoicemail: boolean;
  safeToEmail: boolean;
  safeToLetter: boolean;
}

export const planLabels = {
  frequencyDays: 'Contact every (days)',
  caseId: 'Case',
  preferredChannel: 'Preferred way to contact',
  safeTimes: 'Safe times to contact',
  safeToText: 'Safe to send text messages',
  safeToVoicemail: 'Safe to leave voicemail',
  safeToEmail: 'Safe to email',
  safeToLetter: 'Safe to send letters',
} satisfies Record<keyof PlanValues, string>;

export type SafetyField = 'safeToText' | 'safeToVoicemail' | 'safeToEmail' | 'safeToLetter';

/** What each "safe to" permits, in the words of the plan's list. */
export const safetyWords: Record<SafetyField, string> = {
  safeToText: 'Text messages',
  safeToVoicemail: 'Voicemail',
  safeToEmail: 'Email',
  safeToLetter: 'Letters',
};
export const safetyFields = Object.keys(safetyWords) as SafetyField[];

/** The channel that needs the plan's say-so before anything is sent by it; phone calls and visits need none. */
export const channelSafety: Partial<Record<ContactChannel, SafetyField>> = { text: 'safeToText', email: 'safeToEmail', letter: 'safeToLetter' };

export const noPlan: PlanValues = {
  frequencyDays: '', caseId: '', preferredChannel: '', safeTimes: '', safeToText: false, safeToVoicemail: false, safeToEmail: false, safeToLetter: false,
};

export function planValues(plan: ContactPlan): PlanValues {
  return {
    frequencyDays: String(plan.frequencyDays),
    caseId: plan.case?.id ?? '',
    preferredChannel: plan.preferredChannel ?? '',
    safeTimes: plan.safeTimes ?? '',
    safeToText: plan.safeToText,
    safeToVoicemail: plan.safeToVoicemail,
    safeToEmail: plan.safeToEmail,
    safeToLetter: plan.safeToLetter,
  };
}

/** The body's fields; a blank frequency goes back to the partnership's cadence. */
export function planInput(v: PlanValues): Record<string, unknown> {
  const days = v.frequencyDays.trim();
  return {
    frequencyDays: days === '' ? null : Number(days),
    caseId: v.caseId || null,
    preferredChannel: v.preferredChannel || null,
    safeTimes: v.safeTimes.trim() || null,
    safeToText: v.safeToText,
    safeToVoicemail: v.safeToVoicemail,
    safeToEmail: v.safeToEmail,
    safeToLetter: v.safeToLetter,
  };
}

export const channelText = (channel: ContactChannel | '' | null) => (channel ? contactChannelLabels[channel] : 'No preference recorded');
