import type { Context } from '../../platform/context.ts';
import { loadCase, readCase, subjectOf as caseSubject } from '../cases/record.ts';
import { getPartnership } from '../organisations/service.ts';
import { presentFull, subjectOf as profileSubject, viewableProfile } from '../profiles/access.ts';
import { caseDetailsPart, caseLocationsPart, casePeoplePart } from './case-content.ts';
import { Included, type SummaryDocument, type SummaryPart } from './document.ts';
import { profileDetailsPart, profilePeoplePart } from './profile-content.ts';
import { latestAssessmentPart, openTasksPart, timelinePart } from './record-content.ts';

/**
 * PDF summaries of a case or a person: only what the reader may see, read through the modules
 * that own each part, and one audit event naming what went into the file. The reads audit
 * themselves as they do for the record's page (the timeline, tasks, assessments); opening the
 * record itself is this export's event, not a second `*.viewed`.
 */

export interface SummaryExport {
  summary: SummaryDocument;
  /** Never a person's name: a downloaded file's name shows in folders and email attachments. */
  fileName: string;
}

async function summaryOf(ctx: Context, title: SummaryDocument['title'], subject: string, parts: SummaryPart[]): Promise<SummaryDocument> {
  const partnership = await getPartnership(ctx, ctx.actor.partnershipId);
  return { title, subject, partnershipName: partnership.name, generatedAt: new Date(), generatedBy: ctx.actor.name, parts };
}

/** A case reference holds slashes (ASB/2026/00001), which no file name may. */
const fileSafe = (reference: string) => reference.replace(/[^A-Za-z0-9-]+/g, '-');

export async function caseSummary(ctx: Context, id: string): Promise<SummaryExport> {
  const row = await loadCase(ctx, id);
  const kase = await readCase(ctx, row);
  const included = new Included();
  const parts = [
    caseDetailsPart(kase),
    casePeoplePart(kase, included),
    caseLocationsPart(kase, included),
    await openTasksPart(ctx, 'case', kase.id, included),
    await latestAssessmentPart(ctx, 'case', kase.id, included),
    await timelinePart(ctx, 'case', kase.id, included),
  ];
  ctx.audit({ action: 'case.summary_exported', ...caseSubject(row), details: included.contents(parts) });
  return { summary: await summaryOf(ctx, 'Case summary', `${kase.reference}: ${kase.title}`, parts), fileName: `case-${fileSafe(kase.reference)}.pdf` };
}

/** A merged profile answers as the one it was merged into, as its page does. */
export async function profileSummary(ctx: Context, id: string): Promise<SummaryExport> {
  const { row } = await viewableProfile(ctx, id);
  const profile = await presentFull(ctx, row);
  const included = new Included();
  const parts = [
    profileDetailsPart(profile),
    await profilePeoplePart(ctx, profile, included),
    await openTasksPart(ctx, 'profile', profile.id, included),
    await latestAssessmentPart(ctx, 'profile', profile.id, included),
    await timelinePart(ctx, 'profile', profile.id, included),
  ];
  ctx.audit({ action: 'profile.summary_exported', ...profileSubject(row), details: included.contents(parts) });
  return { summary: await summaryOf(ctx, 'Profile summary', `${profile.firstName} ${profile.lastName}`, parts), fileName: 'profile-summary.pdf' };
}
