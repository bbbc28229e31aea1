import { zipSync, type ZippableFile } from 'fflate';
import { neitherConfirmNorDeny, sarItemKindLabels, type Exemption, type SarItemDecision, type SarItemKind } from '../../../../shared/subject-access.ts';
import { protectiveMarking } from '../../../../shared/insights.ts';
import { renderIndex } from './index-pdf.ts';
import { applyRedactions, mergeSpans, type MarkedSpan } from './redact.ts';

/**
 * The ZIP the person receives (fflate): `index.pdf`, each text item as `records/NNN-<kind>-<date>.txt`
 * with its redactions marked, each included document's file (or its redacted replacement) under
 * `documents/`, `who-viewed.csv` and `data/profile.json` for portability. Every entry has the same
 * fixed time, so building it again gives the same bytes. Built in memory: file storage hands over
 * whole buffers (F10).
 */

export interface PackageRequest {
  reference: string;
  profileTitle: string;
  partnershipName: string;
  organisationName: string;
  receivedOn: string;
  dueOn: string;
  extended: boolean;
  extensionReason: string | null;
  pausedDays: number;
  generatedAt: Date;
}

export interface SourceItem {
  kind: SarItemKind;
  title: string;
  occurredAt: Date | null;
  organisationName: string;
  fields: Record<string, string>;
  decision: SarItemDecision;
  exemption: Exemption | null;
  redactions: (MarkedSpan & { field: string })[];
  /** An included document's bytes (the replacement when a reviewer uploaded one). */
  file: { name: string; bytes: Buffer } | null;
}

export interface PackagedItem extends SourceItem {
  /** Its number in the index and in its file names. */
  number: number;
  paths: string[];
  redactionCounts: { field: string; exemption: Exemption; count: number }[];
}

const fixedTime = new Date('2000-01-01T00:00:00Z');
const stored = /\.(pdf|jpe?g|png|gif|webp|tiff?|docx|xlsx|zip)$/i;

const pad = (n: number) => String(n).padStart(3, '0');
const safeName = (name: string) => name.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'file';
const dayOf = (at: Date | null) => (at ? at.toISOString().slice(0, 10) : 'undated');

/** An item's fields with their redactions applied, as the person reads them. */
export function redactedFields(item: Pick<SourceItem, 'fields' | 'redactions'>): Record<string, string> {
  return Object.fromEntries(Object.entries(item.fields).map(([name, text]) => [name, applyRedactions(text, item.redactions.filter((r) => r.field === name))]));
}

function recordText(item: PackagedItem, fields: Record<string, string>): string {
  const lines = [protectiveMarking, '', `${item.number}. ${item.title}`, `${sarItemKindLabels[item.kind]} from ${item.organisationName}`, ''];
  for (const [name, text] of Object.entries(fields)) lines.push(text.includes('\n') ? `${name}:\n${text}\n` : `${name}: ${text}`);
  return `${lines.join('\n')}\n`;
}

function counts(item: SourceItem): PackagedItem['redactionCounts'] {
  const byKey = new Map<string, { field: string; exemption: Exemption; count: number }>();
  for (const field of new Set(item.redactions.map((r) => r.field))) {
    for (const span of mergeSpans(item.redactions.filter((r) => r.field === field))) {
      const key = `${field}\u0000${span.exemption}`;
      const entry = byKey.get(key) ?? { field, exemption: span.exemption, count: 0 };
      entry.count++;
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()];
}

export async function buildPackage(request: PackageRequest, source: SourceItem[]): Promise<{ zip: Buffer; files: number }> {
  const entries: Record<string, ZippableFile> = {};
  const text = (s: string): ZippableFile => [new TextEncoder().encode(s), { level: 6 }];
  const items: PackagedItem[] = [];
  let number = 0;
  for (const item of source) {
    // Withheld under neither confirm nor deny: not numbered either, so no gap gives it away.
    if (item.decision === 'withhold' && item.exemption && neitherConfirmNorDeny.includes(item.exemption)) continue;
    const packaged: PackagedItem = { ...item, number: ++number, paths: [], redactionCounts: counts(item) };
    if (item.decision === 'include') {
      const fields = redactedFields(item);
      if (item.kind === 'viewers') {
        packaged.paths.push('who-viewed.csv');
        entries['who-viewed.csv'] = text(fields.Log ?? '');
      } else {
        const path = `records/${pad(packaged.number)}-${item.kind.replace('_', '-')}-${dayOf(item.occurredAt)}.txt`;
        packaged.paths.push(path);
        entries[path] = text(recordText(packaged, fields));
        if (item.kind === 'profile') entries['data/profile.json'] = text(`${JSON.stringify(fields, null, 2)}\n`);
      }
      if (item.file) {
        const path = `documents/${pad(packaged.number)}-${safeName(item.file.name)}`;
        packaged.paths.push(path);
        entries[path] = [new Uint8Array(item.file.bytes), { level: stored.test(item.file.name) ? 0 : 6 }];
      }
    }
    items.push(packaged);
  }
  entries['index.pdf'] = [new Uint8Array(await renderIndex(request, items)), { level: 0 }];
  const zip = zipSync(entries, { mtime: fixedTime });
  return { zip: Buffer.from(zip), files: Object.keys(entries).length };
}
