import type { AssessmentSummary } from '../../../../shared/api/assessments.ts';
import type { ReferralStart, StartAssessment } from '../../../../shared/api/panels.ts';
import { relationshipLabels } from '../../../../shared/records.ts';
import type { Context } from '../../../platform/context.ts';
import { listRecordAssessments } from '../../assessments/lists.ts';
import { ageOf } from '../../profiles/present.ts';
import { safetyOf } from '../../profiles/safety.ts';
import type { SharedRecord } from '../../sharing/record-access.ts';
import * as q from './queries.ts';
import { isChild, suggestedCriteria } from './rules.ts';

/** The templates a referral starts from: a DASH where the partnership has one, and the ASB risk matrix. */
const dashKey = 'dash';
const matrixKey = 'asb-risk-matrix';

type Subject = SharedRecord & { kind: 'profile' | 'case' };

/** What a referral of the record to the panel starts from, and what the referral keeps of it. */
interface Gathered {
  start: ReferralStart;
  latestAssessmentId: string | null;
}

function startAssessment(a: AssessmentSummary | undefined): StartAssessment | null {
  if (!a || !a.completedAt) return null;
  return { id: a.id, template: { id: a.template.id, key: a.template.key, name: a.template.name }, completedAt: a.completedAt, score: a.finalScore, band: a.finalBand?.label ?? null };
}

/**
 * The latest completed DASH and matrix on the record that the reader may read (the assessments
 * module's own list, which records the read), so nothing is keyed twice.
 */
async function latestAssessments(ctx: Context, record: Subject) {
  const { items } = await listRecordAssessments(ctx, record.kind, record.id);
  const latest = (key: string) => items.find((a) => a.status === 'completed' && a.readable && a.template.key === key);
  const dash = latest(dashKey);
  const matrix = latest(matrixKey);
  const newest = [dash, matrix].filter((a) => a?.completedAt).sort((a, b) => b!.completedAt!.localeCompare(a!.completedAt!))[0];
  return { dash, matrix, newestId: newest?.id ?? null };
}

/** The person, or a case's people the reader may open, and their relatives from relationships. */
async function household(ctx: Context, record: Subject) {
  const people = record.kind === 'profile'
    ? [await q.profileOf(ctx.tx, record.id)].filter((p) => p !== null)
    : await q.casePeople(ctx.tx, ctx.actor, record.id);
  const ids = new Set(people.map((p) => p.id));
  const relatives = (await q.relativesOf(ctx.tx, ctx.actor, [...ids])).filter((r) => !ids.has(r.id));
  const safety = await safetyOf(ctx, [...ids, ...relatives.map((r) => r.id)]);
  const listed = new Map<string, ReferralStart['household'][number]>();
  for (const r of relatives) {
    // A locked stub shows the date of birth, never the estimate of an age.
    const age = ageOf(r.accessible ? r : { dateOfBirth: r.dateOfBirth, approximateAge: null, approximateAgeOn: null });
    const child = isChild({ age, kind: r.kind, personIsFrom: r.personIsFrom });
    const was = listed.get(r.id);
    listed.set(r.id, {
      id: r.id,
      firstName: r.firstName,
      lastName: r.lastName,
      dateOfBirth: r.dateOfBirth,
      relationship: was ? `${was.relationship}; ${relationshipLabels[r.kind][r.personIsFrom ? 'from' : 'to']}` : relationshipLabels[r.kind][r.personIsFrom ? 'from' : 'to'],
      age,
      child: child || (was?.child ?? false),
      accessible: r.accessible,
    });
  }
  const members = [...listed.values()];
  const peopleShown = people.flatMap((p) => {
    const s = safety.get(p.id);
    return s ? [{ id: p.id, firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth, safety: s }] : [];
  });
  const hasChildren = members.some((m) => m.child) || peopleShown.some((p) => p.safety.age !== null && p.safety.age < 18);
  return { people: peopleShown, household: members, hasChildren };
}

/**
 * Everything Concord holds that a referral of the record to the panel starts from: the person,
 * their latest DASH and matrix, their household, incidents, earlier referrals to this panel,
 * whether this would be a repeat, and the criteria these suggest. The record has been checked.
 */
export async function gather(ctx: Context, panelId: string, record: Subject): Promise<Gathered> {
  const { dash, matrix, newestId } = await latestAssessments(ctx, record);
  const { people, household: members, hasChildren } = await household(ctx, record);
  const incidents = await q.incidentCount(ctx.tx, record.kind, record.id);
  const earlier = await q.earlierReferrals(ctx.tx, panelId, record.kind, record.id);
  const repeat = earlier.some((r) => r.repeatWindow);
  const matrixHigh = !!matrix?.finalBand && (matrix.finalBand.riskLevel === 'high' || matrix.finalBand.label.toLowerCase() === 'high');
  return {
    latestAssessmentId: newestId,
    start: {
      subject: { type: record.kind, id: record.id, title: record.title },
      people,
      dash: startAssessment(dash),
      riskMatrix: startAssessment(matrix),
      household: members,
      hasChildren,
      incidents,
      earlierReferrals: earlier.map((r) => ({ id: r.id, createdAt: r.createdAt.toISOString(), status: r.status, heardAt: r.heardAt })),
      repeat,
      suggestedCriteria: suggestedCriteria({ dashScore: dash?.finalScore ?? null, matrixHigh, incidents, repeat }),
    },
  };
}
