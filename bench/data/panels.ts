/**
 * What agencies write for a MARAC: research on each person before the meeting (facts kept apart
 * from opinion), the chair's minutes and the actions agreed. Never a client's name.
 */
export const researchFacts = [
  'Three calls to the address in the last six months; the latest a report of shouting and a smashed window, no arrest.',
  'Tenancy in joint names since 2019; rent arrears of about two months; a repairs visit found a damaged internal door.',
  'Registered with the practice; two attendances at the emergency department this year with injuries described as falls.',
  'Two children attend the local primary school; attendance 84% this term; staff noted a bruise on one child in March.',
  'Known to the IDVA service since last year; a safety plan is in place and was reviewed last month.',
  'The alleged perpetrator is on licence until the autumn; a condition not to contact the victim was added in January.',
  'A home fire safety visit was completed; smoke alarms fitted and a letterbox fire guard installed.',
  'No record held by this agency.',
];

export const researchOpinions = [
  'The officer in charge believes the risk has increased since the perpetrator\'s release.',
  'Staff are concerned that the victim is minimising what happens at home.',
  'We think the family would accept support from the children\'s centre if it were offered again.',
];

export const minutesText = 'Research shared by all agencies present. The chair summarised the risks: escalation since the last incident, children in the household, '
  + 'and the perpetrator living nearby. The IDVA will speak with the victim about the safety plan before the end of the week. '
  + 'Housing will consider a management transfer. Police will flag the address for an urgent response.';

export const risksText = 'Escalating physical violence; children present; perpetrator has breached conditions before.';

export const actionTitles = ['Flag the address for an urgent response', 'Offer a management transfer', 'Review the safety plan with the victim', 'Share the school\'s concerns with children\'s services'];
