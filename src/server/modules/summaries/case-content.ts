import type { CaseRecord } from '../../../shared/api/cases.ts';
import { caseLabels, caseStatusLabels } from '../../../shared/labels/cases.ts';
import { interventionStatusLabels, profileRoleLabels } from '../../../shared/records.ts';
import { agencyWords, dateWords, field, note, type Included, type SummaryLine, type SummaryPart } from './document.ts';
import { bornWords, heldBy, lockedLocation, lockedPerson, safetyWords } from './people.ts';

/** A case's own parts of its summary, from the case as its page reads it (`readCase`). */

function timeLeft(c: CaseRecord): string | null {
  if (c.daysLeft === null) return null;
  if (c.status !== 'open') return null;
  if (c.daysLeft < 0) return `${-c.daysLeft} ${c.daysLeft === -1 ? 'day' : 'days'} past the end date`;
  return c.daysLeft === 0 ? 'Ends today' : `${c.daysLeft} ${c.daysLeft === 1 ? 'day' : 'days'} left`;
}

function interventionLine(i: CaseRecord['interventions'][number]): SummaryLine {
  const dates = [i.startDate && `From ${dateWords(i.startDate)}`, i.endDate && `to ${dateWords(i.endDate)}`].filter(Boolean).join(' ');
  const words = [i.outcome && `Outcome: ${i.outcome}`, i.notes].filter(Boolean).join('\n');
  return { kind: 'entry', title: `${i.interventionType.name}: ${interventionStatusLabels[i.status]}`, byline: dates || null, body: words || null };
}

export function caseDetailsPart(c: CaseRecord): SummaryPart {
  const lines: SummaryLine[] = [
    field(caseLabels.reference, c.reference),
    field(caseLabels.title, c.title),
    field(caseLabels.caseType, c.caseType.name),
    field(caseLabels.status, caseStatusLabels[c.status]),
    field('Held by', agencyWords(c.owner.team, c.owner.organisation)),
    field(caseLabels.leadOrganisationId, c.leadOrganisation?.name),
    field(caseLabels.leadOfficerId, c.leadOfficer?.name),
    field(caseLabels.singlePointOfContactId, c.singlePointOfContact?.name),
    field(caseLabels.startDate, c.startDate && dateWords(c.startDate)),
    field(caseLabels.endDate, c.endDate && dateWords(c.endDate)),
  ];
  const left = timeLeft(c);
  if (left) lines.push(field('Time left', left));
  lines.push(field(caseLabels.summary, c.summary));
  if (c.status !== 'open') lines.push(field(caseLabels.outcome, c.outcome), field(caseLabels.closureReason, c.closureReason));
  lines.push(...(c.interventions.length > 0 ? c.interventions.map(interventionLine) : [note('No interventions recorded.')]));
  return { section: 'details', heading: 'Case details', lines };
}

/** The people on the case with their part in it; one the reader may not open is a stub naming only who holds them. */
export function casePeoplePart(c: CaseRecord, included: Included): SummaryPart {
  const lines: SummaryLine[] = c.profiles.map((p) => {
    const role = profileRoleLabels[p.role];
    if (!p.accessible) return { kind: 'entry', title: `${role}: ${lockedPerson(p.owner)}`, byline: null, body: null };
    included.named('profile', p.profileId);
    return {
      kind: 'entry',
      title: `${role}: ${p.firstName} ${p.lastName}`,
      byline: [bornWords(p.dateOfBirth, p.safety?.age ?? null), heldBy(p.owner)].filter(Boolean).join('. '),
      body: safetyWords(p.safety),
    };
  });
  return { section: 'people', heading: 'People', lines: lines.length > 0 ? lines : [note('No people linked to the case.')] };
}

export function caseLocationsPart(c: CaseRecord, included: Included): SummaryPart {
  const lines: SummaryLine[] = c.locations.map((l) => {
    if (!l.accessible) return { kind: 'entry', title: lockedLocation(l.owner), byline: null, body: null };
    included.named('location', l.locationId);
    return { kind: 'entry', title: `${l.addressLine1}, ${l.postcode}`, byline: heldBy(l.owner), body: null };
  });
  return { section: 'locations', heading: 'Locations', lines: lines.length > 0 ? lines : [note('No locations linked to the case.')] };
}
