import { insightDefaults } from '../../../shared/insights.ts';
import { partnershipSettings } from '../../platform/partnership-settings.ts';
import * as q from './queries.ts';

const settings = partnershipSettings({
  store: { get: q.getSettings, insert: q.insertSettings, update: q.updateSettings },
  from: (row: q.SettingsRow | null) => ({
    staleAfterDays: row?.staleAfterDays ?? insightDefaults.staleAfterDays,
    repeatVictimIncidents: row?.repeatVictimIncidents ?? insightDefaults.repeatVictimIncidents,
  }),
  columns: (s) => ({ staleAfterDays: s.staleAfterDays, repeatVictimIncidents: s.repeatVictimIncidents }),
  action: 'insight_settings.updated',
  audited: ['staleAfterDays', 'repeatVictimIncidents'],
  what: 'insight',
});

/** The partnership's settings, Concord's defaults where it has changed none. */
export const settingsOf = settings.settingsOf;
export const getSettings = settings.get;
export const updateSettings = settings.update;
