import { z } from 'zod';
import { recordKinds } from '../records.ts';
import { assessmentSummary, neededAssessment } from './assessments.ts';
import { caseSummary } from './cases.ts';
import { isoTime, uuid } from './common.ts';
import { profileSummary } from './profiles.ts';
import { accessRequest } from './records.ts';
import { action, taskSummary } from './tasks.ts';
import { overdueContact } from './victim-care.ts';

/** How many items a panel shows; its full list has the rest. */
export const homePanelSize = 10;
/** How far a panel counts: beyond it the page says "more than". */
export const homeCountCap = 100;

/**
 * One panel of the home page: the first items of a list, how many that list holds up to
 * `homeCountCap`, and whether it holds more than that.
 */
function panel<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), count: z.number().int(), more: z.boolean() });
}

/** A followed record that changed since the person last read the notice of it. */
export const followedChange = z.object({
  record: z.object({ kind: z.enum(recordKinds), id: uuid, title: z.string() }),
  /** The latest notice's words, which never name anyone: "A report was added on a profile you follow." */
  change: z.string(),
  changedAt: isoTime,
});
export type FollowedChange = z.infer<typeof followedChange>;

/** The practitioner's day, each panel read through the same function as its full list. */
export const home = z.object({
  /** Open cases the person's team holds, most recently changed first. */
  cases: panel(caseSummary),
  /** People the person's team holds, most recently changed first, with risk level and warning markers. */
  people: panel(profileSummary),
  /** Tasks set for the person or taken on by them, still to do, soonest due first (so overdue first). */
  myTasks: panel(taskSummary),
  /** Tasks set for the person's team or organisation, still to do, soonest due first. */
  teamTasks: panel(taskSummary),
  /** The person's reminders not done and due by the end of today. */
  reminders: panel(action),
  /** The team's assessment drafts, which any member may finish. */
  drafts: panel(assessmentSummary),
  /** The person's assessments due for review within a week, or overdue. */
  reviews: panel(assessmentSummary),
  /** Assessments the records the person's team holds still need (a VICTIM screening's "yes" asks for the matrix), longest waiting first. */
  needed: panel(neededAssessment),
  followed: panel(followedChange),
  /** Victims the person's team holds whose next contact is overdue, longest overdue first. */
  overdueContacts: panel(overdueContact),
  /** Requests waiting for the person's decision; null for someone who does not decide them. */
  accessRequests: panel(accessRequest).nullable(),
});
export type Home = z.infer<typeof home>;
export type HomePanel<T> = { items: T[]; count: number; more: boolean };
