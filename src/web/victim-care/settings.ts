import type { VictimCareSettings } from '../../shared/api/victim-care.ts';

/** The settings as their form holds them: numbers as typed. */
export interface SettingsValues {
  high: string;
  medium: string;
  standard: string;
  notAssessed: string;
  overdueGraceDays: string;
  complaints: string;
  months: string;
  useLocation: boolean;
  locationComplaints: string;
  anyHateIncident: boolean;
}

type NumberField = Exclude<keyof SettingsValues, 'useLocation' | 'anyHateIncident'>;

export const settingsLabels: Record<keyof SettingsValues | 'cadenceDays' | 'communityTrigger', string> = {
  high: 'High risk',
  medium: 'Medium risk',
  standard: 'Standard risk',
  notAssessed: 'Risk not assessed',
  overdueGraceDays: 'Days overdue before supervisors are told',
  complaints: 'ASB complaints',
  months: 'In how many months',
  useLocation: 'Also flag complaints about one place',
  locationComplaints: 'Complaints about one place',
  anyHateIncident: 'Flag any hate incident',
  cadenceDays: 'Contact cadence',
  communityTrigger: 'Community trigger',
};

/** The range each number may take, as the server's schema holds it. */
export const ranges: Record<NumberField, [min: number, max: number]> = {
  high: [1, 365],
  medium: [1, 365],
  standard: [1, 365],
  notAssessed: [1, 365],
  overdueGraceDays: [0, 60],
  complaints: [1, 50],
  months: [1, 24],
  locationComplaints: [1, 100],
};

export function settingsValues(s: VictimCareSettings): SettingsValues {
  const t = s.communityTrigger;
  return {
    high: String(s.cadenceDays.high),
    medium: String(s.cadenceDays.medium),
    standard: String(s.cadenceDays.standard),
    notAssessed: String(s.cadenceDays.notAssessed),
    overdueGraceDays: String(s.overdueGraceDays),
    complaints: String(t.complaints),
    months: String(t.months),
    useLocation: t.locationComplaints !== null,
    locationComplaints: String(t.locationComplaints ?? 5),
    anyHateIncident: t.anyHateIncident,
  };
}

/** Each number out of its range, under its own field, before anything is sent. */
export function numberProblems(v: SettingsValues): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [field, [min, max]] of Object.entries(ranges) as [NumberField, [number, number]][]) {
    if (field === 'locationComplaints' && !v.useLocation) continue;
    const n = Number(v[field]);
    if (v[field].trim() === '' || !Number.isInteger(n) || n < min || n > max) problems[field] = `${settingsLabels[field]}: give a whole number from ${min} to ${max}`;
  }
  return problems;
}

export function settingsBody(v: SettingsValues, version: number) {
  return {
    version,
    cadenceDays: { standard: Number(v.standard), medium: Number(v.medium), high: Number(v.high), notAssessed: Number(v.notAssessed) },
    overdueGraceDays: Number(v.overdueGraceDays),
    communityTrigger: {
      complaints: Number(v.complaints),
      months: Number(v.months),
      locationComplaints: v.useLocation ? Number(v.locationComplaints) : null,
      anyHateIncident: v.anyHateIncident,
    },
  };
}
