import { protectiveMarking } from '../../../../shared/insights.ts';
import { genderLabels, profileRoleLabels, relationshipLabels, riskLevelLabels, type Gender, type ProfileRole, type RelationshipKind, type RiskLevel } from '../../../../shared/records.ts';
import { lawfulBasisLabels, type LawfulBasis } from '../../../../shared/referrals.ts';
import { profileLabels } from '../../../../shared/labels/profiles.ts';
import { printedCardNumber } from '../../../../shared/schemes.ts';
import { sarItemKindLabels, sarItemKinds, type SarItemKind } from '../../../../shared/subject-access.ts';
import type { Tx } from '../../../db/transaction.ts';
import { open, openJson, type KeyRing } from '../../../platform/crypto/envelope.ts';
import { tableCsv } from '../../../platform/spreadsheet.ts';
import { dateWords, dayWords, timeWords } from '../../summaries/document.ts';
import { listViewers } from '../viewers/queries.ts';
import * as q from './queries.ts';
import { findOccurrences, nameForms, type MarkedSpan } from './redact.ts';

/**
 * Gathers everything the partnership holds about a person into the export's items (D11): a
 * system read of every table that touches them, whoever started the request and whatever they
 * may open. Each item belongs to the organisation whose record it is, which reviews it. Names of
 * third parties (the other people linked to them) are redacted from the start, and so are the
 * names of staff outside the handling organisation when the partnership says so (D12): an author
 * is then "a member of staff of <organisation>".
 */

export interface CollectedItem {
  kind: SarItemKind;
  organisationId: string;
  sourceId: string | null;
  /** Names nobody: the kind and the day ("Report, 3 March 2026"). */
  title: string;
  occurredAt: Date | null;
  fields: Record<string, string>;
  file: { storedFileId: string; fileName: string } | null;
  /** Spans to redact from the start, per field. */
  redactions: (MarkedSpan & { field: string })[];
}

export interface CollectOptions {
  handlingOrganisationId: string;
  redactOtherAgencyStaff: boolean;
}

const viewerLimit = 5000;

const titleOf = (kind: SarItemKind, at: Date | string | null) =>
  at ? `${sarItemKindLabels[kind]}, ${typeof at === 'string' ? dateWords(at) : dayWords(at)}` : sarItemKindLabels[kind];

const orNot = (value: string | null | undefined) => (value?.trim() ? value : 'Not recorded');

export async function collect(tx: Tx, keyRing: KeyRing, profileId: string, options: CollectOptions): Promise<CollectedItem[]> {
  const person = await q.profileSource(tx, profileId);
  if (!person) throw new Error(`subject access: profile ${profileId} is gone`);
  const items: Omit<CollectedItem, 'redactions'>[] = [];
  const add = (item: Omit<CollectedItem, 'redactions' | 'file'> & { file?: CollectedItem['file'] }) => items.push({ file: null, ...item });

  const ownNames = await q.namesOf(tx, [profileId]);
  const relationships = await q.relationshipsOf(tx, profileId);
  const cases = await q.casesOf(tx, profileId);
  const thirdPartyIds = [...new Set([...relationships.map((r) => r.other_id), ...(await q.coLinkedProfiles(tx, profileId))])];
  const thirdPartyNames = await q.namesOf(tx, thirdPartyIds);
  const nameOf = new Map(thirdPartyNames.filter((n) => n.kind === 'name').map((n) => [n.profile_id, `${n.first_name} ${n.last_name}`]));

  // Staff are named once every author is known; until then fields hold a placeholder per user
  // between two private-use characters, which no one types.
  const authors = new Set<string>();
  const staff = (userId: string | null) => {
    if (!userId) return 'Not recorded';
    authors.add(userId);
    return `\uE000${userId}\uE001`;
  };

  const addresses = await q.addressesOf(tx, profileId);
  add({
    kind: 'profile', organisationId: person.owner_organisation_id, sourceId: person.id, title: sarItemKindLabels.profile, occurredAt: person.created_at,
    fields: {
      Name: `${person.first_name} ${person.last_name}`,
      'Other names': ownNames.filter((n) => n.kind === 'alias').map((n) => `${n.first_name} ${n.last_name}`).join('; ') || 'None',
      'Date of birth': person.date_of_birth ? dateWords(person.date_of_birth) : 'Not recorded',
      Gender: person.gender ? genderLabels[person.gender as Gender] : 'Not recorded',
      Phone: orNot(person.phone),
      Email: orNot(person.email),
      Addresses: addresses.map(addressWords).join('\n') || 'None',
      Roles: person.roles.map((r) => profileRoleLabels[r as ProfileRole] ?? r).join(', ') || 'None',
      'Risk level': person.risk_level ? riskLevelLabels[person.risk_level as RiskLevel] : 'Not recorded',
      'Key information': orNot(person.key_information),
      'Why the record was made': person.reason_created,
      'Held by': person.owner_team_name,
    },
  });

  for (const r of relationships) {
    const label = relationshipLabels[r.kind as RelationshipKind];
    add({
      kind: 'relationship', organisationId: person.owner_organisation_id, sourceId: r.id, title: titleOf('relationship', r.created_at), occurredAt: r.created_at,
      fields: { Relationship: `${r.outgoing ? label?.from ?? r.kind : label?.to ?? r.kind} ${nameOf.get(r.other_id) ?? 'another person'}`, Notes: orNot(r.notes) },
    });
  }

  for (const c of cases) {
    add({
      kind: 'case', organisationId: c.owner_organisation_id, sourceId: c.id, title: titleOf('case', c.created_at), occurredAt: c.created_at,
      fields: {
        Reference: c.reference, Title: c.title, Type: c.case_type, Status: c.status, 'Your role': profileRoleLabels[c.role as ProfileRole] ?? c.role,
        Started: c.start_date ? dateWords(c.start_date) : 'Not recorded', Ended: c.end_date ? dateWords(c.end_date) : 'Not recorded',
        Summary: orNot(c.summary), Outcome: orNot(c.outcome),
      },
    });
  }

  const searchNames = [...new Set(ownNames.map((n) => `${n.first_name} ${n.last_name}`))];
  for (const r of await q.reportsOf(tx, profileId, cases.map((c) => c.id), searchNames)) {
    add({
      kind: 'report', organisationId: r.author_organisation_id, sourceId: r.id, title: titleOf('report', r.occurred_at), occurredAt: r.occurred_at,
      fields: { Type: r.report_type, ...(r.case_reference ? { Case: r.case_reference } : {}), When: timeWords(r.occurred_at), 'Written by': staff(r.author_id), Text: r.body_text },
    });
  }

  for (const d of await q.documentsOf(tx, profileId)) {
    add({
      kind: 'document', organisationId: d.author_organisation_id, sourceId: d.id, title: titleOf('document', d.created_at), occurredAt: d.created_at,
      fields: { Title: d.title, Folder: d.folder, Description: orNot(d.description), 'Added by': staff(d.author_id) },
      file: { storedFileId: d.stored_file_id, fileName: d.file_name },
    });
  }

  for (const a of await q.assessmentsOf(tx, profileId)) {
    const at = a.completed_at ?? a.created_at;
    add({
      kind: 'assessment', organisationId: a.author_organisation_id, sourceId: a.id, title: titleOf('assessment', at), occurredAt: at,
      fields: {
        Assessment: a.template_name, Status: a.status, Score: a.adjusted_score !== null ? String(a.adjusted_score) : a.score !== null ? String(a.score) : 'Not scored',
        'Completed by': staff(a.author_id), Answers: answersText(a.answers, a.definition),
      },
    });
  }

  for (const t of await q.tasksOf(tx, profileId)) {
    add({
      kind: 'task', organisationId: t.set_by_organisation_id, sourceId: t.id, title: titleOf('task', t.created_at), occurredAt: t.created_at,
      fields: {
        Task: t.title, Details: orNot(t.description), Due: dateWords(t.due_on), Status: t.status, 'Set by': staff(t.set_by), Result: orNot(t.result),
        Progress: t.updates.map((u) => `${timeWords(u.created_at)}, ${staff(u.author_id)}: ${u.kind}${u.note ? ` – ${u.note}` : ''}`).join('\n') || 'None',
      },
    });
  }

  for (const r of await q.remindersOf(tx, profileId)) {
    add({
      kind: 'reminder', organisationId: r.created_by_organisation_id, sourceId: r.id, title: titleOf('reminder', r.due_at), occurredAt: r.due_at,
      fields: { Reminder: r.title, Notes: orNot(r.notes), Due: timeWords(r.due_at), 'Set by': staff(r.created_by) },
    });
  }

  for (const c of await q.contactsOf(tx, profileId)) {
    add({
      kind: 'contact', organisationId: c.recorded_by_organisation_id, sourceId: c.id, title: titleOf('contact', c.at), occurredAt: c.at,
      fields: { When: timeWords(c.at), How: orNot(c.channel), Reached: c.reached ? 'Yes' : 'No', Note: orNot(c.note), 'Recorded by': staff(c.recorded_by) },
    });
  }

  const plan = await q.safetyPlanOf(tx, profileId);
  if (plan) {
    add({
      kind: 'safety_plan', organisationId: person.owner_organisation_id, sourceId: person.id, title: titleOf('safety_plan', plan.updated_at), occurredAt: plan.updated_at,
      fields: {
        Steps: plan.steps.map((s, i) => `${i + 1}. ${s}`).join('\n') || 'None',
        'Safe contacts': plan.safe_contacts.map((c) => `${c.name}, ${c.phone}${c.note ? ` (${c.note})` : ''}`).join('\n') || 'None',
        'Emergency contacts': plan.emergency_contacts.map((c) => `${c.name}, ${c.phone}`).join('\n') || 'None',
      },
    });
  }

  for (const a of await q.appointmentsOf(tx, profileId)) {
    add({
      kind: 'appointment', organisationId: a.organisation_id, sourceId: a.id, title: titleOf('appointment', a.starts_at), occurredAt: a.starts_at,
      fields: { When: timeWords(a.starts_at), Where: a.place, With: a.with_whom, Details: orNot(a.details), Status: a.status },
    });
  }

  for (const m of await q.messagesOf(tx, profileId)) {
    add({
      kind: 'message', organisationId: m.organisation_id, sourceId: m.id, title: titleOf('message', m.sent_at), occurredAt: m.sent_at,
      fields: { Sent: timeWords(m.sent_at), From: m.sender === 'client' ? 'You' : staff(m.author_id), Message: open(keyRing, m.sealed_body) },
    });
  }

  for (const a of await q.attachmentsOf(tx, profileId)) {
    add({
      kind: 'message', organisationId: a.organisation_id, sourceId: a.id, title: titleOf('message', a.created_at), occurredAt: a.created_at,
      fields: { Sent: timeWords(a.created_at), Attachment: a.name },
      file: { storedFileId: a.stored_file_id, fileName: a.name },
    });
  }

  for (const b of await q.lawfulBasesOf(tx, profileId)) {
    add({
      kind: 'lawful_basis', organisationId: b.organisation_id, sourceId: b.id, title: titleOf('lawful_basis', b.recorded_at), occurredAt: b.recorded_at,
      fields: {
        Basis: lawfulBasisLabels[b.basis as LawfulBasis] ?? b.basis, Recorded: timeWords(b.recorded_at), 'Review on': dateWords(b.review_on),
        Ended: b.ended_at ? `${timeWords(b.ended_at)}${b.end_reason ? ` (${b.end_reason})` : ''}` : 'Current',
      },
    });
  }

  for (const e of await q.emergencyAccessesOf(tx, profileId)) {
    add({
      kind: 'emergency_access', organisationId: e.owner_organisation_id, sourceId: e.id, title: titleOf('emergency_access', e.granted_at), occurredAt: e.granted_at,
      fields: { When: timeWords(e.granted_at), Who: staff(e.user_id), Reason: e.reason },
    });
  }

  for (const h of await q.cardholdersOf(tx, profileId)) {
    const contacts = (list: { name: string; phone: string }[]) => list.map((x) => `${x.name}, ${x.phone}`).join('\n') || 'None';
    add({
      kind: 'cardholder', organisationId: h.organisation_id, sourceId: h.id, title: titleOf('cardholder', h.joined_on), occurredAt: h.created_at,
      fields: {
        Status: h.status, 'Card number': h.card_number ? printedCardNumber(h.card_number) : 'None', Joined: dateWords(h.joined_on),
        'Review due': dateWords(h.review_due_on), Left: h.left_on ? dateWords(h.left_on) : 'On the register', Condition: h.condition,
        'How to communicate': h.communication, Medication: orNot(h.medication_notes), Carers: contacts(h.carers),
        'Emergency contacts': contacts(h.emergency_contacts), 'Uses the police disability contact line': h.uses_disability_contact_line ? 'Yes' : 'No',
        'Times looked up by the emergency services': String(h.lookups),
      },
    });
  }

  // What a referrer said about the person is theirs to see; who referred them is a third party.
  const referrers: { firstName: string; lastName: string }[] = [];
  for (const r of await q.referralsOf(tx, profileId)) {
    const said = openJson<{ referrer: { name: string }; answers: Record<string, unknown>; concern: string | null }>(keyRing, r.sealed_submission);
    referrers.push(splitName(said.referrer.name));
    add({
      kind: 'referral', organisationId: r.organisation_id, sourceId: r.id, title: titleOf('referral', r.received_at), occurredAt: r.received_at,
      fields: {
        Reference: r.reference, Received: timeWords(r.received_at), 'Sent to': r.team_name, Status: r.status, 'Referred by': 'Someone who referred you',
        Concern: orNot(said.concern), Answers: r.definition ? answersText(said.answers, r.definition) : 'None',
      },
    });
  }

  for (const h of await q.historyOf(tx, profileId)) {
    add({
      kind: 'history', organisationId: h.organisation_id ?? person.owner_organisation_id, sourceId: h.id, title: titleOf('history', h.at), occurredAt: h.at,
      fields: {
        When: timeWords(h.at), Who: h.actor_kind === 'user' ? staff(h.actor_id) : 'Concord or another system',
        Changes: Object.entries(h.changes).map(([field, change]) => `${fieldWords(field)}: ${valueWords(change.before)} → ${valueWords(change.after)}`).join('\n'),
      },
    });
  }

  const views = await listViewers(tx, profileId, { what: 'views', before: null, limit: viewerLimit });
  const log = {
    title: 'Who viewed your record',
    columns: ['When', 'Organisation', 'Who', 'What'],
    rows: views.map((v) => [timeWords(v.at), v.organisation_name, v.actor_kind === 'user' ? staff(v.actor_id) : `A system of ${v.organisation_name}`, v.action]),
  };
  add({
    kind: 'viewers', organisationId: options.handlingOrganisationId, sourceId: null, title: sarItemKindLabels.viewers, occurredAt: null,
    fields: { Log: tableCsv(log, protectiveMarking) },
  });

  // Authors named, or their organisation only when outside the handling organisation.
  const named = new Map((await q.staffNamed(tx, [...authors])).map((s) => [s.id, s]));
  const hiddenStaff = [...named.values()].filter((s) => options.redactOtherAgencyStaff && s.organisation_id !== options.handlingOrganisationId);
  const staffWords = (id: string) => {
    const s = named.get(id);
    if (!s) return 'A member of staff';
    return options.redactOtherAgencyStaff && s.organisation_id !== options.handlingOrganisationId ? `A member of staff of ${s.organisation_name}` : s.name;
  };
  const keep = ownNames.flatMap((n) => [n.first_name, n.last_name, `${n.first_name} ${n.last_name}`]);
  const thirdParty = nameForms([...thirdPartyNames.map((n) => ({ firstName: n.first_name, lastName: n.last_name })), ...referrers], keep);
  const otherStaff = nameForms(hiddenStaff.map((s) => splitName(s.name)), keep);

  const order = (kind: SarItemKind) => sarItemKinds.indexOf(kind);
  const sorted = items
    .map((item) => ({ ...item, fields: Object.fromEntries(Object.entries(item.fields).map(([k, v]) => [k, v.replace(/\uE000([0-9a-f-]+)\uE001/g, (_, id: string) => staffWords(id))])) }))
    .sort((a, b) => order(a.kind) - order(b.kind) || (a.occurredAt?.getTime() ?? 0) - (b.occurredAt?.getTime() ?? 0));
  return sorted.map((item) => ({ ...item, redactions: automaticRedactions(item.fields, thirdParty, otherStaff) }));
}

/** A changed field's name as the profile form says it, else as words: `keyInformation` → "Key information". */
const fieldWords = (field: string) => (profileLabels as Record<string, string>)[field]
  ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, (x) => x.toUpperCase());

function valueWords(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (Array.isArray(value)) return value.map(valueWords).join(', ') || '(none)';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function addressWords(a: q.AddressRow): string {
  const when = [a.from_date && `from ${dateWords(a.from_date)}`, a.to_date && `to ${dateWords(a.to_date)}`].filter(Boolean).join(' ');
  return [a.address_line1, a.address_line2, a.town, a.postcode].filter(Boolean).join(', ') + (when ? ` (${when})` : '');
}

function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/);
  return { firstName: parts.slice(0, -1).join(' ') || name, lastName: parts.at(-1) ?? '' };
}

/** Every whole-word occurrence of a third party's or a hidden member of staff's name, per field. */
function automaticRedactions(fields: Record<string, string>, ...nameLists: string[][]): CollectedItem['redactions'] {
  const spans: CollectedItem['redactions'] = [];
  for (const [field, text] of Object.entries(fields)) {
    for (const names of nameLists) {
      for (const name of names) {
        for (const span of findOccurrences(text, name, true)) spans.push({ ...span, field, exemption: 'third-party' });
      }
    }
  }
  return spans;
}

/** An assessment's answers as lines "question: answer" in the form's order, options by their labels, for the person to read. */
function answersText(answers: Record<string, unknown>, definition: q.AssessmentRow['definition']): string {
  const questions = definition.sections.flatMap((s) => s.questions);
  const known = new Set(questions.map((x) => x.key));
  const words = (value: unknown, options: { value: string; label: string }[] = []) =>
    typeof value === 'string' ? options.find((o) => o.value === value)?.label ?? value
    : Array.isArray(value) ? value.map((v) => options.find((o) => o.value === v)?.label ?? String(v)).join(', ')
    : JSON.stringify(value);
  const lines = [
    ...questions.filter((x) => x.key in answers).map((x) => `${x.text}: ${words(answers[x.key], x.options)}`),
    ...Object.entries(answers).filter(([key]) => !known.has(key)).map(([key, value]) => `${key}: ${words(value)}`),
  ];
  return lines.join('\n') || 'No answers';
}
