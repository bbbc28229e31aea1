import type { z } from 'zod';
import type { addressInput, createProfileBody } from '../../../shared/api/profiles.ts';
import { normalisePostcode } from '../../../shared/records.ts';
import type { Context } from '../../platform/context.ts';
import { ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { resolveLookup, resolveLookups } from '../lookups/service.ts';
import { londonToday } from '../../platform/london.ts';
import * as q from './queries.ts';

/** The fields a person edits, as create sends them all and PATCH sends any of them. */
export type ProfileFields = Partial<Omit<z.infer<typeof createProfileBody>, 'confirmNoDuplicate'>>;

/** A body turned into what is stored; the sets are present only when the body gave them. */
export interface ProfileValues {
  columns: q.ProfilePatch;
  aliases?: q.PersonName[];
  vulnerabilityIds?: string[];
  warningMarkerIds?: string[];
  addresses?: q.AddressValues[];
}

interface DatedProfile {
  id: string;
  dateOfBirth: string | null;
  approximateAge: number | null;
}

const earliestBirth = '1900-01-01';

/**
 * Checks a body against the rules a schema cannot see (dates against today, lookups and
 * locations of the partnership, one of date of birth or estimated age) and reports every
 * problem at once, each naming its field.
 */
export async function resolveProfileInput(ctx: Context, body: ProfileFields, current: DatedProfile | null): Promise<ProfileValues> {
  const problems: FieldProblem[] = [];
  const today = londonToday();
  const columns: q.ProfilePatch = {};
  const values: ProfileValues = { columns };

  for (const field of ['firstName', 'lastName', 'reasonCreated'] as const) {
    if (body[field] !== undefined) columns[field] = body[field];
  }
  if (body.gender !== undefined) columns.gender = body.gender ?? null;
  if (body.phone !== undefined) columns.phone = body.phone || null;
  if (body.email !== undefined) columns.email = body.email || null;
  if (body.keyInformation !== undefined) columns.keyInformation = body.keyInformation || null;
  if (body.riskLevel !== undefined) columns.riskLevel = body.riskLevel ?? null;
  if (body.roles !== undefined) columns.roles = [...new Set(body.roles)];

  if (body.dateOfBirth) {
    if (body.dateOfBirth > today) problems.push({ field: 'dateOfBirth', problem: 'must not be in the future' });
    else if (body.dateOfBirth < earliestBirth) problems.push({ field: 'dateOfBirth', problem: `must be on or after ${earliestBirth}` });
  }
  if (body.dateOfBirth !== undefined) columns.dateOfBirth = body.dateOfBirth ?? null;
  if (body.approximateAge !== undefined) {
    columns.approximateAge = body.approximateAge ?? null;
    columns.approximateAgeOn = body.approximateAge === null ? null : today;
  }
  const dateOfBirth = body.dateOfBirth !== undefined ? body.dateOfBirth : current?.dateOfBirth;
  const approximateAge = body.approximateAge !== undefined ? body.approximateAge : current?.approximateAge;
  if (dateOfBirth != null && approximateAge != null) {
    problems.push({ field: 'approximateAge', problem: 'give either a date of birth or an approximate age, not both' });
  }

  if (body.aliases !== undefined) values.aliases = body.aliases;
  if (body.addresses !== undefined) values.addresses = await resolveAddresses(ctx, body.addresses, current, problems);

  await collect(problems, async () => {
    if (body.ethnicity !== undefined) columns.ethnicityId = body.ethnicity === null ? null : (await resolveLookup(ctx, 'ethnicity', body.ethnicity, 'ethnicity')).id;
  });
  await collect(problems, async () => {
    if (body.vulnerabilities !== undefined) values.vulnerabilityIds = (await resolveLookups(ctx, 'vulnerability', body.vulnerabilities, 'vulnerabilities')).map((l) => l.id);
  });
  await collect(problems, async () => {
    if (body.warningMarkers !== undefined) values.warningMarkerIds = (await resolveLookups(ctx, 'warning_marker', body.warningMarkers, 'warningMarkers')).map((l) => l.id);
  });

  if (problems.length > 0) throw new ValidationError(problems);
  return values;
}

/** Runs a check that reports by throwing a ValidationError, keeping its problems with the rest. */
async function collect(problems: FieldProblem[], check: () => Promise<void>) {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems.push(...(error.details as FieldProblem[]));
  }
}

async function resolveAddresses(ctx: Context, addresses: z.infer<typeof addressInput>[], current: DatedProfile | null, problems: FieldProblem[]): Promise<q.AddressValues[]> {
  const locationIds = addresses.flatMap((a) => (a.locationId ? [a.locationId] : []));
  const known = await q.locationsInPartnership(ctx.tx, ctx.actor, locationIds);
  // A link made by matching the address may be to a location this editor cannot open; sending it back keeps it.
  const kept = new Set(current ? await q.addressLocationIds(ctx.tx, current.id) : []);
  return addresses.map((a, i) => {
    let postcode: string | null = null;
    if (a.postcode) {
      postcode = normalisePostcode(a.postcode);
      if (!postcode) problems.push({ field: `addresses.${i}.postcode`, problem: 'must be a UK postcode' });
    }
    if (a.fromDate && a.toDate && a.toDate < a.fromDate) problems.push({ field: `addresses.${i}.toDate`, problem: 'must not be before the from date' });
    if (a.locationId && !known.has(a.locationId)) problems.push({ field: `addresses.${i}.locationId`, problem: 'is not a location on the shared record' });
    // Linking writes to the location's page too, so it needs the right to open it, as a case's link does.
    else if (a.locationId && !known.get(a.locationId) && !kept.has(a.locationId)) problems.push({ field: `addresses.${i}.locationId`, problem: 'is a location you cannot open: ask its owning team for access first' });
    return {
      addressLine1: a.addressLine1,
      addressLine2: a.addressLine2 || null,
      town: a.town || null,
      postcode,
      uprn: a.uprn ?? null,
      fromDate: a.fromDate ?? null,
      toDate: a.toDate ?? null,
      locationId: a.locationId ?? null,
    };
  });
}
