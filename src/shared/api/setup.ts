import { z } from 'zod';
import { lawfulBases } from '../referrals.ts';
import { organisationKinds, roles } from '../roles.ts';
import { isoTime, text, uuid } from './common.ts';
import { isoDate } from './records.ts';

/**
 * The setup wizard of a new partnership: its steps in order. Each step is one submitted page;
 * lists (organisations, teams, administrators, case type sharing, signatures) are pasted, one per
 * line, and a bad line is reported by its number with nothing written.
 */
export const setupSteps = ['partnership', 'organisations', 'teams', 'admins', 'lookups', 'case_types', 'agreement'] as const;
export type SetupStep = (typeof setupSteps)[number];

export const setupStepLabels: Record<SetupStep, string> = {
  partnership: 'Partnership',
  organisations: 'Organisations',
  teams: 'Teams',
  admins: 'Administrators',
  lookups: 'Lists',
  case_types: 'Case types',
  agreement: 'Sharing agreement',
};

/** The pasted text of a step: at most 500 lines. */
const lines = z.string().max(100_000, 'must be at most 100,000 characters');

export const startSetupBody = z.strictObject({ name: text(200) });
/** "Name, kind" per line; kind as police, council, housing, fire, probation, health, charity … */
export const setupOrganisationsBody = z.strictObject({ lines });
/** "Organisation / Team" per line. */
export const setupTeamsBody = z.strictObject({ lines });
/** "Name, email, Organisation / Team[, role]" per line; the role is a team administrator unless it says organisation or system administrator. */
export const setupAdminsBody = z.strictObject({ lines });
export const setupLookupsBody = z.strictObject({ templatePartnershipId: uuid });
/** "Case type, Organisation[ / Team], view|edit" per line: every new case of the type is shared so. */
export const setupCaseTypesBody = z.strictObject({ lines });
/** The agreement, with every organisation a party; "Organisation, signatory, signed on" per line for those that have signed. */
export const setupAgreementBody = z.strictObject({
  title: text(200),
  purpose: text(5000),
  lawfulBasis: z.enum(lawfulBases),
  startsOn: isoDate,
  reviewOn: isoDate,
  signatures: lines.default(''),
});

/** Words for organisation kinds that are neither a kind's key nor its label ("charity"). */
export const organisationKindWords: Record<string, (typeof organisationKinds)[number]> = {
  charity: 'voluntary',
  nhs: 'health',
};

const person = z.object({ id: uuid, name: z.string(), email: z.string(), role: z.enum(roles), accepted: z.boolean() });

export const checklistItem = z.object({
  key: z.string(),
  label: z.string(),
  done: z.boolean(),
  /** What is left, in words ("3 of 12 teams have no administrator"). */
  detail: z.string(),
  /** Where it is done: a step of the wizard or another screen. */
  step: z.enum(setupSteps).nullable(),
  href: z.string(),
});
export type ChecklistItem = z.infer<typeof checklistItem>;

export const setup = z.object({
  partnership: z.object({ id: uuid, name: z.string() }),
  template: z.object({ id: uuid, name: z.string() }).nullable(),
  stepsDone: z.array(z.enum(setupSteps)),
  nextStep: z.enum(setupSteps).nullable(),
  organisations: z.array(z.object({
    id: uuid,
    name: z.string(),
    kind: z.enum(organisationKinds),
    admins: z.array(person),
    teams: z.array(z.object({ id: uuid, name: z.string(), admins: z.array(person) })),
  })),
  caseTypes: z.array(z.object({ id: uuid, name: z.string(), sharing: z.array(z.object({ name: z.string(), level: z.enum(['view', 'edit']) })) })),
  agreement: z.object({ id: uuid, title: z.string(), parties: z.array(z.object({ organisationId: uuid, signedOn: z.string().nullable() })) }).nullable(),
  checklist: z.array(checklistItem),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type Setup = z.infer<typeof setup>;

export const setupSummary = z.object({
  partnership: z.object({ id: uuid, name: z.string() }),
  stepsDone: z.array(z.enum(setupSteps)),
  left: z.number().int(),
  updatedAt: isoTime,
});
export const setupList = z.object({ items: z.array(setupSummary) });
