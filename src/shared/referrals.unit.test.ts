import { describe, expect, it } from 'vitest';
import {
  decisionSteps, referralDecisions, referralStates, referralStepNames, stepFrom, type ReferralState, type ReferralStep,
} from './referrals.ts';

/**
 * The whole table of the state machine, written out by hand rather than derived from the rules it
 * checks: each step from each of the seven states, where it leads or null where it is refused.
 */
const table: Record<ReferralState, Record<ReferralStep, ReferralState | null>> = {
  new: {
    'start-triage': 'in-triage', 'request-information': 'waiting-for-information', 'information-received': null,
    accept: 'accepted', signpost: 'signposted', decline: 'declined', withdraw: 'withdrawn', reopen: null,
  },
  'in-triage': {
    'start-triage': null, 'request-information': 'waiting-for-information', 'information-received': null,
    accept: 'accepted', signpost: 'signposted', decline: 'declined', withdraw: 'withdrawn', reopen: null,
  },
  'waiting-for-information': {
    'start-triage': null, 'request-information': null, 'information-received': 'in-triage',
    accept: 'accepted', signpost: 'signposted', decline: 'declined', withdraw: 'withdrawn', reopen: null,
  },
  accepted: {
    'start-triage': null, 'request-information': null, 'information-received': null,
    accept: null, signpost: null, decline: null, withdraw: null, reopen: 'in-triage',
  },
  signposted: {
    'start-triage': null, 'request-information': null, 'information-received': null,
    accept: null, signpost: null, decline: null, withdraw: null, reopen: 'in-triage',
  },
  declined: {
    'start-triage': null, 'request-information': null, 'information-received': null,
    accept: null, signpost: null, decline: null, withdraw: null, reopen: 'in-triage',
  },
  withdrawn: {
    'start-triage': null, 'request-information': null, 'information-received': null,
    accept: null, signpost: null, decline: null, withdraw: null, reopen: 'in-triage',
  },
};

describe('the referral state machine', () => {
  it('covers every state and every step', () => {
    expect(Object.keys(table).sort()).toEqual([...referralStates].sort());
    for (const state of referralStates) expect(Object.keys(table[state]).sort()).toEqual([...referralStepNames].sort());
  });

  it.each(referralStates)('takes from %s exactly the steps the table allows', (state) => {
    for (const step of referralStepNames) expect({ step, to: stepFrom(state, step) }).toEqual({ step, to: table[state][step] });
  });

  it('lets a decided or withdrawn referral be reopened, and nothing else be done to it', () => {
    for (const state of ['accepted', 'signposted', 'declined', 'withdrawn'] as const) {
      expect(referralStepNames.filter((step) => stepFrom(state, step) !== null)).toEqual(['reopen']);
    }
  });

  it('gives every decision a step that an open referral may take', () => {
    for (const decision of referralDecisions) expect(stepFrom('in-triage', decisionSteps[decision])).not.toBeNull();
  });
});
