import { sql } from 'drizzle-orm';
import type { Answers, TemplateDefinition } from '../../../../shared/api/assessments.ts';
import { bandFor, scoreOf, thresholdsReached } from '../../../../shared/assessment-engine.ts';
import type { RiskLevel } from '../../../../shared/records.ts';
import { addDays } from '../../../platform/london.ts';
import { actions, assessmentRequirements, assessments, riskLevelChanges } from '../../schema/index.ts';
import type { Tx } from '../../transaction.ts';
import { insertAll } from './insert.ts';
import type { Partners, Person } from './model.ts';
import { authorOf, type Subjects } from './reports.ts';
import type { BuiltInTemplate, World, Worker } from './world.ts';

/** The teams that screen every victim of anti-social behaviour (the IDVA service uses its own risk checklist). */
const screeningTeams = new Set(['policeAsb', 'councilSafety', 'housing', 'neighbourhood', 'environmentalHealth']);

/** Where a victim's risk goes at each review of the matrix. */
const nextLevel: Record<RiskLevel, [RiskLevel, number][]> = {
  high: [['medium', 6], ['high', 4]],
  medium: [['standard', 35], ['high', 25], ['medium', 40]],
  standard: [['medium', 3], ['standard', 7]],
};

/** The first victims assessed long enough ago follow these, so the dashboards always have moves both ways to show. */
const scripted: RiskLevel[][] = [['high', 'medium'], ['medium', 'high'], ['high', 'medium', 'high'], ['medium', 'standard'], ['standard', 'medium']];

/** Every tenth screening that asks for the matrix is still waiting for it. */
const waitingEvery = 10;

function questionsOf(definition: TemplateDefinition) {
  return definition.sections.flatMap((s) => s.questions);
}

/** Answers to the matrix that the engine bands at the level wanted: drawn leaning towards it until one lands there. */
function matrixAnswers(world: World, definition: TemplateDefinition, level: RiskLevel): Answers {
  const lean = { standard: 0.12, medium: 0.5, high: 0.9 }[level];
  for (let attempt = 0; attempt < 2000; attempt++) {
    const answers: Answers = {};
    for (const q of questionsOf(definition)) {
      const options = [...q.options].sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
      const at = Math.round((lean + (world.random.next() - 0.5) * 0.6) * (options.length - 1));
      answers[q.key] = options[Math.min(options.length - 1, Math.max(0, at))]!.value;
    }
    if (bandFor(definition, scoreOf(definition, answers))?.riskLevel === level) return answers;
  }
  throw new Error(`The demo data set found no matrix answers banded ${level}`);
}

interface Completed {
  id: string;
  person: Person;
  template: BuiltInTemplate;
  answers: Answers;
  score: number | null;
  assessor: Worker;
  completedAt: Date;
}

export interface Assessed {
  counts: Record<'assessments' | 'requirements' | 'unmetRequirements' | 'reminders' | 'riskLevelChanges', number>;
  /** Each victim's latest matrix, for the panels they are referred to. */
  latestMatrix: Map<string, Completed>;
}

/**
 * VICTIM screenings of the ASB teams' victims, the matrix each "yes" asks for (a few still
 * waiting, with the reminder it set), reviews of the matrix that move people between levels,
 * and each profile's risk level from its latest matrix, every change kept as the app keeps it.
 */
export async function seedAssessments(tx: Tx, world: World, people: Person[], subjects: Subjects, partners: Partners): Promise<Assessed> {
  const { random, clock, templates } = world;
  const { screening, matrix } = templates;
  const done: Completed[] = [];
  const requirementRows: (typeof assessmentRequirements.$inferInsert)[] = [];
  const reminderRows: (typeof actions.$inferInsert)[] = [];
  const complete = (person: Person, template: BuiltInTemplate, answers: Answers, completedAt: Date): Completed => {
    const assessor = authorOf(world, partners, subjects.people.get(person.id)!);
    const c = { id: random.id(completedAt), person, template, answers, score: scoreOf(template.definition, answers), assessor, completedAt };
    done.push(c);
    return c;
  };
  const later = (from: Date, days: number, hour: number) => {
    const day = addDays(clock.dateOf(from), days);
    return day < clock.today ? clock.at(day, hour, random.int(0, 59)) : null;
  };

  const scripts = [...scripted];
  let raisedSoFar = 0;
  for (const person of people.filter((p) => p.roles.includes('victim') && screeningTeams.has(p.team))) {
    if (random.chance(0.06)) continue;
    const severity = random.next();
    const screenedAt = later(person.createdAt, random.int(0, 3), random.int(9, 15));
    if (!screenedAt) continue;
    const answers = Object.fromEntries(questionsOf(screening.definition).map((q) => [q.key, random.chance(severity * 0.8) ? 'yes' : 'no']));
    const screened = complete(person, screening, answers, screenedAt);
    const raised = thresholdsReached(screening.definition, screened.score)[0];
    const waiting = raised && ++raisedSoFar % waitingEvery === 0;
    const matrixAt = raised && !waiting ? new Date(screenedAt.getTime() + random.int(60, 180) * 60_000)
      : !raised && random.chance(0.25) ? later(screenedAt, random.int(7, 60), random.int(9, 16)) : null;
    if (raised) {
      const dueAt = clock.at(clock.dateOf(screenedAt), 17);
      const reminder = {
        id: random.id(screenedAt), partnershipId: world.partnershipId, recordKind: 'profile' as const, recordId: person.id, title: raised.label, dueAt,
        createdBy: screened.assessor.id, createdByTeamId: screened.assessor.teamId, createdByOrganisationId: screened.assessor.organisationId,
        remindedAt: matrixAt && matrixAt < dueAt ? null : dueAt, doneAt: matrixAt, version: matrixAt ? 2 : 1, createdAt: screenedAt, updatedAt: matrixAt ?? screenedAt,
      };
      reminderRows.push(reminder);
      requirementRows.push({
        partnershipId: world.partnershipId, recordKind: 'profile', recordId: person.id, templateId: matrix.id, reason: raised.label,
        raisedByAssessmentId: screened.id, raisedBy: screened.assessor.id, actionId: reminder.id, raisedAt: screenedAt,
      });
    }
    if (!matrixAt) continue;
    const script = matrixAt.getTime() < clock.at(clock.daysAgo(400), 9).getTime() ? scripts.shift() : undefined;
    let level: RiskLevel = script?.[0] ?? (severity > 0.75 ? 'high' : severity > 0.4 ? 'medium' : 'standard');
    let at = matrixAt;
    const first = complete(person, matrix, matrixAnswers(world, matrix.definition, level), matrixAt);
    const requirement = requirementRows.find((r) => r.recordId === person.id);
    if (requirement) Object.assign(requirement, { metByAssessmentId: first.id, metAt: matrixAt });
    const reviews = script ? script.length - 1 : random.chance(0.6) ? random.int(1, 4) : 0;
    for (let review = 1; review <= reviews; review++) {
      const next = later(at, random.int(28, 120), random.int(9, 16));
      if (!next) break;
      at = next;
      level = script?.[review] ?? random.weighted(nextLevel[level]);
      complete(person, matrix, matrixAnswers(world, matrix.definition, level), at);
    }
  }

  const assessmentRows = done.map((c) => ({
    id: c.id, partnershipId: world.partnershipId, templateId: c.template.id, templateVersionId: c.template.versionId, recordKind: 'profile' as const, recordId: c.person.id,
    status: 'completed' as const, answers: c.answers, visibility: random.chance(0.9) ? ('shared' as const) : ('team' as const), score: c.score,
    createdBy: c.assessor.id, authorId: c.assessor.id, authorTeamId: c.assessor.teamId, authorOrganisationId: c.assessor.organisationId,
    completedAt: c.completedAt, version: 2, createdAt: new Date(c.completedAt.getTime() - random.int(15, 50) * 60_000), updatedAt: c.completedAt,
  }));
  await insertAll(tx, assessments, assessmentRows);
  await insertAll(tx, actions, reminderRows);
  await insertAll(tx, assessmentRequirements, requirementRows);

  const changeRows: (typeof riskLevelChanges.$inferInsert)[] = [];
  const latestMatrix = new Map<string, Completed>();
  const levels: { id: string; risk_level: RiskLevel | null; changes: number; updated_at: string }[] = [];
  for (const c of done.filter((d) => d.template === matrix).sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime())) {
    const from = c.person.riskLevel;
    const to = bandFor(matrix.definition, c.score)?.riskLevel ?? null;
    latestMatrix.set(c.person.id, c);
    if (to === from) continue;
    c.person.riskLevel = to;
    changeRows.push({ partnershipId: world.partnershipId, profileId: c.person.id, fromLevel: from, toLevel: to, assessmentId: c.id, changedBy: c.assessor.id, changedAt: c.completedAt });
    const held = levels.find((l) => l.id === c.person.id);
    if (held) Object.assign(held, { risk_level: to, changes: held.changes + 1, updated_at: c.completedAt.toISOString() });
    else levels.push({ id: c.person.id, risk_level: to, changes: 1, updated_at: c.completedAt.toISOString() });
  }
  await insertAll(tx, riskLevelChanges, changeRows);
  // Each change moves the profile's level and version, as the assessments module's does.
  if (levels.length > 0) {
    await tx.execute(sql`
      update profiles p set risk_level = l.risk_level, version = p.version + l.changes, updated_at = greatest(p.updated_at, l.updated_at)
        from jsonb_to_recordset(${JSON.stringify(levels)}::jsonb) as l(id uuid, risk_level text, changes int, updated_at timestamptz)
       where p.id = l.id`);
  }
  return {
    counts: {
      assessments: assessmentRows.length,
      requirements: requirementRows.length,
      unmetRequirements: requirementRows.filter((r) => !r.metAt).length,
      reminders: reminderRows.length,
      riskLevelChanges: changeRows.length,
    },
    latestMatrix,
  };
}
