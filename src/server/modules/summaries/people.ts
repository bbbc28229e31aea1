import type { PersonSafety } from '../../../shared/api/profiles.ts';
import type { Owner } from '../../../shared/api/records.ts';
import { profileRoleLabels, riskLevelLabels } from '../../../shared/records.ts';
import { agencyWords, dateWords } from './document.ts';

/** How a summary speaks of people and places: those the reader may not open are stubs that never name them. */

const holder = (owner: Owner): string => agencyWords(owner.team, owner.organisation);

export const heldBy = (owner: Owner): string => `Held by ${holder(owner)}`;

export const lockedPerson = (owner: Owner): string => `A person you cannot open (held by ${holder(owner)})`;

export const lockedLocation = (owner: Owner): string => `A location you cannot open (held by ${holder(owner)})`;

export function bornWords(dateOfBirth: string | null, age: number | null): string | null {
  if (dateOfBirth) return `Born ${dateWords(dateOfBirth)}${age !== null ? ` (age ${age})` : ''}`;
  return age !== null ? `Age about ${age}` : null;
}

/** Warning markers first, then risk and roles: what someone visiting the person needs before anything else. */
export function safetyWords(safety: PersonSafety | null): string | null {
  if (!safety) return null;
  return [
    safety.warningMarkers.length > 0 ? `Warning markers: ${safety.warningMarkers.map((m) => m.name).join(', ')}` : null,
    safety.riskLevel ? `Risk level: ${riskLevelLabels[safety.riskLevel]}` : null,
    safety.roles.length > 0 ? `Roles: ${safety.roles.map((r) => profileRoleLabels[r]).join(', ')}` : null,
  ].filter(Boolean).join('. ') || null;
}
