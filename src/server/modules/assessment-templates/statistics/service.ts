import type { z } from 'zod';
import { templateDefinition, type Answers, type Band, type Statistics, type statisticsQuery, type TemplateDefinition, type TemplateQuestion } from '../../../../shared/api/assessments.ts';
import { bandFor, finalScore } from '../../../../shared/assessment-engine.ts';
import { choiceKinds } from '../../../../shared/assessments.ts';
import type { Context } from '../../../platform/context.ts';
import { findTemplate, templateVersion } from '../service.ts';
import * as q from './queries.ts';

type Query = z.infer<typeof statisticsQuery>;

/** "DE" is a postcode area, "DE4" (or "DE45") a district, "DE4 3" a sector. */
function areaMatch(area: string): q.AreaMatch {
  if (/^[A-Z]+$/.test(area)) return { kind: 'area', letters: area };
  if (area.includes(' ')) return { kind: 'sector', value: area.replace(/ /g, '') };
  return { kind: 'outward', value: area };
}

const counted = (question: TemplateQuestion) => choiceKinds.includes(question.kind) || question.kind === 'scale';

/** Each value an answer gives: a choice, each of several choices, a rating, or each family member's choice. */
function valuesOf(answer: unknown): string[] {
  if (typeof answer === 'string') return [answer];
  if (typeof answer === 'number') return [String(answer)];
  if (Array.isArray(answer)) return answer.map(String);
  if (answer !== null && typeof answer === 'object') return Object.values(answer).map(String);
  return [];
}

function bandCounts(current: TemplateDefinition, banded: { band: Band | null }[]): Statistics['bands'] {
  const counts = new Map<string, { label: string; colour: Band['colour']; count: number }>();
  for (const b of current.bands) counts.set(b.label, { label: b.label, colour: b.colour, count: 0 });
  for (const { band } of banded) {
    if (!band) continue;
    const entry = counts.get(band.label) ?? { label: band.label, colour: band.colour, count: 0 };
    entry.count++;
    counts.set(band.label, entry);
  }
  return [...counts.values()];
}

/** For each subject assessed more than once in the range: the band of its first assessment and of its latest. */
function movement(banded: { row: q.CompletedRow; band: Band | null }[]): Statistics['movement'] {
  const bySubject = new Map<string, { first: Band | null; latest: Band | null; n: number }>();
  for (const { row, band } of banded) {
    const key = `${row.recordKind}:${row.recordId}`;
    const seen = bySubject.get(key);
    if (seen) {
      seen.latest = band;
      seen.n++;
    } else bySubject.set(key, { first: band, latest: band, n: 1 });
  }
  const pairs = new Map<string, { from: string; to: string; count: number }>();
  for (const { first, latest, n } of bySubject.values()) {
    if (n < 2 || !first || !latest) continue;
    const key = JSON.stringify([first.label, latest.label]);
    const pair = pairs.get(key) ?? { from: first.label, to: latest.label, count: 0 };
    pair.count++;
    pairs.set(key, pair);
  }
  return [...pairs.values()].sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

function answerDistributions(current: TemplateDefinition, rows: q.CompletedRow[], definitions: Map<string, TemplateDefinition>): Statistics['questions'] {
  return current.sections.flatMap((s) => s.questions).filter(counted).map((question) => {
    const counts = new Map<string, { value: string; label: string; count: number }>();
    if (question.kind === 'scale') {
      const range = question.scale ?? { min: 1, max: 10 };
      for (let v = range.min; v <= range.max; v++) counts.set(String(v), { value: String(v), label: String(v), count: 0 });
    } else {
      for (const o of question.options) counts.set(o.value, { value: o.value, label: o.label, count: 0 });
    }
    for (const row of rows) {
      for (const value of valuesOf((row.answers as Answers)[question.key])) {
        const entry = counts.get(value) ?? { value, label: earlierLabel(definitions.get(row.templateVersionId), question.key, value), count: 0 };
        entry.count++;
        counts.set(value, entry);
      }
    }
    return { key: question.key, text: question.text, answers: [...counts.values()] };
  });
}

/** How the version an assessment was made with named an option the current version no longer has. */
function earlierLabel(definition: TemplateDefinition | undefined, key: string, value: string): string {
  const question = definition?.sections.flatMap((s) => s.questions).find((x) => x.key === key);
  return question?.options.find((o) => o.value === value)?.label ?? value;
}

/**
 * The figures for a template over a date range and area: counted only from assessments the
 * reader may read, so the statistics never reveal what their own screens would not.
 */
export async function templateStatistics(ctx: Context, idOrKey: string, query: Query, exported = false): Promise<Statistics> {
  const template = await findTemplate(ctx, idOrKey);
  const current = (await templateVersion(ctx, template)).definition;
  const rows = await q.readableCompleted(ctx.tx, ctx.actor, template.id, { from: query.from, to: query.to, area: query.area ? areaMatch(query.area) : undefined });
  const stored = await q.definitionsOf(ctx.tx, rows.map((r) => r.templateVersionId));
  const definitions = new Map([...stored].map(([id, definition]) => [id, templateDefinition.parse(definition)]));
  const banded = rows.map((row) => ({ row, band: bandFor(definitions.get(row.templateVersionId) ?? current, finalScore(row)) }));
  const filters = { from: query.from ?? null, to: query.to ?? null, area: query.area ?? null };
  ctx.audit({
    action: exported ? 'assessment_statistics.exported' : 'assessment_statistics.viewed',
    entityType: 'assessment_template',
    entityId: template.id,
    details: { ...filters, total: rows.length },
  });
  return {
    template: { id: template.id, key: template.key, name: template.name },
    ...filters,
    total: rows.length,
    subjects: new Set(rows.map((r) => `${r.recordKind}:${r.recordId}`)).size,
    bands: bandCounts(current, banded),
    movement: movement(banded),
    questions: answerDistributions(current, rows, definitions),
  };
}
