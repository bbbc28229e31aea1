import type { ProfileRole } from '../../../../shared/records.ts';

/**
 * Why each person is on the record, in the officers' words. `{street}` is where they live or
 * where it happened. Some records say nothing useful ("n/a"), as the seeds found: compliance
 * monitoring shows them.
 */
export const reasons: Record<ProfileRole, string[]> = {
  victim: [
    'Reported repeated noise and abuse from the neighbours on {street}',
    'Victim of racially aggravated harassment on {street}; reported to police',
    'Reported youths damaging their car and shouting abuse outside their home on {street}',
    'Older resident targeted by young people knocking on doors and windows late at night',
    'Reported intimidation by a neighbour after a dispute over parking on {street}',
    'Feels unsafe walking through the recreation ground after groups threatened them',
    'Shop worker on Station Parade threatened and abused by customers',
    'Repeated calls about drug dealing from the flat next door on {street}',
    'Victim of homophobic abuse in the street; reported through the hate crime line',
  ],
  perpetrator: [
    'Named in several complaints of noise and abuse on {street}',
    'Identified on CCTV damaging shop fronts on Station Parade',
    'Drinking and fighting at the recreation ground; subject of a dispersal direction',
    'Tenant whose visitors cause noise and drug use at the address on {street}',
    'Named by neighbours for racist abuse shouted over the fence',
    'Riding an off-road motorbike through the estate and play area',
  ],
  witness: [
    'Witnessed the assault on Station Parade and gave a statement',
    'Neighbour on {street} who has kept a noise diary for the housing officer',
    'Saw the damage to the bus shelter and can identify those involved',
  ],
  vulnerable_person: [
    'Vulnerable adult at risk of cuckooing; friends of a known dealer seen visiting',
    'Hoarding reported by the housing officer; fire risk at the address',
    'Lives alone with dementia; befriended by local young people who take money',
    'Young person going missing and seen with older men at the bus station',
  ],
  family_member: [
    'Mother of a young person on an Acceptable Behaviour Contract',
    'Partner of the tenant; lives at the address on {street}',
    'Grandparent caring for the children at the address',
  ],
  cardholder: ['Joined the Keep Safe Card scheme'],
  other: ['Landlord of the address on {street}; agreed to work with the council'],
};

/** Reasons particular to a team's work. */
export const teamReasons = {
  idvaVictim: [
    'Referred by police after a domestic abuse call-out; DASH completed',
    'Self-referred to the IDVA service after leaving an abusive partner',
    'Referred by the GP surgery; disclosed controlling and coercive behaviour',
  ],
  idvaPerpetrator: ['Ex-partner of a victim supported by the IDVA service', 'Named as the abuser in a MARAC referral'],
  iom: ['Prolific acquisitive offender on the IOM cohort', 'Released on licence; managed by IOM for burglary and shoplifting', 'Persistent offender with drug misuse; on the IOM fixed cohort'],
};

/** What nothing useful looks like: shorter than the compliance rule's ten letters. */
export const emptyReasons = ['n/a', 'ASB', 'see notes', 'tbc', '-', 'Noise'];

export const keyInformation = [
  'Prefers contact after 6pm; works days',
  'Uses a wheelchair; ground floor access only',
  'Speaks Polish; use an interpreter for visits',
  'Do not leave voicemail: the partner checks the phone',
  'Large dog at the address; ask for it to be shut away before visits',
  'Hard of hearing; text or visit rather than phone',
  'Has a learning disability; a support worker attends meetings',
  'Works nights; best seen late morning',
];

export const outcomes = [
  ['Behaviour stopped after an Acceptable Behaviour Contract', 'Resolved'],
  ['Civil injunction granted; no further reports since', 'Resolved'],
  ['Victim rehoused by the housing association', 'Victim moved'],
  ['Perpetrator evicted after a possession order', 'Resolved'],
  ['No further reports for three months', 'No further incidents'],
  ['Victim did not want to take it further', 'Victim withdrew'],
  ['Insufficient evidence to take enforcement action', 'No further action'],
  ['Mediation agreed and kept to by both households', 'Resolved'],
] as const;
