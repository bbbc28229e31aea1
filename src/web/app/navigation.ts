import type { Me } from '../../shared/api/auth.ts';
import { can, canAdminister } from './session.ts';

interface NavItem {
  label: string;
  to: string;
  /** Whether the item is the current section for this path. */
  matches: (pathname: string) => boolean;
}

/** Only what this person may use: an item they cannot open is not shown at all. */
export function navItemsFor(me: Me): NavItem[] {
  const items: NavItem[] = [{ label: 'Home', to: '/', matches: (p) => p === '/' }];
  if (can(me, 'records.view')) {
    items.push(
      { label: 'People', to: '/profiles', matches: (p) => p.startsWith('/profiles') },
      { label: 'Cases', to: '/cases', matches: (p) => p.startsWith('/cases') },
      { label: 'Locations', to: '/locations', matches: (p) => p.startsWith('/locations') },
      { label: 'Tasks', to: '/tasks', matches: (p) => p.startsWith('/tasks') },
      { label: 'Reminders', to: '/actions', matches: (p) => p.startsWith('/actions') },
      { label: 'Assessments', to: '/assessments', matches: (p) => p.startsWith('/assessments') },
      { label: 'Access requests', to: '/access-requests', matches: (p) => p.startsWith('/access-requests') },
      { label: 'Community triggers', to: '/community-triggers', matches: (p) => p.startsWith('/community-triggers') || p.startsWith('/case-reviews') },
    );
  }
  if (can(me, 'referrals.triage')) items.push({ label: 'Referrals', to: '/referrals', matches: (p) => p.startsWith('/referrals') });
  // Shown to all staff: the page itself says when their organisation is not on any panel.
  if (can(me, 'panels.view')) items.push({ label: 'Panels', to: '/panels', matches: (p) => p.startsWith('/panels') || p.startsWith('/meetings') });
  if (can(me, 'insights.view')) items.push({ label: 'Insights', to: '/insights', matches: (p) => p.startsWith('/insights') });
  if (me.schemeStaff) items.push({ label: 'Keep Safe', to: '/schemes/keep-safe', matches: (p) => p.startsWith('/schemes') });
  if (can(me, 'schemes.look_up')) items.push({ label: 'Scheme look-up', to: '/scheme-lookup', matches: (p) => p.startsWith('/scheme-lookup') });
  if (can(me, 'agreements.view')) items.push({ label: 'Data protection', to: '/data-protection', matches: (p) => p.startsWith('/data-protection') });
  if (can(me, 'teams.supervise')) items.push({ label: 'My team', to: '/supervision', matches: (p) => p.startsWith('/supervision') });
  if (canAdminister(me)) items.push({ label: 'Administration', to: '/admin', matches: (p) => p.startsWith('/admin') });
  if (can(me, 'audit.view')) items.push({ label: 'Audit trail', to: '/audit', matches: (p) => p.startsWith('/audit') });
  if (can(me, 'suggestions.post')) items.push({ label: 'Suggestions', to: '/suggestions', matches: (p) => p.startsWith('/suggestions') });
  if (can(me, 'help.view')) items.push({ label: 'Help', to: '/help', matches: (p) => p.startsWith('/help') });
  items.push({ label: 'Account', to: '/account', matches: (p) => p.startsWith('/account') });
  return items;
}
