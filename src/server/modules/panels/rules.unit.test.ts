import { describe, expect, it } from 'vitest';
import { panelKindOf } from '../../../shared/panels.ts';
import { byAgendaOrder, positionFor, type OrderFacts } from './meetings/order.ts';
import { criteriaOf, isChild, panelGrantEnds, suggestedCriteria } from './referrals/rules.ts';

const now = new Date('2026-06-01T12:00:00Z');
const referral = (id: string, day: number, facts: Partial<OrderFacts> = {}): OrderFacts => ({
  id, createdAt: new Date(Date.UTC(2026, 4, day)), hasChildren: false, outstandingActions: false, lastHeardAt: null, ...facts,
});

describe('SafeLives\' suggested agenda order', () => {
  it('puts outstanding actions first, then children, then adults, then those a year on from their last hearing, each by referral date', () => {
    const agenda = [
      referral('adult-late', 20),
      referral('year-on', 1, { lastHeardAt: '2025-05-01T10:00:00Z', hasChildren: true }),
      referral('children', 15, { hasChildren: true }),
      referral('actions', 25, { outstandingActions: true, lastHeardAt: '2025-01-01T10:00:00Z' }),
      referral('adult-early', 2),
      referral('heard-recently', 3, { lastHeardAt: '2026-01-01T10:00:00Z' }),
    ];
    expect(agenda.sort(byAgendaOrder(now)).map((r) => r.id)).toEqual(['actions', 'children', 'adult-early', 'heard-recently', 'adult-late', 'year-on']);
  });

  it('places a referral added later before the first item the order puts after it, leaving the chair\'s order alone', () => {
    const chairs = [referral('adult', 1), referral('children', 2, { hasChildren: true })];
    expect(positionFor(referral('more-children', 3, { hasChildren: true }), chairs, now)).toBe(1);
    expect(positionFor(referral('year-on', 3, { lastHeardAt: '2024-01-01T00:00:00Z' }), chairs, now)).toBe(3);
    expect(positionFor(referral('first', 1), [], now)).toBe(1);
  });
});

describe('referral rules', () => {
  it('suggests the criteria what Concord holds points to', () => {
    expect(suggestedCriteria({ dashScore: 14, matrixHigh: true, incidents: 3, repeat: true })).toEqual(['dash-14', 'ram-high', 'escalation', 'repeat']);
    expect(suggestedCriteria({ dashScore: 13, matrixHigh: false, incidents: 2, repeat: false })).toEqual([]);
    expect(suggestedCriteria({ dashScore: null, matrixHigh: false, incidents: 0, repeat: false })).toEqual([]);
  });

  it('adds repeat when Concord found one, once', () => {
    expect(criteriaOf(['professional-judgement'], true)).toEqual(['professional-judgement', 'repeat']);
    expect(criteriaOf(['repeat', 'dash-14'], true)).toEqual(['repeat', 'dash-14']);
    expect(criteriaOf(['dash-14'], false)).toEqual(['dash-14']);
  });

  it('counts a relative under 18 as a child, and a child of the person whose age nobody recorded', () => {
    expect(isChild({ age: 17, kind: 'sibling', personIsFrom: true })).toBe(true);
    expect(isChild({ age: 18, kind: 'parent', personIsFrom: true })).toBe(false);
    expect(isChild({ age: null, kind: 'parent', personIsFrom: true })).toBe(true);
    expect(isChild({ age: null, kind: 'parent', personIsFrom: false })).toBe(false);
    expect(isChild({ age: null, kind: 'partner', personIsFrom: true })).toBe(false);
  });

  it('lets the panel\'s runners open a referred record for the repeat window', () => {
    expect(panelGrantEnds(now).toISOString()).toBe('2027-06-01T12:00:00.000Z');
  });

  it('reads a kind as the API names it or by its key, in any case', () => {
    expect(panelKindOf('Community MARAC')).toBe('community-marac');
    expect(panelKindOf('community-marac')).toBe('community-marac');
    expect(panelKindOf('CASE CONFERENCE')).toBe('case-conference');
    expect(panelKindOf('jag')).toBe('jag');
    expect(panelKindOf('Tribunal')).toBeNull();
  });
});
