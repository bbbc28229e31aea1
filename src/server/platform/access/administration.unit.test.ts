import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles.ts';
import type { Actor } from './actor.ts';
import {
  assignableRoles, canManageAssessmentTemplate, canManageOrganisation, canManagePartnershipLists, canManageTeam, canManageUser, canSeeUser, canSuperviseTeam,
  isSystemAdmin,
} from './administration.ts';
import { actorHas, permissionsOf, roleHas } from './permissions.ts';
import { effectiveLevel, mayChangeContribution, mayEverEdit } from './records.ts';

// A small structure: two organisations in one partnership, one in another. Ids only need to be
// distinct; the policies compare them and never look anything up.
const partnership = 'p-demo';
const otherPartnership = 'p-other';
const police = 'o-police';
const council = 'o-council';
const otherPolice = 'o-other-police';
const policeAsb = { id: 't-police-asb', organisationId: police };
const policeIom = { id: 't-police-iom', organisationId: police };
const councilCs = { id: 't-council-cs', organisationId: council };
const otherAsb = { id: 't-other-asb', organisationId: otherPolice };
const partnershipOf: Record<string, string> = { [police]: partnership, [council]: partnership, [otherPolice]: otherPartnership };

let nextId = 0;
function actor(role: Role, team: { id: string; organisationId: string } = policeAsb, extra: Partial<Actor> = {}): Actor {
  return {
    kind: 'user',
    id: `u-${nextId++}`,
    name: `${role} ${nextId}`,
    role,
    isSupervisor: false,
    teamId: team.id,
    organisationId: team.organisationId,
    partnershipId: partnershipOf[team.organisationId]!,
    readOnly: false,
    ...extra,
  };
}

function user(role: Role, team: { id: string; organisationId: string }, id = `u-${nextId++}`) {
  return { id, role, teamId: team.id, organisationId: team.organisationId, partnershipId: partnershipOf[team.organisationId]! };
}

const allRoles: Role[] = ['system_admin', 'organisation_admin', 'team_admin', 'practitioner', 'read_only'];

describe('isSystemAdmin', () => {
  it('is true only for the system administrator role', () => {
    expect(allRoles.filter((r) => isSystemAdmin(actor(r)))).toEqual(['system_admin']);
  });
});

describe('canManageOrganisation', () => {
  it('lets a system administrator manage every organisation, in any partnership', () => {
    const admin = actor('system_admin', { id: 't-desk', organisationId: 'o-desk' });
    for (const o of [police, council, otherPolice, 'o-desk']) expect(canManageOrganisation(admin, o)).toBe(true);
  });

  it('lets an organisation administrator manage only their own organisation', () => {
    const orgAdmin = actor('organisation_admin', policeAsb);
    expect(canManageOrganisation(orgAdmin, police)).toBe(true);
    expect(canManageOrganisation(orgAdmin, council)).toBe(false);
    expect(canManageOrganisation(orgAdmin, otherPolice)).toBe(false);
  });

  it('gives team administrators, practitioners and read-only users no organisation to manage', () => {
    for (const role of ['team_admin', 'practitioner', 'read_only'] as const) {
      expect(canManageOrganisation(actor(role, policeAsb), police), role).toBe(false);
    }
  });
});

describe('canManageTeam', () => {
  it('lets an organisation administrator manage every team of their organisation and none elsewhere', () => {
    const orgAdmin = actor('organisation_admin', policeAsb);
    expect(canManageTeam(orgAdmin, policeAsb)).toBe(true);
    expect(canManageTeam(orgAdmin, policeIom)).toBe(true);
    expect(canManageTeam(orgAdmin, councilCs)).toBe(false);
    expect(canManageTeam(orgAdmin, otherAsb)).toBe(false);
  });

  it('lets a team administrator manage their own team only, not a sibling team', () => {
    const lead = actor('team_admin', policeAsb);
    expect(canManageTeam(lead, policeAsb)).toBe(true);
    expect(canManageTeam(lead, policeIom)).toBe(false);
    expect(canManageTeam(lead, councilCs)).toBe(false);
  });

  it('gives practitioners and read-only users no team to manage, not even their own', () => {
    expect(canManageTeam(actor('practitioner', policeAsb), policeAsb)).toBe(false);
    expect(canManageTeam(actor('read_only', policeAsb), policeAsb)).toBe(false);
  });

  it('lets a system administrator manage any team', () => {
    const admin = actor('system_admin', { id: 't-desk', organisationId: 'o-desk' });
    for (const team of [policeAsb, policeIom, councilCs, otherAsb]) expect(canManageTeam(admin, team)).toBe(true);
  });
});

describe('assignableRoles', () => {
  it('never offers a role above the administrator\'s own reach', () => {
    expect(assignableRoles(actor('system_admin'))).toEqual(['system_admin', 'organisation_admin', 'team_admin', 'practitioner', 'read_only']);
    expect(assignableRoles(actor('organisation_admin'))).toEqual(['organisation_admin', 'team_admin', 'practitioner', 'read_only']);
    expect(assignableRoles(actor('team_admin'))).toEqual(['practitioner', 'read_only']);
    expect(assignableRoles(actor('practitioner'))).toEqual([]);
    expect(assignableRoles(actor('read_only'))).toEqual([]);
  });
});

describe('canManageUser', () => {
  it('lets a team administrator manage the practitioners and read-only users of their team only', () => {
    const lead = actor('team_admin', policeAsb);
    expect(canManageUser(lead, user('practitioner', policeAsb))).toBe(true);
    expect(canManageUser(lead, user('read_only', policeAsb))).toBe(true);
    expect(canManageUser(lead, user('team_admin', policeAsb))).toBe(false);
    expect(canManageUser(lead, user('organisation_admin', policeAsb))).toBe(false);
    expect(canManageUser(lead, user('system_admin', policeAsb))).toBe(false);
    expect(canManageUser(lead, user('practitioner', policeIom))).toBe(false);
    expect(canManageUser(lead, user('practitioner', councilCs))).toBe(false);
  });

  it('lets an organisation administrator manage everyone below system administrator in their organisation', () => {
    const orgAdmin = actor('organisation_admin', policeAsb);
    for (const role of ['organisation_admin', 'team_admin', 'practitioner', 'read_only'] as const) {
      expect(canManageUser(orgAdmin, user(role, policeIom)), role).toBe(true);
    }
    expect(canManageUser(orgAdmin, user('system_admin', policeIom))).toBe(false);
    expect(canManageUser(orgAdmin, user('practitioner', councilCs))).toBe(false);
    expect(canManageUser(orgAdmin, user('practitioner', otherAsb))).toBe(false);
  });

  it('lets a system administrator manage anyone, and practitioners no one', () => {
    const admin = actor('system_admin', { id: 't-desk', organisationId: 'o-desk' });
    for (const role of allRoles) expect(canManageUser(admin, user(role, otherAsb)), role).toBe(true);
    const practitioner = actor('practitioner', policeAsb);
    for (const role of allRoles) expect(canManageUser(practitioner, user(role, policeAsb)), role).toBe(false);
    const readOnly = actor('read_only', policeAsb);
    expect(canManageUser(readOnly, user('read_only', policeAsb))).toBe(false);
  });
});

describe('canSeeUser', () => {
  it('shows a team administrator everyone in their team, including those they cannot manage', () => {
    const lead = actor('team_admin', policeAsb);
    const fellowLead = user('team_admin', policeAsb);
    expect(canSeeUser(lead, fellowLead)).toBe(true);
    expect(canManageUser(lead, fellowLead)).toBe(false);
    expect(canSeeUser(lead, user('practitioner', policeIom))).toBe(false);
    expect(canSeeUser(lead, user('practitioner', councilCs))).toBe(false);
  });

  it('shows an organisation administrator their organisation only', () => {
    const orgAdmin = actor('organisation_admin', policeAsb);
    expect(canSeeUser(orgAdmin, user('practitioner', policeIom))).toBe(true);
    expect(canSeeUser(orgAdmin, user('practitioner', councilCs))).toBe(false);
    expect(canSeeUser(orgAdmin, user('practitioner', otherAsb))).toBe(false);
  });

  it('shows practitioners and read-only users no one, not even a teammate', () => {
    expect(canSeeUser(actor('practitioner', policeAsb), user('practitioner', policeAsb))).toBe(false);
    expect(canSeeUser(actor('read_only', policeAsb), user('practitioner', policeAsb))).toBe(false);
  });
});

describe('canManagePartnershipLists', () => {
  it('keeps the partnership\'s lists, library, bank and built-in templates with its system administrators', () => {
    const admin = actor('system_admin', { id: 't-desk', organisationId: police });
    expect(canManagePartnershipLists(admin, partnership)).toBe(true);
    expect(canManagePartnershipLists(admin, otherPartnership)).toBe(false);
  });

  it('gives no organisation of the partnership, nor any team, the lists every agency shares', () => {
    for (const role of ['organisation_admin', 'team_admin', 'practitioner', 'read_only'] as const) {
      expect(canManagePartnershipLists(actor(role, policeAsb), partnership), role).toBe(false);
      expect(canManagePartnershipLists(actor(role, councilCs), partnership), role).toBe(false);
    }
  });

  it('agrees with the permissions that open the routes and the screens', () => {
    for (const role of allRoles) {
      const keeps = canManagePartnershipLists(actor(role, policeAsb), partnership);
      for (const permission of ['lookups.manage', 'templates.manage', 'question_bank.manage'] as const) {
        expect(roleHas(role, permission), `${role} ${permission}`).toBe(keeps);
      }
    }
  });
});

describe('canManageAssessmentTemplate', () => {
  const teamTemplate = (team: { id: string; organisationId: string }) => ({ partnershipId: partnershipOf[team.organisationId]!, builtIn: false, ownerTeam: team });
  const builtIn = { partnershipId: partnership, builtIn: true, ownerTeam: null };

  it('lets an organisation administrator change the templates of their organisation\'s teams, not another organisation\'s', () => {
    const orgAdmin = actor('organisation_admin', policeAsb);
    expect(canManageAssessmentTemplate(orgAdmin, teamTemplate(policeAsb))).toBe(true);
    expect(canManageAssessmentTemplate(orgAdmin, teamTemplate(policeIom))).toBe(true);
    expect(canManageAssessmentTemplate(orgAdmin, teamTemplate(councilCs))).toBe(false);
    expect(canManageAssessmentTemplate(orgAdmin, teamTemplate(otherAsb))).toBe(false);
  });

  it('lets a team administrator change their own team\'s templates only', () => {
    const lead = actor('team_admin', policeAsb);
    expect(canManageAssessmentTemplate(lead, teamTemplate(policeAsb))).toBe(true);
    expect(canManageAssessmentTemplate(lead, teamTemplate(policeIom))).toBe(false);
    expect(canManageAssessmentTemplate(lead, teamTemplate(councilCs))).toBe(false);
  });

  it('leaves the built-in templates to the partnership\'s system administrators', () => {
    const admin = actor('system_admin', { id: 't-desk', organisationId: police });
    expect(canManageAssessmentTemplate(admin, builtIn)).toBe(true);
    expect(canManageAssessmentTemplate(admin, { ...builtIn, partnershipId: otherPartnership })).toBe(false);
    expect(canManageAssessmentTemplate(actor('organisation_admin', policeAsb), builtIn)).toBe(false);
    expect(canManageAssessmentTemplate(actor('team_admin', policeAsb), builtIn)).toBe(false);
    // A built-in template stays the partnership's even if a team's id were on it.
    expect(canManageAssessmentTemplate(actor('team_admin', policeAsb), { ...builtIn, ownerTeam: policeAsb })).toBe(false);
  });

  it('lets a system administrator change any team\'s template of their partnership, and no other partnership\'s', () => {
    const admin = actor('system_admin', { id: 't-desk', organisationId: police });
    expect(canManageAssessmentTemplate(admin, teamTemplate(councilCs))).toBe(true);
    expect(canManageAssessmentTemplate(admin, teamTemplate(otherAsb))).toBe(false);
  });

  it('gives practitioners and read-only users no template to change, not even their team\'s', () => {
    expect(canManageAssessmentTemplate(actor('practitioner', policeAsb), teamTemplate(policeAsb))).toBe(false);
    expect(canManageAssessmentTemplate(actor('read_only', policeAsb), teamTemplate(policeAsb))).toBe(false);
  });
});

describe('route permissions by role', () => {
  it('keeps structure, tokens and audit verification with the roles that hold them', () => {
    expect(allRoles.filter((r) => roleHas(r, 'partnerships.manage'))).toEqual(['system_admin']);
    expect(allRoles.filter((r) => roleHas(r, 'organisations.manage'))).toEqual(['system_admin']);
    expect(allRoles.filter((r) => roleHas(r, 'teams.manage'))).toEqual(['system_admin', 'organisation_admin']);
    expect(allRoles.filter((r) => roleHas(r, 'users.manage'))).toEqual(['system_admin', 'organisation_admin', 'team_admin']);
    expect(allRoles.filter((r) => roleHas(r, 'api_tokens.manage'))).toEqual(['system_admin', 'organisation_admin']);
    expect(allRoles.filter((r) => roleHas(r, 'audit.view'))).toEqual(['system_admin', 'organisation_admin', 'team_admin']);
    expect(allRoles.filter((r) => roleHas(r, 'audit.verify'))).toEqual(['system_admin']);
    expect(allRoles.filter((r) => roleHas(r, 'signed_in'))).toEqual(allRoles);
  });

  it('keeps the partnership\'s shared lists with the system administrator, and template design with every administrator', () => {
    expect(allRoles.filter((r) => roleHas(r, 'lookups.manage'))).toEqual(['system_admin']);
    expect(allRoles.filter((r) => roleHas(r, 'templates.manage'))).toEqual(['system_admin']);
    expect(allRoles.filter((r) => roleHas(r, 'question_bank.manage'))).toEqual(['system_admin']);
    expect(allRoles.filter((r) => roleHas(r, 'assessments.design'))).toEqual(['system_admin', 'organisation_admin', 'team_admin']);
    for (const permission of ['lookups.manage', 'templates.manage', 'question_bank.manage'] as const) {
      expect(permissionsOf(actor('organisation_admin')), permission).not.toContain(permission);
    }
  });

  it('sends a practitioner the shared record and their team\'s triage desk, and a read-only user only its reading', () => {
    expect(permissionsOf(actor('practitioner'))).toEqual([
      'signed_in', 'records.view', 'records.edit', 'records.emergency_access', 'panels.view', 'referrals.triage', 'insights.view', 'agreements.view', 'schemes.view', 'schemes.manage',
      'help.view', 'suggestions.post',
    ]);
    expect(permissionsOf(actor('read_only'))).toEqual(['signed_in', 'records.view', 'panels.view', 'insights.view', 'agreements.view', 'schemes.view', 'help.view', 'suggestions.post']);
    expect(actorHas(actor('practitioner'), 'schemes.look_up')).toBe(false);
    expect(actorHas(actor('read_only', policeAsb, { schemeLookUp: true }), 'schemes.look_up')).toBe(true);
    expect(actorHas(actor('practitioner'), 'teams.manage')).toBe(false);
    expect(actorHas(actor('organisation_admin'), 'teams.manage')).toBe(true);
  });

  it('lets a flagged supervisor approve adjustments and supervise, and nothing else beyond their role; never a read-only one', () => {
    const sergeant = actor('practitioner', policeAsb, { isSupervisor: true });
    expect(permissionsOf(sergeant)).toEqual([
      'signed_in', 'records.view', 'records.edit', 'records.emergency_access', 'assessments.approve', 'teams.supervise', 'panels.view', 'referrals.triage', 'insights.view',
      'agreements.view', 'schemes.view', 'schemes.manage', 'help.view', 'suggestions.post',
    ]);
    expect(actorHas(sergeant, 'users.manage')).toBe(false);
    expect(actorHas(actor('practitioner'), 'assessments.approve')).toBe(false);
    expect(actorHas(actor('read_only', policeAsb, { isSupervisor: true }), 'assessments.approve')).toBe(false);
    expect(actorHas(actor('read_only', policeAsb, { isSupervisor: true }), 'teams.supervise')).toBe(false);
  });

  it('lets a team\'s admin or flagged supervisor supervise that team, and an organisation admin all of theirs', () => {
    expect(canSuperviseTeam(actor('team_admin'), policeAsb)).toBe(true);
    expect(canSuperviseTeam(actor('team_admin'), policeIom)).toBe(false);
    expect(canSuperviseTeam(actor('practitioner', policeAsb, { isSupervisor: true }), policeAsb)).toBe(true);
    expect(canSuperviseTeam(actor('practitioner'), policeAsb)).toBe(false);
    expect(canSuperviseTeam(actor('read_only', policeAsb, { isSupervisor: true }), policeAsb)).toBe(false);
    expect(canSuperviseTeam(actor('organisation_admin'), policeIom)).toBe(true);
    expect(canSuperviseTeam(actor('organisation_admin'), councilCs)).toBe(false);
    expect(canSuperviseTeam(actor('practitioner', policeAsb, { kind: 'api_token', isSupervisor: true }), policeAsb)).toBe(false);
  });
});

describe('editing by role and token', () => {
  it('never lets a read-only user or a read-only token edit, whatever their grant', () => {
    expect(mayEverEdit(actor('practitioner'))).toBe(true);
    expect(mayEverEdit(actor('read_only'))).toBe(false);
    expect(mayEverEdit(actor('practitioner', policeAsb, { kind: 'api_token', readOnly: true }))).toBe(false);
    expect(mayEverEdit(actor('practitioner', policeAsb, { kind: 'api_token', readOnly: false }))).toBe(true);

    expect(effectiveLevel(actor('read_only'), 'edit')).toBe('view');
    expect(effectiveLevel(actor('practitioner', policeAsb, { kind: 'api_token', readOnly: true }), 'edit')).toBe('view');
    expect(effectiveLevel(actor('practitioner'), 'edit')).toBe('edit');
    expect(effectiveLevel(actor('read_only'), 'view')).toBe('view');
    expect(effectiveLevel(actor('read_only'), null)).toBeNull();
    expect(effectiveLevel(actor('practitioner'), null)).toBeNull();
  });
});

describe('mayChangeContribution', () => {
  const open = (level: 'edit' | 'view' | null) => ({ level, archived: false });

  it('lets the author change what they added, with view access to the record', () => {
    const officer = actor('practitioner', councilCs);
    expect(mayChangeContribution(officer, officer.id, open('view'))).toBe(true);
  });

  it('lets someone holding edit on the record change what another agency added', () => {
    expect(mayChangeContribution(actor('practitioner', policeAsb), 'u-someone-else', open('edit'))).toBe(true);
  });

  it('refuses a partner with view access changing what another agency added', () => {
    expect(mayChangeContribution(actor('practitioner', councilCs), 'u-someone-else', open('view'))).toBe(false);
    expect(mayChangeContribution(actor('organisation_admin', councilCs), 'u-someone-else', open('view'))).toBe(false);
  });

  it('refuses read-only users and tokens, even their own or with edit, and everyone on an archived case', () => {
    const reader = actor('read_only', policeAsb);
    expect(mayChangeContribution(reader, reader.id, open('edit'))).toBe(false);
    const token = actor('practitioner', policeAsb, { kind: 'api_token', readOnly: true });
    expect(mayChangeContribution(token, 'u-someone-else', open('edit'))).toBe(false);
    const officer = actor('practitioner', policeAsb);
    expect(mayChangeContribution(officer, officer.id, { level: 'edit', archived: true })).toBe(false);
  });

  it('never takes an API token for the author, whatever its id', () => {
    const token = actor('practitioner', councilCs, { kind: 'api_token', readOnly: false });
    expect(mayChangeContribution(token, token.id, open('view'))).toBe(false);
  });
});
