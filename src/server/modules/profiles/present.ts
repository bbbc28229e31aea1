import type { PersonSafety, Profile, ProfileSummary, Relationship } from '../../../shared/api/profiles.ts';
import type { Owner } from '../../../shared/api/records.ts';
import { relationshipLabels, type RelationshipKind } from '../../../shared/records.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { actorHas } from '../../platform/access/permissions.ts';
import { effectiveLevel } from '../../platform/access/records.ts';
import type * as q from './queries.ts';
import type { SafetyFacts } from './safety.ts';
import { londonToday } from '../../platform/london.ts';

/** Whole years from one YYYY-MM-DD date to another. */
function yearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/** Age today from the date of birth, or from the estimate and how long ago it was made. */
export function ageOf(p: { dateOfBirth: string | null; approximateAge: number | null; approximateAgeOn: string | null }, today = londonToday()): number | null {
  if (p.dateOfBirth) return Math.max(0, yearsBetween(p.dateOfBirth, today));
  if (p.approximateAge !== null) return p.approximateAge + (p.approximateAgeOn ? Math.max(0, yearsBetween(p.approximateAgeOn, today)) : 0);
  return null;
}

export const ownerOf = (row: { profile: { ownerTeamId: string }; ownerTeamName: string; ownerOrganisationId: string; ownerOrganisationName: string }): Owner => ({
  team: { id: row.profile.ownerTeamId, name: row.ownerTeamName },
  organisation: { id: row.ownerOrganisationId, name: row.ownerOrganisationName },
});

export const photoUrl = (id: string) => `/api/v1/profiles/${id}/photo`;
export const thumbnailUrl = (id: string) => `/api/v1/profiles/${id}/photo/thumbnail`;

const lookupRef = ({ id, key, name }: { id: string; key: string; name: string }) => ({ id, key, name });

/** A relationship read from one profile's side: "Parent of" on one is "Child of" on the other. */
export function presentRelationship(
  profileId: string,
  r: { id: string; kind: RelationshipKind; fromProfileId: string; notes: string | null },
  other: Relationship['other'],
): Relationship {
  const direction = r.fromProfileId === profileId ? 'from' : 'to';
  return { id: r.id, kind: r.kind, label: relationshipLabels[r.kind][direction], direction, other, notes: r.notes };
}

/** What a list of people shows of one the reader may open: age, roles, risk and warning markers. */
export const presentSafety = (facts: SafetyFacts): PersonSafety => ({ age: ageOf(facts), roles: facts.roles, riskLevel: facts.riskLevel, warningMarkers: facts.warningMarkers });

export function presentProfile(actor: Actor, row: q.ProfileRow, parts: q.ProfileParts): Profile {
  const p = row.profile;
  const today = londonToday();
  const canEdit = effectiveLevel(actor, row.level) === 'edit';
  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    aliases: parts.aliases,
    dateOfBirth: p.dateOfBirth,
    approximateAge: p.approximateAge,
    age: ageOf(p, today),
    gender: p.gender,
    ethnicity: row.ethnicity,
    phone: p.phone,
    email: p.email,
    roles: p.roles,
    vulnerabilities: parts.vulnerabilities.map(lookupRef),
    warningMarkers: parts.warningMarkers.map(lookupRef),
    keyInformation: p.keyInformation,
    reasonCreated: p.reasonCreated,
    riskLevel: p.riskLevel,
    addresses: parts.addresses.map((a) => ({
      id: a.id,
      addressLine1: a.addressLine1,
      addressLine2: a.addressLine2,
      town: a.town,
      postcode: a.postcode,
      uprn: a.uprn,
      fromDate: a.fromDate,
      toDate: a.toDate,
      locationId: a.locationId,
      current: (a.fromDate === null || a.fromDate <= today) && (a.toDate === null || a.toDate >= today),
    })),
    relationships: parts.relationships.map(({ relationship, other, accessible, safety }) =>
      presentRelationship(p.id, relationship, { ...other, accessible, safety: safety && presentSafety(safety) })),
    photo: p.photoFileId ? { url: photoUrl(p.id), thumbnailUrl: thumbnailUrl(p.id) } : null,
    mergedFrom: parts.mergedFrom.map((m) => ({
      id: m.id,
      firstName: m.firstName,
      lastName: m.lastName,
      mergedAt: new Date(m.mergedAt ?? 0).toISOString(),
      mergedBy: m.mergedById && m.mergedByName ? { id: m.mergedById, name: m.mergedByName } : null,
    })),
    owner: ownerOf(row),
    createdBy: p.createdBy && row.createdByName ? { id: p.createdBy, name: row.createdByName } : null,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    permissions: { canEdit, canShare: canEdit, canMerge: canEdit && actorHas(actor, 'records.merge') },
  };
}

export function presentSummary(row: q.ProfileListRow, warningMarkers: { id: string; key: string; name: string }[]): ProfileSummary {
  const p = row.profile;
  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    dateOfBirth: p.dateOfBirth,
    age: ageOf(p),
    roles: p.roles,
    riskLevel: p.riskLevel,
    warningMarkers: warningMarkers.map(lookupRef),
    thumbnailUrl: p.thumbnailFileId ? thumbnailUrl(p.id) : null,
    owner: ownerOf(row),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** What the audit trail records of a profile: every field a person can change, in words. */
export function auditView(profile: Profile) {
  return {
    firstName: profile.firstName,
    lastName: profile.lastName,
    aliases: profile.aliases.map((a) => `${a.firstName} ${a.lastName}`),
    dateOfBirth: profile.dateOfBirth,
    approximateAge: profile.approximateAge,
    gender: profile.gender,
    ethnicity: profile.ethnicity?.name ?? null,
    phone: profile.phone,
    email: profile.email,
    roles: profile.roles,
    vulnerabilities: profile.vulnerabilities.map((v) => v.name),
    warningMarkers: profile.warningMarkers.map((w) => w.name),
    keyInformation: profile.keyInformation,
    reasonCreated: profile.reasonCreated,
    riskLevel: profile.riskLevel,
    addresses: profile.addresses.map((a) => [a.addressLine1, a.addressLine2, a.town, a.postcode, a.uprn && `UPRN ${a.uprn}`].filter(Boolean).join(', ') + (a.fromDate || a.toDate ? ` (${a.fromDate ?? '?'} to ${a.toDate ?? 'now'})` : '')),
  };
}

export const auditedFields = [
  'firstName', 'lastName', 'aliases', 'dateOfBirth', 'approximateAge', 'gender', 'ethnicity', 'phone', 'email', 'roles',
  'vulnerabilities', 'warningMarkers', 'keyInformation', 'reasonCreated', 'riskLevel', 'addresses',
] as const;
