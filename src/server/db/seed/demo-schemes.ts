import { eq, sql } from 'drizzle-orm';
import { addMonths } from '../../../shared/data-protection.ts';
import { referralFormDefaults } from '../../../shared/referrals.ts';
import { newCardNumber, schemeDefaults } from '../../../shared/schemes.ts';
import { keepSafeDefinition, keepSafeIntroduction } from '../../modules/referral-forms/keep-safe.ts';
import type { AuditEntry } from '../../platform/audit/actions.ts';
import { addDays } from '../../platform/london.ts';
import {
  cardholders, profileNames, profiles, referralForms, referralFormVersions, schemeApplications, schemeCards, schemes, type CardholderDetails, type SchemeContact,
} from '../schema/index.ts';
import type { Tx } from '../transaction.ts';

/** The demo's Keep Safe cardholder a responder looks up (README, the look-up journey). */
export const demoCardNumber = 'KS4F7K9QX4';

/** Where the public applies for a Keep Safe Card in the demo. */
export const demoApplicationFormSlug = 'keep-safe-card';

/** How many cardholders the demo's register holds, with or without the data set (the look-up journey needs them). */
export const demoCardholderCount = 36;

const firstNames = ['Ellis', 'Morgan', 'Rowan', 'Amira', 'Callum', 'Dev', 'Freya', 'Gethin', 'Hana', 'Isla', 'Jude', 'Kofi'];
const lastNames = ['Ashby', 'Brennan', 'Carver', 'Dunmore', 'Eastwood', 'Fairley', 'Garside'];
const conditions = [
  ['Autism', 'Speak slowly and calmly, one question at a time. Give me time to answer; I may not look at you.'],
  ['Dementia', 'I may not know where I am. Tell me your name and that you are there to help; do not rush me.'],
  ['Learning disability', 'Use short, simple words. Show me rather than tell me where you can.'],
  ['Epilepsy', 'After a seizure I may be confused for up to an hour. Please stay with me and call my carer.'],
  ['Deaf (British Sign Language)', 'I use BSL. Face me, write things down, or call my carer who signs.'],
  ['Anxiety disorder', 'Loud voices and crowds frighten me. Take me somewhere quiet and explain what is happening.'],
] as const;

/** Deterministic, so every seeded database holds the same card numbers. */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/**
 * The Keep Safe Card scheme of Demo County, run by the police's "Keep Safe scheme" team, with a
 * few dozen cardholders on its register (the real one holds about 1,400), each with an active
 * card. The first is the one the demo's look-up uses; the ASB officer is their keyworker.
 */
export async function seedDemoSchemes(
  tx: Tx,
  input: { partnershipId: string; team: { id: string; organisationId: string }; keyworkerId: string; today: string },
): Promise<AuditEntry[]> {
  const { partnershipId, team, keyworkerId, today } = input;
  const [scheme] = await tx.insert(schemes).values({ partnershipId, key: 'keep-safe', name: 'Keep Safe Card', teamId: team.id }).returning({ id: schemes.id });
  const random = seeded(17);
  const subject = { subjectOrganisationId: team.organisationId, subjectTeamId: team.id };
  const audit: AuditEntry[] = [];
  const [form] = await tx.insert(referralForms).values({
    partnershipId, teamId: team.id, slug: demoApplicationFormSlug, name: 'Apply for a Keep Safe Card', introduction: keepSafeIntroduction,
    privacyNotice: referralFormDefaults.privacyNotice, lawfulBasis: 'consent', decisionDays: 10, subjectRole: 'cardholder', status: 'published', purpose: 'scheme-application',
  }).returning({ id: referralForms.id });
  await tx.insert(referralFormVersions).values({ formId: form!.id, version: 1, definition: keepSafeDefinition });
  await tx.update(schemes).set({ applicationFormId: form!.id }).where(eq(schemes.id, scheme!.id));
  audit.push({
    action: 'referral_form.created', entityType: 'referral_form', entityId: form!.id, ...subject,
    details: { slug: demoApplicationFormSlug, teamId: team.id, status: 'published', formVersion: 1, templateId: null },
  });
  let renewing: { holderId: string; profileId: string; details: CardholderDetails } | null = null;
  for (let i = 0; i < demoCardholderCount; i += 1) {
    const firstName = firstNames[i % firstNames.length]!;
    const lastName = lastNames[i % lastNames.length]!;
    const [condition, communication] = conditions[i % conditions.length]!;
    // Joined over the last two years, so the register shows a spread of review dates.
    const joinedOn = addDays(today, -((i * 20) % 700) - 1);
    const dateOfBirth = `${1950 + ((i * 7) % 60)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    const carers: SchemeContact[] = [{ name: `${firstNames[(i + 3) % firstNames.length]} ${lastName}`, relationship: 'Parent', phone: `07700 900${String(100 + i)}` }];
    const emergencyContacts: SchemeContact[] = [{ name: `${firstNames[(i + 5) % firstNames.length]} ${lastNames[(i + 2) % lastNames.length]}`, relationship: 'Friend', phone: `07700 900${String(200 + i)}` }];
    const [profile] = await tx.insert(profiles).values({
      partnershipId, ownerTeamId: team.id, firstName, lastName, dateOfBirth, roles: ['cardholder'],
      reasonCreated: 'Joined the Keep Safe Card scheme', createdBy: keyworkerId,
    }).returning({ id: profiles.id });
    await tx.insert(profileNames).values({
      profileId: profile!.id,
      partnershipId,
      kind: 'name',
      firstName,
      lastName,
      searchName: sql`lower(unaccent(${firstName}::text || ' ' || ${lastName}::text))`,
      firstSound: sql`name_sound(${firstName}::text)`,
      lastSound: sql`name_sound(${lastName}::text)`,
    });
    const [holder] = await tx.insert(cardholders).values({
      partnershipId,
      schemeId: scheme!.id,
      profileId: profile!.id,
      condition,
      communication,
      medicationNotes: i % 3 === 0 ? 'Carries an inhaler in their bag.' : null,
      carers,
      emergencyContacts,
      usesDisabilityContactLine: i % 2 === 0,
      showConditionOnCard: i % 4 !== 0,
      keyworkerId: i === 0 ? keyworkerId : null,
      joinedOn,
      reviewDueOn: addMonths(joinedOn, schemeDefaults.reviewMonths),
    }).returning({ id: cardholders.id });
    const [card] = await tx.insert(schemeCards).values({
      schemeId: scheme!.id,
      cardholderId: holder!.id,
      cardNumber: i === 0 ? demoCardNumber : newCardNumber(random),
      issuedOn: joinedOn,
      expiresOn: addMonths(joinedOn, schemeDefaults.cardValidMonths),
      issueReason: 'new',
    }).returning({ id: schemeCards.id });
    audit.push({
      action: 'cardholder.registered',
      entityType: 'cardholder',
      entityId: holder!.id,
      ...subject,
      details: { record: { kind: 'profile', id: profile!.id }, cardId: card!.id },
    });
    // The longest-standing holder is renewing: the scheme team's pending application.
    if (i === demoCardholderCount - 1) {
      renewing = {
        holderId: holder!.id,
        profileId: profile!.id,
        details: { condition, communication, medicationNotes: null, carers, emergencyContacts, usesDisabilityContactLine: false, showConditionOnCard: true, parentalConsent: null },
      };
    }
  }
  if (renewing) {
    const [application] = await tx.insert(schemeApplications).values({
      partnershipId, schemeId: scheme!.id, profileId: renewing.profileId, cardholderId: renewing.holderId, kind: 'renewal', details: renewing.details, createdBy: keyworkerId,
    }).returning({ id: schemeApplications.id });
    audit.push({
      action: 'scheme_application.created', entityType: 'scheme_application', entityId: application!.id, ...subject,
      details: { record: { kind: 'profile', id: renewing.profileId }, kind: 'renewal', referralId: null },
    });
  }
  return audit;
}
