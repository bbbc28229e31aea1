import type { AuditDetails } from '../../platform/audit/details.ts';
import type { RecordKind } from '../../../shared/records.ts';
import type { SummarySection } from '../../../shared/insights.ts';

/**
 * A PDF summary as words, before any layout: what the reader may see of a case or a person, in
 * the order the page shows it. The use case builds it inside its transaction; the layout draws it
 * after commit.
 */

/** One line of a section: a labelled value, an entry (a task, a person, a timeline item) or a sentence. */
export type SummaryLine =
  | { kind: 'field'; label: string; value: string }
  | { kind: 'entry'; title: string; byline: string | null; body: string | null }
  | { kind: 'note'; text: string };

export interface SummaryPart {
  section: SummarySection;
  heading: string;
  lines: SummaryLine[];
}

export interface SummaryDocument {
  /** The file's title in its metadata and the page's first heading: never a name. */
  title: 'Case summary' | 'Profile summary' | 'Subject access request';
  /** What the summary is of, under the title: the case's reference and title, or the person's name. */
  subject: string;
  partnershipName: string;
  generatedAt: Date;
  generatedBy: string;
  parts: SummaryPart[];
}

/** What the export named and showed, gathered as the parts are built, for its audit event. */
export class Included {
  private readonly records = new Map<string, { kind: RecordKind; id: string }>();
  readonly reportIds: string[] = [];
  readonly taskIds: string[] = [];
  assessmentId: string | null = null;
  timelineEntries = 0;

  /** A record the summary names (a person, place or case the reader may open). */
  named(kind: RecordKind, id: string): void {
    this.records.set(`${kind}:${id}`, { kind, id });
  }

  contents(parts: SummaryPart[]): AuditDetails['case.summary_exported'] {
    return {
      sections: parts.map((p) => p.section),
      records: [...this.records.values()],
      reportIds: this.reportIds,
      taskIds: this.taskIds,
      assessmentId: this.assessmentId,
      timelineEntries: this.timelineEntries,
    };
  }
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const londonDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const londonClock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });

/** A calendar date (YYYY-MM-DD) in words: "3 March 2026". */
export const dateWords = (date: string): string => longDate.format(new Date(`${date}T00:00:00Z`));

/** The London day an instant fell on, in words. */
export const dayWords = (at: string | Date): string => londonDay.format(new Date(at));

/** An instant as London's clock read it: "3 March 2026 at 14:05". */
export const timeWords = (at: string | Date): string => `${dayWords(at)} at ${londonClock.format(new Date(at))}`;

export const field = (label: string, value: string | null | undefined): SummaryLine => ({ kind: 'field', label, value: value?.trim() ? value : 'Not recorded' });

export const note = (text: string): SummaryLine => ({ kind: 'note', text });

/** A team as a stub names it: the team and its organisation, since teams of two agencies share names. */
export const agencyWords = (team: { name: string } | null, organisation: { name: string } | null): string =>
  [team?.name, organisation?.name].filter(Boolean).join(', ');
