/**
 * What reports say, by report type key, in the words officers and call handlers use: a few dozen
 * templates, so the search box finds "noise", "graffiti", "intimidated" and the like. `{place}`
 * is a place's name, `{street}` a street, `{time}` a time of night.
 */
export const reportTexts: Record<string, string[]> = {
  'asb-complaint': [
    'Caller reports loud music and shouting from a house on {street} until {time}. Says it is the third night this week and they have not slept.',
    'Group of about eight youths at {place} drinking and shouting at passers-by. Caller felt intimidated walking home.',
    'Fresh graffiti sprayed on the shutters at {place}; the tags match those seen last month.',
    'Off-road bikes ridden at speed across {place}; a child was nearly hit. The riders wore balaclavas.',
    'Neighbour banging on the walls and shouting threats after the caller complained about the noise.',
    'Fireworks let off at {place} and aimed at houses and cars at {time}.',
    'Caller reports drug dealing from a car parked on {street}; cars coming and going every few minutes.',
    'Bins set on fire behind {place}; the fire service attended.',
    'Needles and cans left by the benches at {place} after people were drinking there overnight.',
    'A dog off its lead jumping at children at {place}; the owner became abusive when challenged.',
    'Window broken by a stone thrown from the street on {street}; the caller is scared to stay downstairs.',
    'Customers at {place} swearing and fighting outside at closing time; glasses smashed in the road.',
  ],
  'hate-incident': [
    'Caller was racially abused by a man on {street} who told them to go back to their own country.',
    'Homophobic graffiti written on the caller\'s front door overnight on {street}.',
    'Neighbour\'s children mimicked the caller\'s disability and threw stones at their mobility scooter.',
    'Caller was abused about her headscarf while waiting at {place}; CCTV requested.',
    'Leaflets with racist slogans pushed through letterboxes on {street}.',
  ],
  'contact-log': [
    'Phoned the caller to update them on the case. Things have been quieter since the letter but they are still anxious.',
    'Spoke with the housing officer about the tenancy on {street}; they will arrange a joint visit.',
    'Called the school about attendance: the young person has been absent three days this week.',
    'Left a message for the caller to ring back about their noise diary.',
    'Spoke to the mother by phone: she says her son is out late with older friends and she cannot control him.',
    'Call from the victim: they were intimidated again outside the shop and want to know what is happening.',
    'Rang the mental health team to share concerns after the last visit; they will review.',
    'Email from the ward councillor asking for an update on the problems at {place}.',
  ],
  visit: [
    'Home visit on {street}. The victim showed us the damage to the door and the noise diary they have kept.',
    'Joint visit with the housing officer. The tenant was warned about the noise and visitors and says they will keep it down.',
    'Patrol visited {place} at {time}. The group dispersed without trouble; names taken.',
    'Visited to deliver the warning letter and explained what happens if the behaviour continues.',
    'Welfare visit: the flat was cold and there was little food. Referred to adult social care with consent.',
    'Visited {place} with the licensing officer to check the CCTV and door staff.',
    'Door knocking on {street} to find witnesses; two residents gave accounts of the noise.',
  ],
  intelligence: [
    'Information received that the subject is storing drugs for others at an address on {street}.',
    'Subject seen associating with known dealers near {place} on several evenings.',
    'Neighbour reports the subject has a new car and many short visits late at night.',
    'Subject believed to carry a knife when in the town centre.',
  ],
  debrief: [
    'Debrief after the weekend operation at {place}: four dispersal directions, one arrest for possession, no further calls after midnight.',
    'Debrief of the joint visit: the housing association will start tenancy enforcement and police will review the CCTV.',
    'Debrief after the closure notice was served: premises secured and the occupier given advice.',
  ],
  'meeting-note': [
    'Multi-agency meeting: police, council and housing agreed an action plan; next review in four weeks.',
    'Case conference held. Actions: victim support referral, CCTV review, letter to the landlord.',
    'Problem-solving meeting about {place}: extra patrols, lighting repair requested, youth outreach on Friday nights.',
  ],
  'significant-event': [
    'Arrest made for criminal damage after the latest incident on {street}.',
    'The victim\'s car was set alight overnight on {street}; fire investigation under way.',
    'The perpetrator has moved out of the area and the tenancy has ended.',
  ],
  'case-review': [
    'Case reviewed with the supervisor: incidents have reduced. Keep open for one more month, then consider closing.',
    'Review: the victim feels safer since the injunction. Close at the next review if there are no further reports.',
  ],
  'victim-update': [
    'Victim update by phone: told them the warning letter has been delivered and what happens next. They feel a bit better.',
    'Victim update: explained the ABC conditions; the victim will keep recording any further incidents.',
    'Victim update at a home visit: talked through the community trigger and how to use it if nothing changes.',
    'Victim update: the victim says the noise has stopped since the injunction and thanked the team.',
  ],
};

/** A second paragraph some reports add. */
export const followUps = [
  'Advised to keep a diary and to call 101, or 999 in an emergency.',
  'Incident logged and the officer in the case told.',
  'Crime reference to follow.',
  'CCTV request sent to the council control room.',
  'Victim given the ASB helpline number.',
];

export const times = ['about 11pm', 'gone midnight', 'around 2am', 'early evening', 'about 9pm'];
