import { describe, expect, it } from 'vitest';
import type { Lookup } from '../../../shared/api/records.ts';
import { moveChanges } from './reorder.ts';
import { decodeShares, encodeShares, sharingBody } from './sharing.ts';

const value = (name: string, position: number): Lookup => ({
  id: `00000000-0000-4000-8000-00000000000${position}`,
  list: 'vulnerability',
  key: name.toLowerCase(),
  name,
  groupName: null,
  code: null,
  position,
  active: true,
  version: 1,
});

const summary = (changes: ReturnType<typeof moveChanges>) => changes.map((c) => `${c.value.name}→${c.position}`);

describe('moving a lookup value', () => {
  it('swaps the places of two neighbours', () => {
    const values = [value('Age', 0), value('Family', 1), value('Illness', 2)];
    expect(summary(moveChanges(values, 2, -1))).toEqual(['Illness→1', 'Family→2']);
    expect(summary(moveChanges(values, 0, 1))).toEqual(['Age→1', 'Family→0']);
  });

  it('numbers the list afresh when the two share a place, so the move shows', () => {
    const values = [value('Age', 0), value('Family', 0), value('Illness', 0)];
    expect(summary(moveChanges(values, 1, -1))).toEqual(['Age→1', 'Illness→2']);
  });

  it('does nothing past either end', () => {
    const values = [value('Age', 0), value('Family', 1)];
    expect(moveChanges(values, 0, -1)).toEqual([]);
    expect(moveChanges(values, 1, 1)).toEqual([]);
  });
});

describe('default sharing of a case type', () => {
  const team = 'team:6f1c2b8e-3d4a-4b5c-8d6e-7f8091a2b3c4';
  const organisation = 'organisation:0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';

  it('encodes the same sharing the same way whatever its order', () => {
    const a = encodeShares([{ target: team, level: 'edit' }, { target: organisation, level: 'view' }]);
    const b = encodeShares([{ target: organisation, level: 'view' }, { target: team, level: 'edit' }]);
    expect(a).toBe(b);
    expect(decodeShares(a)).toHaveLength(2);
    expect(decodeShares('')).toEqual([]);
  });

  it('sends teams and organisations as the API names them', () => {
    expect(sharingBody(decodeShares(encodeShares([{ target: team, level: 'edit' }, { target: organisation, level: 'view' }])))).toEqual([
      { organisationId: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', level: 'view' },
      { teamId: '6f1c2b8e-3d4a-4b5c-8d6e-7f8091a2b3c4', level: 'edit' },
    ]);
  });
});
