import { z } from 'zod';
import { roles } from '../roles.ts';
import { assessmentSummary } from './assessments.ts';
import { caseSummary } from './cases.ts';
import { ref, uuid, version } from './common.ts';
import { taskSummary } from './tasks.ts';
import { overdueContact } from './victim-care.ts';

/** How many items each of the supervisor's lists holds; beyond it the page says there are more. */
export const supervisionListSize = 200;

export const supervisionQuery = z.object({
  /** The team to supervise; the caller's own when left out. */
  teamId: uuid.optional(),
});

/** An overdue task, with what handing it on needs: its version, and whether this supervisor may. */
export const supervisedTask = taskSummary.extend({ version, canReassign: z.boolean() });
export type SupervisedTask = z.infer<typeof supervisedTask>;

/** A case its lead officer's supervisor may open, with what changing the lead needs. */
export const supervisedCase = caseSummary.extend({ version, canChangeLead: z.boolean() });
export type SupervisedCase = z.infer<typeof supervisedCase>;

export const officer = z.object({
  id: uuid,
  name: z.string(),
  jobTitle: z.string().nullable(),
  role: z.enum(roles),
  isSupervisor: z.boolean(),
  /** Counted from the lists below, so only over what the supervisor may open. */
  openCases: z.number().int(),
  overdueTasks: z.number().int(),
  overdueReviews: z.number().int(),
});
export type Officer = z.infer<typeof officer>;

function list<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), more: z.boolean() });
}

/**
 * A team as its supervisor sees it: each officer's caseload and overdue work, the team's open
 * cases by lead officer, overdue tasks and reviews, and score adjustments waiting for the
 * supervisor's decision. Everything is as far as the supervisor may open it.
 */
export const supervision = z.object({
  team: ref.extend({ organisation: ref }),
  /** The teams this person may supervise, to switch between (an organisation admin has several). */
  teams: z.array(ref),
  officers: z.array(officer),
  cases: list(supervisedCase),
  overdueTasks: list(supervisedTask),
  overdueReviews: list(assessmentSummary),
  approvals: list(assessmentSummary),
  /** Victims the team holds whose next contact is overdue, longest overdue first. */
  overdueContacts: list(overdueContact),
});
export type Supervision = z.infer<typeof supervision>;
