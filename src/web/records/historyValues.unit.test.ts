import { describe, expect, it } from 'vitest';
import { subjectOf } from './historyActions.ts';
import { historyFieldLabel, historyValue, shownChanges } from './historyValues.ts';

const caseType = '0192f1c4-5a6b-7c8d-9e0f-123456789abc';
const officer = '0192f1c4-5a6b-7c8d-9e0f-123456789abd';
const person = '0192f1c4-5a6b-7c8d-9e0f-123456789abe';

describe('the words of a record\'s history', () => {
  it('labels fields as the record\'s forms do, by the kind of record the action is on', () => {
    expect(historyFieldLabel('case.updated', 'caseTypeId')).toBe('Case type');
    expect(historyFieldLabel('case.created', 'leadOfficerId')).toBe('Lead officer');
    expect(historyFieldLabel('location.created', 'addressLine1')).toBe('Address line 1');
    expect(historyFieldLabel('profile.updated', 'reasonCreated')).toBe('Reason for creating this profile');
    expect(historyFieldLabel('task.reassigned', 'assignedTeamId')).toBe('Set for (team)');
    expect(historyFieldLabel('report.updated', 'reportTypeId')).toBe('Type of report');
    expect(historyFieldLabel('case.intervention_added', 'interventionTypeId')).toBe('Intervention');
    expect(historyFieldLabel('record.shared', 'level')).toBe('Access');
    // A field no form labels still reads as words, an id named for what it points at.
    expect(historyFieldLabel('user.updated', 'teamId')).toBe('Team');
    expect(historyFieldLabel('user.updated', 'isSupervisor')).toBe('Is supervisor');
    expect(historyFieldLabel('action.updated', 'recipientIds')).toBe('Recipients');
  });

  it('shows ids by the names the server gave, and says what it may not name', () => {
    const names = {
      [caseType]: { kind: 'lookup' as const, name: 'Anti-social behaviour' },
      [officer]: { kind: 'user' as const, name: 'Priya Shah' },
      [person]: { kind: 'profile' as const, name: null },
    };
    expect(historyValue('case.updated', 'caseTypeId', caseType, names)).toBe('Anti-social behaviour');
    expect(historyValue('case.updated', 'leadOfficerId', officer, names)).toBe('Priya Shah');
    expect(historyValue('profile.merged', 'mergedIntoId', person, names)).toBe('a person you cannot open');
    expect(historyValue('case.updated', 'parentCaseId', '0192f1c4-5a6b-7c8d-9e0f-000000000000', names)).toBe('Another record');
  });

  it('reads a vocabulary\'s keys as its words, by the kind of record', () => {
    expect(historyValue('case.closed', 'status', 'closed')).toBe('Closed');
    expect(historyValue('task.accepted', 'status', 'accepted')).toBe('In progress');
    expect(historyValue('case.intervention_updated', 'status', 'in_force')).toBe('In force');
    expect(historyValue('location.created', 'kind', 'public_space')).toBe('Public space');
    expect(historyValue('profile.updated', 'roles', ['victim', 'witness'])).toBe('Victim, Witness');
    expect(historyValue('profile.updated', 'roles', [])).toBe('(none)');
    expect(historyValue('profile.updated', 'phone', null)).toBe('(blank)');
    expect(historyValue('case.updated', 'startDate', '2026-03-04')).toBe('4 Mar 2026');
  });

  it('lists only the fields given when a record is made, and leaves out what was blank before and after', () => {
    const created = shownChanges('location.created', {
      addressLine1: { before: null, after: '12 High Street' },
      addressLine2: { before: null, after: '' },
      postcode: { before: null, after: 'NG1 5AB' },
    });
    expect(created).toEqual({ created: true, rows: [['addressLine1', { before: null, after: '12 High Street' }], ['postcode', { before: null, after: 'NG1 5AB' }]] });
    const updated = shownChanges('profile.updated', { phone: { before: null, after: '0115' }, aliases: { before: [], after: null } });
    expect(updated).toEqual({ created: false, rows: [['phone', { before: null, after: '0115' }]] });
  });

  it('says who a link or relationship is about, by name only where the server gave one', () => {
    expect(subjectOf({ details: { profileId: person, role: 'victim' }, names: { [person]: { kind: 'profile', name: null } } }))
      .toEqual({ kind: 'profile', id: person, name: null, relationship: null, role: 'Victim' });
    expect(subjectOf({ details: { otherProfileId: person, label: 'Child of', kind: 'parent' }, names: { [person]: { kind: 'profile', name: 'Cyril Relative' } } }))
      .toEqual({ kind: 'profile', id: person, name: 'Cyril Relative', relationship: 'Child of', role: null });
    expect(subjectOf({ details: { target: { team: { id: officer, name: 'ASB team' } } }, names: {} })).toBeNull();
  });
});
