/**
 * What keyworkers write in reports, a sentence at a time: a report is two to four of these.
 * Never a client's name: generated text must not look like anyone real.
 */
export const reportSentences = [
  'Visited the address at the agreed time; no answer at the door and a card was left.',
  'Spoke with the tenant on the doorstep, who said the noise came from a party upstairs.',
  'Neighbour called again to say the shouting started at about 11pm and went on past 2am.',
  'Attended the multi-agency meeting; actions agreed for housing and the police.',
  'Client engaged well and agreed to meet the support worker next week.',
  'Client did not attend the appointment and has not answered calls since Tuesday.',
  'Warning letter delivered by hand and its contents explained.',
  'CCTV from the shop was reviewed and shows two young people damaging the bus shelter.',
  'Intelligence received that the flat is being used by people from outside the area.',
  'Welfare check completed; the client was safe and had food and heating.',
  'Victim updated on progress and told that the injunction hearing is next month.',
  'Debrief with the officers who attended; no injuries and no arrests.',
  'Referral made to the mental health crisis team with the client\'s consent.',
  'Housing officer confirmed that the tenancy is now subject to a formal warning.',
  'Acceptable behaviour contract signed in the presence of a parent.',
  'Reports of drug dealing from the stairwell continue, mostly in the early evening.',
  'School confirmed attendance has improved to over 90% this term.',
  'Case reviewed with the supervisor; risk remains medium and the plan is unchanged.',
  'Graffiti removed by the council\'s street scene team the same day.',
  'Client disclosed that they feel unsafe walking to the shops after dark.',
  'Noise diary returned with eight entries over the fortnight.',
  'Partner agencies agreed to share information under the partnership agreement.',
  'A significant incident was reported: a window was broken in the early hours.',
  'Follow-up call made; the client had moved in with family for a few days.',
];
