import { dataProtectionDefaults } from '../../../../shared/data-protection.ts';
import { subjectAccessDefaults } from '../../../../shared/subject-access.ts';
import { partnershipSettings } from '../../../platform/partnership-settings.ts';
import * as q from './queries.ts';

const settings = partnershipSettings({
  store: { get: q.getSettings, insert: q.insertSettings, update: q.updateSettings },
  from: (row: q.SettingsRow | null) => ({
    reviewReminderDays: row?.reviewReminderDays ?? dataProtectionDefaults.reviewReminderDays,
    lawfulBasisReviewMonths: row?.lawfulBasisReviewMonths ?? dataProtectionDefaults.lawfulBasisReviewMonths,
    redactOtherAgencyStaff: row?.redactOtherAgencyStaff ?? subjectAccessDefaults.redactOtherAgencyStaff,
    downloadDays: row?.downloadDays ?? subjectAccessDefaults.downloadDays,
  }),
  columns: (s) => ({ reviewReminderDays: s.reviewReminderDays, lawfulBasisReviewMonths: s.lawfulBasisReviewMonths, redactOtherAgencyStaff: s.redactOtherAgencyStaff, downloadDays: s.downloadDays }),
  action: 'data_protection_settings.updated',
  audited: ['reviewReminderDays', 'lawfulBasisReviewMonths', 'redactOtherAgencyStaff', 'downloadDays'],
  what: 'data protection',
});

/** The partnership's settings, Concord's defaults where it has changed none. */
export const settingsOf = settings.settingsOf;
export const getSettings = settings.get;
export const updateSettings = settings.update;
