import type { Referral } from '../../../../shared/api/panels.ts';
import { panelRefOf } from '../panel.ts';
import type { ReferralRow } from './queries.ts';

/**
 * A referral as its reader sees it: whoever may open its record reads it all, whether or not they
 * run its panel; anyone else on the panel sees that it exists, its criteria and where it stands.
 */
export function presentReferral(row: ReferralRow, seen: { title: string; open: boolean } | undefined): Referral {
  const r = row.referral;
  const shown = !!seen?.open;
  return {
    id: r.id,
    panelId: r.panelId,
    panel: panelRefOf({ id: r.panelId, name: row.panelName, kind: row.panelKind }),
    subject: { type: r.recordKind, id: r.recordId },
    title: shown ? seen?.title ?? null : null,
    restricted: !shown,
    reason: shown ? r.reason : null,
    criteria: r.criteria,
    repeat: r.repeat,
    status: r.status,
    hasChildren: r.hasChildren,
    latestAssessmentId: shown ? r.latestAssessmentId : null,
    referredBy: { id: r.referredBy, name: row.referredByName },
    referredByTeam: { id: r.referredByTeamId, name: row.referredByTeamName },
    referredByOrganisation: { id: r.referredByOrganisationId, name: row.referredByOrganisationName },
    meeting: row.meetingId && row.meetingAt ? { id: row.meetingId, startsAt: row.meetingAt } : null,
    withdrawnReason: shown ? r.withdrawnReason : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
