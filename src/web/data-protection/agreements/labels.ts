/** "3 Mar 2027" for an ISO date, read at midday so no time zone moves it. */
export { dayText } from '../../victim-care/labels.ts';

/** "Demo County Police, Demo District Council". */
export const partiesText = (parties: { organisation: { name: string } }[]) => parties.map((p) => p.organisation.name).join(', ');
