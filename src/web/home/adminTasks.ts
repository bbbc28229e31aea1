import type { Me } from '../../shared/api/auth.ts';
import type { Query } from '../api/client.ts';
import { can } from '../app/session.ts';

export interface AdminTask {
  title: string;
  /** What the count counts, e.g. "users in ASB team". */
  counts: string;
  /** The list whose length is the count. */
  path: string;
  query: Query;
  to: string;
}

/** The administration this person can do, each with how much of it there is. */
export function adminTasksFor(me: Me): AdminTask[] {
  const tasks: AdminTask[] = [];
  if (can(me, 'users.view')) {
    const scope: { query: Query; where: string; link: string } =
      me.role === 'team_admin'
        ? { query: { teamId: me.team.id }, where: `in ${me.team.name}`, link: `?teamId=${me.team.id}` }
        : me.role === 'organisation_admin'
          ? { query: { organisationId: me.organisation.id }, where: `in ${me.organisation.name}`, link: '' }
          : { query: {}, where: 'in Concord', link: '' };
    tasks.push({ title: 'Users', counts: `users ${scope.where}`, path: '/users', query: scope.query, to: `/admin/users${scope.link}` });
    tasks.push({
      title: 'Invitations not yet accepted',
      counts: `invited users ${scope.where} who have not yet chosen a password`,
      path: '/users',
      query: { ...scope.query, status: 'invited' },
      to: `/admin/users?status=invited${scope.link.replace('?', '&')}`,
    });
  }
  if (can(me, 'teams.manage')) {
    const query: Query = me.role === 'organisation_admin' ? { organisationId: me.organisation.id } : {};
    const where = me.role === 'organisation_admin' ? `in ${me.organisation.name}` : 'in Concord';
    tasks.push({ title: 'Teams', counts: `teams ${where}`, path: '/teams', query, to: '/admin/teams' });
  }
  if (can(me, 'organisations.manage')) {
    tasks.push({ title: 'Organisations', counts: 'organisations in Concord', path: '/organisations', query: {}, to: '/admin/organisations' });
  }
  if (can(me, 'partnerships.manage')) {
    tasks.push({ title: 'Partnerships', counts: 'partnerships', path: '/partnerships', query: {}, to: '/admin/partnerships' });
  }
  if (can(me, 'api_tokens.manage')) {
    const query: Query = me.role === 'organisation_admin' ? { organisationId: me.organisation.id } : {};
    tasks.push({ title: 'API tokens', counts: 'API tokens not revoked', path: '/api-tokens', query, to: '/admin/api-tokens' });
  }
  return tasks;
}
