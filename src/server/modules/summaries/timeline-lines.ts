import type { TimelineEntry } from '../../../shared/api/reports.ts';
import { caseLabels, interventionLabels } from '../../../shared/labels/cases.ts';
import { locationLabels } from '../../../shared/labels/locations.ts';
import { profileLabels } from '../../../shared/labels/profiles.ts';
import { profileRoleLabels } from '../../../shared/records.ts';
import { contactChannelLabels } from '../../../shared/victim-care.ts';
import { taskStatusLabels } from '../../../shared/work.ts';
import { sanitiseBody } from '../reports/sanitise.ts';
import { agencyWords, dayWords, timeWords, type Included, type SummaryLine } from './document.ts';

/** A change to who may open the record (`record.shared`) names the level of access. */
const sharingLabels: Record<string, string> = { level: 'Access' };

type Detail<K extends TimelineEntry['detail']['kind']> = Extract<TimelineEntry['detail'], { kind: K }>;

/** A changed field in the words of the record's form ("Key information"), by the kind of change. */
function fieldWords(action: string, key: string): string {
  const labels: Record<string, string> = action.startsWith('case.intervention_') ? interventionLabels
    : action.startsWith('case.') ? caseLabels
      : action.startsWith('location.') ? locationLabels
        : action.startsWith('profile.') ? profileLabels
          : sharingLabels;
  return labels[key] ?? key;
}

/** Who was linked or related, named only where the reader may open them (the timeline already left the name out otherwise). */
function subjectWords(subject: NonNullable<Detail<'change'>['subject']>): string {
  const name = subject.name ?? `A ${subject.kind === 'profile' ? 'person' : subject.kind} you cannot open`;
  const how = subject.relationship ?? (subject.role ? profileRoleLabels[subject.role] : null);
  return how ? `${name} (${how})` : name;
}

function changeBody(d: Detail<'change'>): string | null {
  const words = [
    d.subject ? subjectWords(d.subject) : null,
    d.fields.length > 0 ? `${d.action.endsWith('.created') ? 'Recorded' : 'Changed'}: ${d.fields.map((f) => fieldWords(d.action, f)).join(', ')}` : null,
  ].filter(Boolean);
  return words.length > 0 ? words.join('. ') : null;
}

/** Only the entry's type, agency and day: what the timeline shows of what is not shared with the reader. */
function stub(e: TimelineEntry): SummaryLine {
  return { kind: 'entry', title: `${e.label} (not shared with you)`, byline: `${dayWords(e.at)}. ${agencyWords(e.team, e.organisation)}`, body: null };
}

function bodyOf(e: TimelineEntry, included: Included): string | null {
  const d = e.detail;
  switch (d.kind) {
    case 'report': {
      if (!d.bodyHtml) return null;
      included.reportIds.push(d.reportId);
      // The same words the reports module keeps as the report's text, drawn from the same clean HTML.
      const attached = d.attachments.map((a) => `Attached: ${a.title} (${a.fileName})`);
      return [sanitiseBody(d.bodyHtml).text, ...attached].join('\n');
    }
    case 'task':
      return [d.title && `${d.title}.`, `Now ${taskStatusLabels[d.status].toLowerCase()}.`, d.note && `“${d.note}”`].filter(Boolean).join(' ');
    case 'action':
      return d.title ? `${d.title}. Due ${timeWords(d.dueAt)}.` : null;
    case 'document':
      return [d.title, d.folder && `in ${d.folder}`].filter(Boolean).join(' ') || null;
    case 'assessment':
      return [d.finalScore !== null ? `Score ${d.finalScore}` : null, d.finalBand ? `band ${d.finalBand.label}` : null].filter(Boolean).join(', ') || null;
    case 'change':
      if (d.subject?.name) included.named(d.subject.kind, d.subject.id);
      return changeBody(d);
    case 'contact':
      return [contactChannelLabels[d.channel], d.voicemailLeft ? 'Voicemail left' : null, d.note && `“${d.note}”`].filter(Boolean).join('. ');
    case 'message':
      // Its words stay in the conversation, where each read is audited.
      return null;
  }
}

/** The timeline's entries as lines, in the order the timeline gave them (newest first). */
export function timelineLines(entries: TimelineEntry[], included: Included): SummaryLine[] {
  return entries.map((e) => {
    if (!e.readable) return stub(e);
    const by = e.author?.name ? `${e.author.name}, ${agencyWords(e.team, e.organisation)}` : agencyWords(e.team, e.organisation);
    return { kind: 'entry', title: e.label, byline: [timeWords(e.at), by].filter(Boolean).join('. '), body: bodyOf(e, included) };
  });
}
