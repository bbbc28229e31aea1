/**
 * The vocabularies of panels: the standing multi-agency meetings of a partnership (MARAC,
 * Community MARAC, JAG, Channel …), their referrals, meetings and agendas. The same words in the
 * database, the API and the screen.
 */

/** Stored as the key; the API answers with the label, the name partnerships use. */
export const panelKinds = ['marac', 'community-marac', 'marat', 'jag', 'channel', 'hub', 'case-conference'] as const;
export type PanelKind = (typeof panelKinds)[number];
export const panelKindLabels = {
  marac: 'MARAC',
  'community-marac': 'Community MARAC',
  marat: 'MARAT',
  jag: 'JAG',
  channel: 'Channel',
  hub: 'hub',
  'case-conference': 'case conference',
} as const satisfies Record<PanelKind, string>;
export type PanelKindLabel = (typeof panelKindLabels)[PanelKind];
export const panelKindLabelList = panelKinds.map((k) => panelKindLabels[k]) as [PanelKindLabel, ...PanelKindLabel[]];

/** A kind as a caller may write it: its key or its label, in any case ("Community MARAC", "community-marac"). */
export function panelKindOf(input: string): PanelKind | null {
  const wanted = input.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return panelKinds.find((k) => k === wanted || panelKindLabels[k].toLowerCase().replace(/\s+/g, '-') === wanted) ?? null;
}

/**
 * Why a record is brought to a panel. `dash-14`: a DASH score of 14 or more; `ram-high`: the ASB
 * risk matrix's band is High; `escalation`: 3 incidents in 12 months; `repeat`: referred to the
 * same panel in the previous 12 months (SafeLives' definition), added by Concord.
 */
export const referralCriteria = ['dash-14', 'ram-high', 'professional-judgement', 'escalation', 'repeat'] as const;
export type ReferralCriterion = (typeof referralCriteria)[number];
export const referralCriterionLabels: Record<ReferralCriterion, string> = {
  'dash-14': 'DASH score of 14 or more',
  'ram-high': 'ASB risk matrix: High',
  'professional-judgement': 'Professional judgement',
  escalation: 'Escalation: 3 incidents in 12 months',
  repeat: 'Repeat: referred in the last 12 months',
};

/** `waiting` for a meeting's agenda; `listed` on one; `heard` once that meeting is closed. */
export const referralStatuses = ['waiting', 'listed', 'heard', 'withdrawn'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];
export const referralStatusLabels: Record<ReferralStatus, string> = {
  waiting: 'Waiting for a meeting',
  listed: 'On an agenda',
  heard: 'Heard',
  withdrawn: 'Withdrawn',
};

/** A closed meeting still takes late edits to its minutes; each earlier wording is kept. */
export const meetingStatuses = ['planned', 'closed'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const attendanceStatuses = ['present', 'apologies', 'information-sent', 'observer'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const attendanceStatusLabels: Record<AttendanceStatus, string> = {
  present: 'Present',
  apologies: 'Apologies',
  'information-sent': 'Information sent',
  observer: 'Observer',
};
