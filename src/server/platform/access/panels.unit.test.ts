import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles.ts';
import type { Actor } from './actor.ts';
import { canManagePanel, canReferTo, canResearchFor, canRunPanel, canSeePanel, type PanelFacts } from './panels.ts';
import { actorHas } from './permissions.ts';

const partnership = 'p-1';
const police = 'org-police';
const housing = 'org-housing';
const fire = 'org-fire';

function actor(id: string, role: Role, organisationId: string, extra: Partial<Actor> = {}): Actor {
  return { kind: 'user', id, name: id, role, isSupervisor: false, teamId: `${organisationId}-team`, organisationId, partnershipId: partnership, readOnly: false, ...extra };
}

const panel: PanelFacts = { partnershipId: partnership, chairUserId: 'chair', coordinatorIds: ['coordinator'], memberOrganisationIds: [police, housing] };

describe('who may do what with a panel', () => {
  it('lets members see it and refer to it, and only its chair, coordinators and system administrators run it', () => {
    const member = actor('member', 'practitioner', housing);
    expect([canSeePanel, canReferTo, canResearchFor, canRunPanel].map((rule) => rule(member, panel))).toEqual([true, true, true, false]);
    for (const runner of [actor('chair', 'practitioner', fire), actor('coordinator', 'team_admin', fire), actor('admin', 'system_admin', 'org-desk')]) {
      expect(canRunPanel(runner, panel)).toBe(true);
      expect(canSeePanel(runner, panel)).toBe(true);
    }
    // A chair from outside the member organisations refers but does not research for an agency.
    expect(canReferTo(actor('chair', 'practitioner', fire), panel)).toBe(true);
    expect(canResearchFor(actor('chair', 'practitioner', fire), panel)).toBe(false);
  });

  it('refuses other organisations, read-only accounts and tokens where they would change something, and everyone of another partnership', () => {
    const stranger = actor('stranger', 'practitioner', fire);
    expect([canSeePanel, canReferTo, canRunPanel].map((rule) => rule(stranger, panel))).toEqual([false, false, false]);
    const reader = actor('reader', 'read_only', housing);
    expect([canSeePanel(reader, panel), canReferTo(reader, panel), canResearchFor(reader, panel)]).toEqual([true, false, false]);
    expect(canRunPanel(actor('chair', 'read_only', fire), panel)).toBe(false);
    expect(canRunPanel(actor('chair', 'practitioner', fire, { kind: 'api_token' }), panel)).toBe(false);
    const elsewhere = actor('admin', 'system_admin', police, { partnershipId: 'p-2' });
    expect([canSeePanel, canRunPanel, canManagePanel].map((rule) => rule(elsewhere, panel))).toEqual([false, false, false]);
  });

  it('lets system administrators and the panel\'s own coordinators holding panels.manage change it', () => {
    expect(canManagePanel(actor('admin', 'system_admin', 'org-desk'), panel)).toBe(true);
    expect(canManagePanel(actor('coordinator', 'practitioner', police, { isCoordinator: true }), panel)).toBe(true);
    // The flag taken away, or another panel's coordinator: no.
    expect(canManagePanel(actor('coordinator', 'practitioner', police), panel)).toBe(false);
    expect(canManagePanel(actor('other-coordinator', 'practitioner', police, { isCoordinator: true }), panel)).toBe(false);
    expect(canManagePanel(actor('chair', 'practitioner', fire, { isCoordinator: true }), panel)).toBe(false);
  });

  it('gives the coordinator flag panels.manage whatever the role, but never to a read-only user', () => {
    expect(actorHas(actor('c', 'practitioner', police, { isCoordinator: true }), 'panels.manage')).toBe(true);
    expect(actorHas(actor('c', 'practitioner', police), 'panels.manage')).toBe(false);
    expect(actorHas(actor('c', 'read_only', police, { isCoordinator: true }), 'panels.manage')).toBe(false);
    expect(actorHas(actor('c', 'system_admin', police), 'panels.manage')).toBe(true);
    expect(actorHas(actor('c', 'read_only', police), 'panels.view')).toBe(true);
  });
});
