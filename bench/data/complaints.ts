/**
 * What an officer writes down when a victim rings to complain of anti-social behaviour, or reports
 * a hate incident, a sentence at a time: a report is two of these. Never a client's name.
 */
export const complaintSentences = [
  'Caller reports a group of young people kicking a football against her front window until late evening.',
  'Resident says the music from the flat below started at 10pm and was still playing when she called.',
  'Caller reports that the neighbour\'s dog was left barking in the yard for most of the day.',
  'Victim reports that rubbish has again been thrown over the fence into his garden.',
  'Caller says motorbikes have been ridden on the green behind the houses for the third night running.',
  'Resident reports shouting and banging on the communal door of the block after midnight.',
  'Victim reports that her car was scratched overnight; she believes it is the same neighbours as before.',
  'Caller reports people gathering in the stairwell and using it as a toilet.',
  'Caller says she is too frightened to use the path to the shops because of the group there.',
  'Victim reports eggs thrown at the windows; the family stayed in the back room until it stopped.',
  'Resident reports that the neighbours played loud music and then swore at her when she knocked.',
  'Caller reports fireworks being let off in the street and aimed at houses.',
  'Victim says this has gone on for months and asks what anyone is doing about it.',
  'Caller was given the incident number and told an officer would call back.',
];

export const hateIncidentSentences = [
  'Victim reports being called racist names by two men outside the shop.',
  'Caller reports homophobic graffiti painted on the garden wall overnight.',
  'Victim says a neighbour shouted abuse about her headscarf as she walked her children to school.',
  'Caller reports a note pushed through the door telling the family to go back where they came from.',
  'Victim, who uses a wheelchair, reports being mocked and filmed by a group at the bus stop.',
  'Caller reports that a man made threats about his religion across the street.',
  'Victim was offered support from the hate crime advocate and accepted.',
];
