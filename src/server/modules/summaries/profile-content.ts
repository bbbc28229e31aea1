import type { Profile } from '../../../shared/api/profiles.ts';
import { caseStatusLabels } from '../../../shared/labels/cases.ts';
import { profileLabels } from '../../../shared/labels/profiles.ts';
import { genderLabels, profileRoleLabels, riskLevelLabels } from '../../../shared/records.ts';
import type { Context } from '../../platform/context.ts';
import { findCases } from '../cases/service.ts';
import { findRecord, ownerOf } from '../sharing/record-access.ts';
import { agencyWords, dateWords, field, note, type Included, type SummaryLine, type SummaryPart } from './document.ts';
import { bornWords, heldBy, lockedPerson, safetyWords } from './people.ts';

/** A person's own parts of their summary, from the profile as its page reads it (`presentFull`). */

/** As far as the summary lists the person's cases; beyond it a line says there are more. */
const caseLimit = 200;

const names = (values: { name: string }[]) => (values.length > 0 ? values.map((v) => v.name).join(', ') : 'None recorded');

function addressLine(a: Profile['addresses'][number]): SummaryLine {
  const dates = [a.fromDate && `from ${dateWords(a.fromDate)}`, a.toDate && `to ${dateWords(a.toDate)}`].filter(Boolean).join(' ');
  return {
    kind: 'entry',
    title: [a.addressLine1, a.addressLine2, a.town, a.postcode].filter(Boolean).join(', '),
    byline: [a.current ? 'Current address' : 'Past or future address', dates].filter(Boolean).join(', '),
    body: null,
  };
}

/** Warning markers come first, as on the profile page: a visit is planned around them. */
export function profileDetailsPart(p: Profile): SummaryPart {
  const lines: SummaryLine[] = [
    field(profileLabels.warningMarkers, names(p.warningMarkers)),
    field(profileLabels.riskLevel, p.riskLevel ? riskLevelLabels[p.riskLevel] : 'Not assessed'),
    field('Name', `${p.firstName} ${p.lastName}`),
    field(profileLabels.aliases, p.aliases.length > 0 ? p.aliases.map((a) => `${a.firstName} ${a.lastName}`).join(', ') : 'None recorded'),
    field(profileLabels.dateOfBirth, bornWords(p.dateOfBirth, p.age)),
    field(profileLabels.gender, p.gender && genderLabels[p.gender]),
    field(profileLabels.ethnicity, p.ethnicity?.name),
    field(profileLabels.roles, p.roles.map((r) => profileRoleLabels[r]).join(', ')),
    field(profileLabels.vulnerabilities, names(p.vulnerabilities)),
    field(profileLabels.keyInformation, p.keyInformation),
    field(profileLabels.reasonCreated, p.reasonCreated),
    field('Held by', agencyWords(p.owner.team, p.owner.organisation)),
  ];
  lines.push(...(p.addresses.length > 0 ? p.addresses.map(addressLine) : [note('No addresses recorded.')]));
  return { section: 'details', heading: 'Details', lines };
}

/**
 * The person's relationships, a related person the reader may not open as a stub naming only who
 * holds them (and without the relationship's notes, which speak of them), then the cases the
 * person is on that the reader may open.
 */
export async function profilePeoplePart(ctx: Context, p: Profile, included: Included): Promise<SummaryPart> {
  const lines: SummaryLine[] = [];
  for (const r of p.relationships) {
    if (!r.other.accessible) {
      const holder = ownerOf(await findRecord(ctx, 'profile', r.other.id));
      lines.push({ kind: 'entry', title: `${r.label}: ${lockedPerson(holder)}`, byline: null, body: null });
      continue;
    }
    included.named('profile', r.other.id);
    lines.push({
      kind: 'entry',
      title: `${r.label}: ${r.other.firstName} ${r.other.lastName}`,
      byline: bornWords(r.other.dateOfBirth, r.other.safety?.age ?? null),
      body: [safetyWords(r.other.safety), r.notes].filter(Boolean).join('\n') || null,
    });
  }
  if (lines.length === 0) lines.push(note('No relationships recorded.'));
  const cases = await findCases(ctx, { scope: 'all', profileId: p.id, limit: caseLimit });
  for (const c of cases.items) {
    included.named('case', c.id);
    lines.push({ kind: 'entry', title: `Case ${c.reference}: ${c.title}`, byline: `${c.caseType.name}. ${caseStatusLabels[c.status]}. ${heldBy(c.owner)}`, body: null });
  }
  if (cases.items.length === 0) lines.push(note('On no case you may open.'));
  if (cases.nextCursor) lines.push(note(`On more cases than the ${caseLimit} listed here.`));
  return { section: 'people', heading: 'Relationships and cases', lines };
}
