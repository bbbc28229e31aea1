import type { Me } from '../../shared/api/auth.ts';
import { can } from '../app/session.ts';

interface AdminSection {
  label: string;
  path: string;
  allowed: (me: Me) => boolean;
}

/** The parts of administration, each shown only to those whose role includes it. */
const adminSections: AdminSection[] = [
  { label: 'Partnerships', path: '/admin/partnerships', allowed: (me) => can(me, 'partnerships.manage') },
  { label: 'Set up a partnership', path: '/admin/setup', allowed: (me) => can(me, 'partnerships.manage') },
  { label: 'Organisations', path: '/admin/organisations', allowed: (me) => can(me, 'organisations.manage') || can(me, 'teams.manage') },
  { label: 'Teams', path: '/admin/teams', allowed: (me) => can(me, 'teams.manage') },
  { label: 'Users', path: '/admin/users', allowed: (me) => can(me, 'users.view') },
  { label: 'API tokens', path: '/admin/api-tokens', allowed: (me) => can(me, 'api_tokens.manage') },
  { label: 'Webhooks', path: '/admin/webhooks', allowed: (me) => can(me, 'webhooks.manage') },
  { label: 'Single sign-on', path: '/admin/sign-in', allowed: (me) => can(me, 'sign_in.manage') },
  { label: 'Lists', path: '/admin/lookups', allowed: (me) => can(me, 'lookups.manage') },
  { label: 'Import', path: '/admin/imports', allowed: (me) => can(me, 'profiles.import') || can(me, 'users.manage') || can(me, 'records.import') },
  { label: 'Templates', path: '/admin/templates', allowed: (me) => can(me, 'templates.manage') },
  { label: 'Referral forms', path: '/admin/referral-forms', allowed: (me) => can(me, 'referral_forms.manage') },
  { label: 'Victim care', path: '/admin/victim-care', allowed: (me) => can(me, 'partnerships.manage') },
  { label: 'Portal', path: '/admin/portal', allowed: (me) => can(me, 'partnerships.manage') },
  { label: 'Insights', path: '/admin/insights', allowed: (me) => can(me, 'partnerships.manage') },
  { label: 'Data protection', path: '/admin/data-protection', allowed: (me) => can(me, 'partnerships.manage') },
  { label: 'Schemes', path: '/admin/schemes', allowed: (me) => can(me, 'partnerships.manage') },
  { label: 'Outbox', path: '/admin/outbox', allowed: (me) => can(me, 'outbox.view') },
];

export function sectionsFor(me: Me): AdminSection[] {
  return adminSections.filter((s) => s.allowed(me));
}
