import type { z } from 'zod';
import type { RetentionRule, retentionRuleBody, retentionRulePatch } from '../../../../shared/api/retention.ts';
import { describeRule, retentionStartOf } from '../../../../shared/retention.ts';
import { canManagePartnershipLists } from '../../../platform/access/administration.ts';
import type { Context } from '../../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, staleVersion, ValidationError } from '../../../platform/errors.ts';
import { resolveLookup } from '../../lookups/service.ts';
import * as q from './queries.ts';

export function presentRule(row: q.RuleRow): RetentionRule {
  const caseType = row.case_type_id ? { id: row.case_type_id, name: row.case_type_name ?? '' } : null;
  return {
    id: row.id,
    recordKind: row.record_kind,
    caseType,
    startsFrom: row.starts_from,
    keepMonths: row.keep_months,
    active: row.active,
    description: describeRule({ recordKind: row.record_kind, caseType, startsFrom: row.starts_from, keepMonths: row.keep_months }),
    version: row.version,
  };
}

export function requireKeeper(ctx: Context) {
  if (!canManagePartnershipLists(ctx.actor, ctx.actor.partnershipId)) {
    ctx.refuse({ action: 'access.refused', details: { why: 'not a system administrator of the partnership' } });
    throw new ForbiddenError('Only the partnership\'s system administrators set how long records are kept.');
  }
}

const duplicate = () => new ConflictError('An active rule already covers these records: change that one, or end it first.', 'rule_exists');

/** The partnership's rules, active first; read by those who decide reviews too. */
export async function listRules(ctx: Context): Promise<{ items: RetentionRule[] }> {
  const rows = await q.listRules(ctx.tx, ctx.actor.partnershipId);
  ctx.audit({ action: 'retention_rules.listed', details: { count: rows.length } });
  return { items: rows.map(presentRule) };
}

export async function createRule(ctx: Context, body: z.infer<typeof retentionRuleBody>): Promise<RetentionRule> {
  requireKeeper(ctx);
  if (body.startsFrom !== retentionStartOf[body.recordKind]) throw new ValidationError([{ field: 'startsFrom', problem: `does not apply to ${body.recordKind} records` }]);
  if (body.caseType && body.recordKind !== 'case') throw new ValidationError([{ field: 'caseType', problem: 'applies to case rules only' }]);
  const caseTypeId = body.caseType ? (await resolveLookup(ctx, 'case_type', body.caseType, 'caseType')).id : null;
  if (body.active && (await q.activeRuleExists(ctx.tx, ctx.actor.partnershipId, body.recordKind, caseTypeId, null))) throw duplicate();
  const id = await q.insertRule(ctx.tx, {
    partnershipId: ctx.actor.partnershipId, recordKind: body.recordKind, caseTypeId, startsFrom: body.startsFrom, keepMonths: body.keepMonths, active: body.active, createdBy: ctx.actor.id,
  });
  ctx.audit({ action: 'retention_rule.created', entityType: 'retention_rule', entityId: id, details: { recordKind: body.recordKind, caseTypeId, startsFrom: body.startsFrom, keepMonths: body.keepMonths, active: body.active } });
  return presentRule((await q.getRule(ctx.tx, id))!);
}

export async function updateRule(ctx: Context, id: string, body: z.infer<typeof retentionRulePatch>): Promise<RetentionRule> {
  requireKeeper(ctx);
  const rule = await q.getRule(ctx.tx, id);
  if (!rule || rule.partnership_id !== ctx.actor.partnershipId) throw new NotFoundError('retention rule');
  const next = { keepMonths: body.keepMonths ?? rule.keep_months, active: body.active ?? rule.active };
  if (next.active && !rule.active && (await q.activeRuleExists(ctx.tx, rule.partnership_id, rule.record_kind, rule.case_type_id, id))) throw duplicate();
  if (!(await q.updateRule(ctx.tx, id, body.version, next))) throw staleVersion(presentRule(rule));
  ctx.audit({ action: 'retention_rule.updated', entityType: 'retention_rule', entityId: id, details: { recordKind: rule.record_kind, caseTypeId: rule.case_type_id, startsFrom: rule.starts_from, ...next } });
  return presentRule((await q.getRule(ctx.tx, id))!);
}
