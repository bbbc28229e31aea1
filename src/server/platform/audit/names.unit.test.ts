import { describe, expect, it } from 'vitest';
import { idsIn } from './names.ts';

const a = '0192f1c4-5a6b-7c8d-9e0f-00000000000a';
const b = '0192f1c4-5a6b-7c8d-9e0f-00000000000b';
const c = '0192f1c4-5a6b-7c8d-9e0f-00000000000c';
const d = '0192f1c4-5a6b-7c8d-9e0f-00000000000d';

describe('the ids an audit entry points at', () => {
  it('takes them from changes and details by the field that holds them, and nothing else', () => {
    const ids = idsIn(
      { caseTypeId: { before: a, after: b }, title: { before: 'Noise', after: d }, leadOfficerId: { before: null, after: c } },
      { profileId: d, role: 'victim', query: a },
    );
    expect([...ids]).toEqual([[a, 'lookup'], [b, 'lookup'], [c, 'user'], [d, 'profile']]);
  });

  it('takes each id of a list, and ignores what is not an id', () => {
    expect([...idsIn({ assignedTeamId: { before: [a, 'x'], after: 'not an id' } }, null)]).toEqual([[a, 'team']]);
    expect([...idsIn(null, null)]).toEqual([]);
  });
});
