import { describe, expect, it } from 'vitest';
import { referralDecisionBody } from '../../shared/api/referrals.ts';
import { decisionBody, decisionProblems, noDecision, type DecisionValues } from './decision.ts';

const caseType = '5b0a8c1e-4a4e-4d55-9d0e-1f2a3b4c5d6e';
const profileId = '8d2f6a3b-1c4e-4f7a-9b8c-0d1e2f3a4b5c';
const caseId = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const decided = (values: Partial<DecisionValues>): DecisionValues => ({ ...noDecision, reason: 'Fits our criteria', ...values });

describe('decisionBody', () => {
  it('sends a new case with its type, a new person and who reads the report', () => {
    const body = decisionBody(decided({ decision: 'new-case', caseTypeId: caseType, caseId, signpostedTo: 'left over' }), 3);
    expect(body).toEqual({ decision: 'new-case', reason: 'Fits our criteria', version: 3, caseType, reportVisibility: 'team' });
    expect(referralDecisionBody.safeParse(body).success).toBe(true);
  });

  it('links a likely match and gives their role when chosen', () => {
    const body = decisionBody(decided({ decision: 'existing-case', caseId, person: profileId, role: 'victim', reportVisibility: 'shared' }), 1);
    expect(body).toEqual({ decision: 'existing-case', reason: 'Fits our criteria', version: 1, caseId, profileId, role: 'victim', reportVisibility: 'shared' });
    expect(referralDecisionBody.safeParse(body).success).toBe(true);
  });

  it('sends only what a signpost, a question or a decline needs', () => {
    expect(decisionBody(decided({ decision: 'signpost', signpostedTo: 'Citizens Advice', caseTypeId: caseType }), 2)).toEqual({
      decision: 'signpost', reason: 'Fits our criteria', version: 2, signpostedTo: 'Citizens Advice',
    });
    expect(decisionBody(decided({ decision: 'more-information', question: 'Which flat?' }), 2)).toEqual({
      decision: 'more-information', reason: 'Fits our criteria', version: 2, question: 'Which flat?',
    });
    expect(decisionBody(decided({ decision: 'decline', person: profileId }), 2)).toEqual({ decision: 'decline', reason: 'Fits our criteria', version: 2 });
  });
});

describe('decisionProblems', () => {
  const problems = (values: Partial<DecisionValues>) => Object.entries(decisionProblems(decided(values))).filter(([, p]) => p !== null);

  it('asks for a decision first', () => {
    expect(problems({})).toEqual([['decision', 'Choose a decision']]);
  });

  it('asks for what each decision needs', () => {
    expect(problems({ decision: 'new-case' })).toEqual([['caseType', 'Choose a case type']]);
    expect(problems({ decision: 'existing-case' })).toEqual([['caseId', 'Find and choose the case']]);
    expect(problems({ decision: 'signpost', signpostedTo: '  ' })).toEqual([['signpostedTo', 'Say where they were signposted to']]);
    expect(problems({ decision: 'more-information' })).toEqual([['question', 'Write the question for the referrer']]);
    expect(problems({ decision: 'decline' })).toEqual([]);
  });
});
