import { describe, expect, it } from 'vitest';
import { victimCareSettingsBody, type VictimCareSettings } from '../../shared/api/victim-care.ts';
import { listText, triggerMetText } from './labels.ts';
import { numberProblems, settingsBody, settingsValues } from './settings.ts';

const defaults: VictimCareSettings = {
  version: 0,
  cadenceDays: { standard: 28, medium: 14, high: 7, notAssessed: 14 },
  overdueGraceDays: 2,
  communityTrigger: { complaints: 3, months: 6, locationComplaints: null, anyHateIncident: true },
  isDefault: true,
  updatedAt: null,
  permissions: { canEdit: true },
};

describe('the victim care settings form', () => {
  it('gives back what it was loaded with, in the shape the server takes', () => {
    const body = settingsBody(settingsValues(defaults), 0);
    expect(victimCareSettingsBody.parse(body)).toEqual({
      version: 0, cadenceDays: defaults.cadenceDays, overdueGraceDays: 2, communityTrigger: defaults.communityTrigger,
    });
  });

  it('names each number out of range under its own field, and ignores the location rule while it is off', () => {
    const values = { ...settingsValues(defaults), high: '0', months: '2.5', overdueGraceDays: '', locationComplaints: '' };
    expect(Object.keys(numberProblems(values)).sort()).toEqual(['high', 'months', 'overdueGraceDays']);
    expect(numberProblems({ ...values, useLocation: true })).toHaveProperty('locationComplaints', 'Complaints about one place: give a whole number from 1 to 100');
  });

  it('sends the location rule only when it is used', () => {
    const on = settingsBody({ ...settingsValues(defaults), useLocation: true, locationComplaints: '5' }, 3);
    expect(on.communityTrigger.locationComplaints).toBe(5);
  });
});

describe('the words of victim care', () => {
  it('says why the community trigger is met, by its basis', () => {
    const status = { complaints: 3, organisations: 2, since: '2026-01-05', locationComplaints: 0, hateIncidents: 1, threshold: 3, months: 6 };
    const flag = (basis: 'complaints' | 'location' | 'hate') => ({ id: '00000000-0000-4000-8000-000000000000', basis, raisedAt: '2026-03-01T10:00:00Z', caseReviewId: null });
    expect(triggerMetText({ ...status, flag: flag('complaints') })).toBe('3 ASB complaints in 6 months from 2 agencies — the community trigger is met');
    expect(triggerMetText({ ...status, organisations: 1, flag: flag('hate') })).toBe('1 hate incident in 6 months — the community trigger is met');
  });

  it('lists channels as a sentence does', () => {
    expect(listText(['text messages'])).toBe('text messages');
    expect(listText(['text messages', 'email', 'letters'])).toBe('text messages, email and letters');
  });
});
