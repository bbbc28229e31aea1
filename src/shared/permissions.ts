import type { Role } from './roles.ts';

/**
 * What a route requires, declared in its config. `public` needs no sign-in; `enrolment` accepts
 * a session that has signed in with a password but has yet to enrol an authenticator; every
 * other permission needs a fully signed-in person (or, where allowed, an API token) whose role
 * grants it. Which records within that the actor may touch is decided by the policies.
 */
export const permissionRoles = {
  signed_in: ['system_admin', 'organisation_admin', 'team_admin', 'practitioner', 'read_only'],
  'partnerships.manage': ['system_admin'],
  'organisations.manage': ['system_admin'],
  'teams.manage': ['system_admin', 'organisation_admin'],
  'users.view': ['system_admin', 'organisation_admin', 'team_admin'],
  'users.manage': ['system_admin', 'organisation_admin', 'team_admin'],
  'api_tokens.manage': ['system_admin', 'organisation_admin'],
  // An organisation's webhooks: its own administrators, a system administrator for their own
  // organisation's (which events reach whose systems is the organisation's decision).
  'webhooks.manage': ['system_admin', 'organisation_admin'],
  // An organisation's single sign-on (its OpenID Connect provider): its own administrators and the partnership's system administrators.
  'sign_in.manage': ['system_admin', 'organisation_admin'],
  'audit.view': ['system_admin', 'organisation_admin', 'team_admin'],
  'audit.verify': ['system_admin'],
  'outbox.view': ['system_admin'],
  // The shared record. Which profiles, cases and locations within these is decided per record
  // by the owning team and the access list (records.ts).
  'records.view': ['system_admin', 'organisation_admin', 'team_admin', 'practitioner', 'read_only'],
  'records.edit': ['system_admin', 'organisation_admin', 'team_admin', 'practitioner'],
  'records.merge': ['system_admin', 'organisation_admin', 'team_admin'],
  'access_requests.decide': ['system_admin', 'organisation_admin', 'team_admin'],
  // Breaking the glass: a person who may not open a profile opens it for an hour with a reason
  // (not a read-only person, nor a system); the owning team's administrators review each one.
  'records.emergency_access': ['system_admin', 'organisation_admin', 'team_admin', 'practitioner'],
  'emergency_access.review': ['system_admin', 'organisation_admin', 'team_admin'],
  // What the whole partnership shares is kept by its system administrators, not by one of its
  // organisations (canManagePartnershipLists in platform/access/administration.ts): its lists of
  // values, and its template library of letters, consent forms and agreements.
  'lookups.manage': ['system_admin'],
  'profiles.import': ['system_admin', 'organisation_admin', 'team_admin'],
  // Cases and locations from CSV, into teams the importer administers (canManageTeam).
  'records.import': ['system_admin', 'organisation_admin', 'team_admin'],
  'templates.manage': ['system_admin'],
  // Assessments: teams build templates from the bank (which teams' templates an administrator
  // changes is canManageAssessmentTemplate), the partnership's curators keep the bank and the
  // built-in templates, supervisors approve score adjustments of their own team's assessors.
  'assessments.design': ['system_admin', 'organisation_admin', 'team_admin'],
  'question_bank.manage': ['system_admin'],
  'assessments.approve': ['system_admin', 'organisation_admin', 'team_admin'],
  // The supervisor's view of a team: its officers' caseloads, overdue work and approvals, and
  // handing a task or a case's lead to someone else (canSuperviseTeam says which teams).
  'teams.supervise': ['system_admin', 'organisation_admin', 'team_admin'],
  // Panels (MARAC, Community MARAC, JAG …): every member of staff may read those their
  // organisation sits on (canSeePanel in platform/access/panels.ts); setting one up is for the
  // partnership's system administrators and for people flagged as panel coordinators.
  'panels.view': ['system_admin', 'organisation_admin', 'team_admin', 'practitioner', 'read_only'],
  'panels.manage': ['system_admin'],
  // Referrals and triage: a team's administrators (and their organisation's, and the
  // partnership's system administrators) build the forms it publishes (canManageReferralForm);
  // the team's own staff work its triage desk (deskAccess in platform/access/referrals.ts).
  'referral_forms.manage': ['system_admin', 'organisation_admin', 'team_admin'],
  'referrals.triage': ['system_admin', 'organisation_admin', 'team_admin', 'practitioner'],
  // Insights: everyone reads dashboards, counted over what they may open (or, for administrators,
  // what they manage: insightScopeOf in platform/access/insights.ts); a team's compliance is for
  // its members and those who supervise it (canSeeCompliance).
  'insights.view': ['system_admin', 'organisation_admin', 'team_admin', 'practitioner', 'read_only'],
  // Information sharing agreements: every member of staff reads the partnership's agreements; its
  // system administrators keep them (canManagePartnershipLists).
  'agreements.view': ['system_admin', 'organisation_admin', 'team_admin', 'practitioner', 'read_only'],
  'agreements.manage': ['system_admin'],
  // Subject access requests: the starting administrator's organisation handles one, and each
  // organisation whose items it holds reviews its own (platform/access/subject-access.ts).
  'subject_access.manage': ['system_admin', 'organisation_admin'],
  // Schemes (the Keep Safe Card): which scheme's register within these is decided by its team
  // (platform/access/schemes.ts): its members are its staff, the team's administrators approve.
  'schemes.view': ['system_admin', 'organisation_admin', 'team_admin', 'practitioner', 'read_only'],
  'schemes.manage': ['system_admin', 'organisation_admin', 'team_admin', 'practitioner'],
  'schemes.approve': ['system_admin', 'organisation_admin', 'team_admin'],
  // The emergency look-up: no role has it; people are flagged for it (schemeLookUpPermissions).
  'schemes.look_up': [],
  // Retention: the partnership's system administrators set how long records are kept
  // (canManagePartnershipLists); an organisation's administrators decide what happens to its
  // records past their time, and place legal holds (canManageOrganisation of the owner).
  'retention.manage': ['system_admin'],
  'retention.review': ['system_admin', 'organisation_admin'],
  // DPA 2018 s62: the log of a police organisation's consultations and disclosures, for the ICO.
  'disclosure_log.export': ['system_admin', 'organisation_admin'],
  // How-to help: every member of staff reads their partnership's articles; its system
  // administrators keep them, as they keep everything else the whole partnership shares.
  'help.view': ['system_admin', 'organisation_admin', 'team_admin', 'practitioner', 'read_only'],
  'help.manage': ['system_admin'],
  // The suggestion box: everyone posts and supports suggestions (read-only people too: a
  // suggestion is about Concord, not a record); the partnership's system administrators answer
  // for it, since they decide how Concord is set up for every agency in it.
  'suggestions.post': ['system_admin', 'organisation_admin', 'team_admin', 'practitioner', 'read_only'],
  'suggestions.answer': ['system_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type RolePermission = keyof typeof permissionRoles;

/**
 * What a person flagged as a supervisor may do whatever their role: supervision is a capability
 * of a team admin or of a flagged member of the team, so a practitioner sergeant can approve
 * their team's score adjustments without administering it. Read-only people never change
 * anything, flag or not.
 */
export const supervisorPermissions: readonly RolePermission[] = ['assessments.approve', 'teams.supervise'];

/**
 * What a person flagged as a panel coordinator may do whatever their role: set up the
 * partnership's panels, as its system administrators do. Never a read-only person.
 */
export const coordinatorPermissions: readonly RolePermission[] = ['panels.manage'];

/**
 * What a person flagged for scheme look-up may do whatever their role: look a cardholder up in an
 * emergency. Read-only people may hold it: control-room accounts often are, and it changes nothing.
 */
export const schemeLookUpPermissions: readonly RolePermission[] = ['schemes.look_up'];

/** The capabilities flagged on a person, each adding its permissions to their role's. */
export interface Capabilities {
  isSupervisor: boolean;
  isCoordinator?: boolean;
  schemeLookUp?: boolean;
}

export function grants(role: Role, flags: Capabilities, permission: RolePermission): boolean {
  if ((permissionRoles[permission] as readonly Role[]).includes(role)) return true;
  if (flags.schemeLookUp && schemeLookUpPermissions.includes(permission)) return true;
  if (role === 'read_only') return false;
  return (flags.isSupervisor && supervisorPermissions.includes(permission))
    || (!!flags.isCoordinator && coordinatorPermissions.includes(permission));
}
