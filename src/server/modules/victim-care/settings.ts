import type { RiskLevel } from '../../../shared/records.ts';
import { victimCareDefaults } from '../../../shared/victim-care.ts';
import { partnershipSettings } from '../../platform/partnership-settings.ts';
import * as q from './queries.ts';

function settingsFrom(row: q.SettingsRow | null) {
  if (!row) {
    const { cadenceDays, overdueGraceDays, communityTrigger } = victimCareDefaults;
    return { cadenceDays: { ...cadenceDays }, overdueGraceDays, communityTrigger: { ...communityTrigger } };
  }
  return {
    cadenceDays: { standard: row.cadenceStandardDays, medium: row.cadenceMediumDays, high: row.cadenceHighDays, notAssessed: row.cadenceNotAssessedDays },
    overdueGraceDays: row.overdueGraceDays,
    communityTrigger: {
      complaints: row.triggerComplaints,
      months: row.triggerMonths,
      locationComplaints: row.triggerLocationComplaints,
      anyHateIncident: row.triggerAnyHateIncident,
    },
  };
}

export type Settings = ReturnType<typeof settingsFrom>;

/** The columns, named as the audit trail names a change to them. */
function columnsOf(s: Settings): q.SettingsValues {
  return {
    cadenceStandardDays: s.cadenceDays.standard,
    cadenceMediumDays: s.cadenceDays.medium,
    cadenceHighDays: s.cadenceDays.high,
    cadenceNotAssessedDays: s.cadenceDays.notAssessed,
    overdueGraceDays: s.overdueGraceDays,
    triggerComplaints: s.communityTrigger.complaints,
    triggerMonths: s.communityTrigger.months,
    triggerLocationComplaints: s.communityTrigger.locationComplaints,
    triggerAnyHateIncident: s.communityTrigger.anyHateIncident,
  };
}

const settings = partnershipSettings({
  store: { get: q.getSettings, insert: q.insertSettings, update: q.updateSettings },
  from: settingsFrom,
  columns: columnsOf,
  action: 'victim_care_settings.updated',
  audited: [
    'cadenceStandardDays', 'cadenceMediumDays', 'cadenceHighDays', 'cadenceNotAssessedDays', 'overdueGraceDays',
    'triggerComplaints', 'triggerMonths', 'triggerLocationComplaints', 'triggerAnyHateIncident',
  ],
  what: 'victim care',
  changed: 'victim_care_settings.changed',
});

/** The partnership's settings, Concord's defaults where it has changed none. */
export const settingsOf = settings.settingsOf;
export const getSettings = settings.get;
export const updateSettings = settings.update;

/** Days between contacts for a person of this risk level. */
export function cadenceFor(settings: Settings, riskLevel: RiskLevel | null): number {
  return riskLevel ? settings.cadenceDays[riskLevel] : settings.cadenceDays.notAssessed;
}
