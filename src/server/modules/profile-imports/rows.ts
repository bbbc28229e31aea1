import { createProfileBody } from '../../../shared/api/profiles.ts';
import type { ImportField } from '../../../shared/api/imports.ts';
import { genderLabels, genders, normalisePostcode, profileRoleLabels, profileRoles, type LookupList } from '../../../shared/records.ts';
import type { Context } from '../../platform/context.ts';
import { ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { resolveLookup } from '../lookups/service.ts';
import type { CreateProfileBody } from '../profiles/service.ts';
import { dateCell, listOf, schemaProblems, vocabularyValue, type CsvRow } from '../../platform/csv-import.ts';
import { londonToday } from '../../platform/london.ts';

const earliestBirth = '1900-01-01';

/** A date of birth: a real date, not in the future, not before 1900. */
function dateOfBirthOf(cell: string, problems: FieldProblem[]): string | undefined {
  const date = dateCell(cell, 'dateOfBirth', problems);
  if (!date) return undefined;
  if (date > londonToday()) problems.push({ field: 'dateOfBirth', problem: 'must not be in the future' });
  else if (date < earliestBirth) problems.push({ field: 'dateOfBirth', problem: `must be on or after ${earliestBirth}` });
  return date;
}

/** An alias cell entry: the last word is the surname, the rest the first names. */
function aliasOf(entry: string): { firstName: string; lastName: string } | null {
  const words = entry.split(/\s+/);
  if (words.length < 2) return null;
  return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1)! };
}

/**
 * Resolves lookup values (by id, key or name) once per distinct value for the whole file, with
 * the lookups service's own rules (the partnership's list, not retired).
 */
export function lookupResolver(ctx: Context) {
  const cache = new Map<string, { id: string } | { problem: string }>();
  return async (list: LookupList, input: string, field: string, problems: FieldProblem[]): Promise<string | undefined> => {
    const key = `${list}\u0000${input.toLowerCase()}`;
    if (!cache.has(key)) {
      try {
        cache.set(key, { id: (await resolveLookup(ctx, list, input, field)).id });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        cache.set(key, { problem: (error.details as FieldProblem[])[0]!.problem });
      }
    }
    const found = cache.get(key)!;
    if ('problem' in found) {
      problems.push({ field, problem: found.problem });
      return undefined;
    }
    return found.id;
  };
}
export type LookupResolver = ReturnType<typeof lookupResolver>;

/** Where a problem the profile schema found belongs, as an import column's field. */
function fieldOf(path: readonly PropertyKey[]): string {
  if (path[0] === 'addresses') return String(path[2] ?? 'addressLine1');
  return String(path[0] ?? 'csv');
}

/**
 * Turns a row's cells into the body a person would send to create the profile, with every
 * problem found in it, each naming the profile field (and so the column) it is about.
 */
export async function profileOf(csv: CsvRow<ImportField>, resolve: LookupResolver): Promise<{ body: CreateProfileBody | null; problems: FieldProblem[] }> {
  const v = csv.values;
  const problems: FieldProblem[] = [...csv.problems];
  const text = (field: ImportField) => v[field];
  const draft: Record<string, unknown> = {
    firstName: text('firstName'),
    lastName: text('lastName'),
    reasonCreated: text('reasonCreated'),
    phone: text('phone'),
    email: text('email'),
    keyInformation: text('keyInformation'),
  };
  if (v.dateOfBirth) draft.dateOfBirth = dateOfBirthOf(v.dateOfBirth, problems);
  if (v.gender) {
    draft.gender = vocabularyValue(v.gender, genders, genderLabels);
    if (!draft.gender) problems.push({ field: 'gender', problem: `"${v.gender}" is not one of: ${genders.map((g) => genderLabels[g]).join(', ')}` });
  }
  if (v.roles) {
    draft.roles = listOf(v.roles).map((role) => {
      const value = vocabularyValue(role, profileRoles, profileRoleLabels);
      if (!value) problems.push({ field: 'roles', problem: `"${role}" is not one of: ${profileRoles.map((r) => profileRoleLabels[r]).join(', ')}` });
      return value;
    });
  }
  if (v.aliases) {
    draft.aliases = listOf(v.aliases).map((entry) => {
      const alias = aliasOf(entry);
      if (!alias) problems.push({ field: 'aliases', problem: `"${entry}" needs a first name and a last name` });
      return alias;
    });
  }
  if (v.ethnicity) draft.ethnicity = await resolve('ethnicity', v.ethnicity, 'ethnicity', problems);
  for (const [field, list] of [['vulnerabilities', 'vulnerability'], ['warningMarkers', 'warning_marker']] as const) {
    if (v[field]) draft[field] = await Promise.all(listOf(v[field]).map((value) => resolve(list, value, field, problems)));
  }
  if (v.addressLine1) {
    if (v.postcode && !normalisePostcode(v.postcode)) problems.push({ field: 'postcode', problem: `"${v.postcode}" must be a UK postcode` });
    draft.addresses = [{ addressLine1: v.addressLine1, town: v.town, postcode: v.postcode }];
  } else if (v.town || v.postcode) {
    problems.push({ field: 'addressLine1', problem: 'is needed with a town or postcode' });
  }

  const parsed = createProfileBody.safeParse(draft);
  if (!parsed.success) schemaProblems(parsed.error.issues, problems, fieldOf);
  return problems.length > 0 || !parsed.success ? { body: null, problems } : { body: parsed.data, problems };
}
