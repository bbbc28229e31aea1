/**
 * Referrals and triage: referrals keyed in by staff or sent by other systems, through the one way
 * in (`intake/receive.ts`, which the public form uses too), and the team's triage desk that works
 * them. What the referrer said is sealed at rest and unsealed only for the desk of its team.
 */
export { createReferral } from './intake/keyed.ts';
export { getReferral, referralMatches } from './desk/detail.ts';
export { recordInformation } from './desk/information.ts';
export { listReferrals } from './desk/list.ts';
export { deskStatistics } from './desk/statistics.ts';
export { startReferralSweep } from './desk/sweep.ts';
export { addNote, assignReferral, moveReferral } from './desk/work.ts';
