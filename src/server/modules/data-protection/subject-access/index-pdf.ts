import { exemptionLabels, exemptionMeanings, neitherConfirmNorDeny, sarItemKindLabels, type Exemption } from '../../../../shared/subject-access.ts';
import { dateWords, field, note, type SummaryDocument, type SummaryLine, type SummaryPart } from '../../summaries/document.ts';
import { renderSummary } from '../../summaries/pdf.ts';
import type { PackagedItem, PackageRequest } from './package.ts';

/**
 * The index of the export, a PDF the person can read: the request and its clock, what is
 * included and where in the ZIP, what was withheld and why, what was redacted and why, and what
 * each exemption used means. Withholdings and redactions under a neither-confirm-nor-deny
 * exemption are not mentioned (D13). Laid out by the summaries' PDF layout; its parts are not
 * summary sections, so each is filed under `details`.
 */
export function renderIndex(request: PackageRequest, items: PackagedItem[]): Promise<Buffer> {
  const shown = (e: Exemption | null) => e !== null && !neitherConfirmNorDeny.includes(e);
  const included = items.filter((i) => i.decision === 'include');
  const withheld = items.filter((i) => i.decision === 'withhold' && shown(i.exemption));
  const redacted = included.flatMap((i) => i.redactionCounts.filter((r) => shown(r.exemption)).map((r) => ({ item: i, ...r })));
  const used = new Set<Exemption>([...withheld.map((i) => i.exemption!), ...redacted.map((r) => r.exemption)]);

  const part = (heading: string, lines: SummaryLine[]): SummaryPart => ({ section: 'details', heading, lines });
  const entry = (title: string, byline: string | null, body: string | null): SummaryLine => ({ kind: 'entry', title, byline, body });
  const document: SummaryDocument = {
    title: 'Subject access request',
    subject: `${request.reference}: ${request.profileTitle}`,
    partnershipName: request.partnershipName,
    generatedAt: request.generatedAt,
    generatedBy: request.organisationName,
    parts: [
      part('The request', [
        field('Reference', request.reference),
        field('Handled by', request.organisationName),
        field('Received', dateWords(request.receivedOn)),
        field('Due', dateWords(request.dueOn)),
        field('Extended', request.extended ? `Yes: ${request.extensionReason ?? 'a complex request'}` : 'No'),
        field('Paused for clarification', request.pausedDays > 0 ? `${request.pausedDays} days` : 'No'),
      ]),
      part('What is included', included.length > 0
        ? included.map((i) => entry(`${i.number}. ${i.title}`, `${sarItemKindLabels[i.kind]} from ${i.organisationName}`, i.paths.join(', ')))
        : [note('Nothing is included.')]),
      part('Withheld', withheld.length > 0
        ? withheld.map((i) => entry(`${i.number}. ${i.title}`, i.organisationName, `Withheld: ${exemptionLabels[i.exemption!]}`))
        : [note('Nothing was withheld.')]),
      part('Redactions', redacted.length > 0
        ? redacted.map((r) => entry(`${r.item.number}. ${r.item.title}`, r.field, `${r.count} ${r.count === 1 ? 'redaction' : 'redactions'}: ${exemptionLabels[r.exemption]}`))
        : [note('Nothing was redacted.')]),
      part('Exemptions explained', used.size > 0
        ? [...used].map((e) => entry(exemptionLabels[e], null, exemptionMeanings[e]))
        : [note('No exemption was used.')]),
    ],
  };
  return renderSummary(document);
}
