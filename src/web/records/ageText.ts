import { formatDate } from '../components/format.ts';

interface Aged {
  dateOfBirth: string | null;
  age: number | null;
}

/** "34", or "about 34" when only estimated, or "Age not known". */
export function ageText({ dateOfBirth, age }: Aged): string {
  if (age === null) return 'Age not known';
  return dateOfBirth ? `${age}` : `about ${age}`;
}

/** "12 Apr 1990 (age 34)", or "Not known (about 34)". */
export function birthText(person: Aged): string {
  if (person.dateOfBirth) return person.age === null ? formatDate(person.dateOfBirth) : `${formatDate(person.dateOfBirth)} (age ${person.age})`;
  return person.age === null ? 'Not known' : `Not known (about ${person.age})`;
}
