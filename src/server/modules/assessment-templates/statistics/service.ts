import type { z } from 'zod';
import type { Band, Statistics, statisticsQuery, TemplateDefinition, TemplateQuestion } from '../../../../shared/api/assessments.ts';
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

/** The current version's bands in its order, then any band only an earlier version had. */
function bandCounts(current: TemplateDefinition, found: q.CountedBand[]): Statistics['bands'] {
  const counts = new Map<string, { label: string; colour: Band['colour']; count: number }>();
  for (const b of current.bands) counts.set(b.label, { label: b.label, colour: b.colour, count: 0 });
  for (const band of found) {
    const entry = counts.get(band.label) ?? { label: band.label, colour: band.colour, count: 0 };
    entry.count += band.count;
    counts.set(band.label, entry);
  }
  return [...counts.values()];
}

const byCount = (a: Statistics['movement'][number], b: Statistics['movement'][number]) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to);

/** Each counted question's options (or ratings) in order, then any value only an earlier version offered. */
function answerDistributions(questions: TemplateQuestion[], found: q.CountedAnswer[]): Statistics['questions'] {
  return questions.map((question) => {
    const counts = new Map<string, { value: string; label: string; count: number }>();
    if (question.kind === 'scale') {
      const range = question.scale ?? { min: 1, max: 10 };
      for (let v = range.min; v <= range.max; v++) counts.set(String(v), { value: String(v), label: String(v), count: 0 });
    } else {
      for (const o of question.options) counts.set(o.value, { value: o.value, label: o.label, count: 0 });
    }
    for (const answer of found.filter((a) => a.key === question.key)) {
      const entry = counts.get(answer.value) ?? { value: answer.value, label: answer.label ?? answer.value, count: 0 };
      entry.count += answer.count;
      counts.set(answer.value, entry);
    }
    return { key: question.key, text: question.text, answers: [...counts.values()] };
  });
}

/**
 * The figures for a template over a date range and area: counted only from assessments the
 * reader may read, so the statistics never reveal what their own screens would not.
 */
export async function templateStatistics(ctx: Context, idOrKey: string, query: Query, exported = false): Promise<Statistics> {
  const template = await findTemplate(ctx, idOrKey);
  const current = (await templateVersion(ctx, template)).definition;
  const questions = current.sections.flatMap((s) => s.questions).filter(counted);
  const area = query.area ? areaMatch(query.area) : undefined;
  const counts = await q.countCompleted(ctx.tx, ctx.actor, template.id, { from: query.from, to: query.to, area }, questions.map((question) => question.key));
  const filters = { from: query.from ?? null, to: query.to ?? null, area: query.area ?? null };
  ctx.audit({
    action: exported ? 'assessment_statistics.exported' : 'assessment_statistics.viewed',
    entityType: 'assessment_template',
    entityId: template.id,
    details: { ...filters, total: counts.total },
  });
  return {
    template: { id: template.id, key: template.key, name: template.name },
    ...filters,
    total: counts.total,
    subjects: counts.subjects,
    bands: bandCounts(current, counts.bands),
    movement: counts.movement.sort(byCount),
    questions: answerDistributions(questions, counts.answers),
  };
}
