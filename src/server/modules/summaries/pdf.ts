import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { protectiveMarking } from '../../../shared/insights.ts';
import { timeWords, type SummaryDocument, type SummaryLine } from './document.ts';

/**
 * The layout of a PDF summary: A4, the partnership and the protective marking at the head of
 * every page, the marking, page number and who made it at the foot. DejaVu Sans is embedded
 * (pdfkit keeps only the glyphs used), since the standard PDF fonts have no Ł, ő or ş and names
 * hold them.
 */

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | null = null;

export function loadFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

const margins = { top: 76, bottom: 76, left: 56, right: 56 };
const ink = '#0b0c0c';
const quiet = '#505a5f';
const size = { title: 18, subject: 13, heading: 13, body: 10, small: 8.5 };
const labelWidth = 150;
const gap = 10;

type Doc = PDFKit.PDFDocument;
type Parent = PDFKit.PDFStructureElement;

const contentWidth = (doc: Doc) => doc.page.width - margins.left - margins.right;
const pageCount = (doc: Doc) => doc.bufferedPageRange().count;

/** Starts a new page unless `height` still fits, so a heading or a label is never left alone at the foot. */
function keepRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - margins.bottom) doc.addPage();
}

function fieldRow(doc: Doc, parent: Parent, label: string, value: string) {
  keepRoom(doc, doc.currentLineHeight(true) * 2);
  const top = doc.y;
  const page = pageCount(doc);
  doc.font('bold').fontSize(size.body).fillColor(quiet).text(label, margins.left, top, { width: labelWidth, structParent: parent });
  const labelBottom = doc.y;
  doc.font('regular').fillColor(ink).text(value, margins.left + labelWidth + gap, top, { width: contentWidth(doc) - labelWidth - gap, structParent: parent });
  if (pageCount(doc) === page) doc.y = Math.max(doc.y, labelBottom);
  doc.x = margins.left;
  doc.moveDown(0.35);
}

function entry(doc: Doc, parent: Parent, line: Extract<SummaryLine, { kind: 'entry' }>) {
  const width = contentWidth(doc);
  keepRoom(doc, doc.currentLineHeight(true) * 3);
  doc.font('bold').fontSize(size.body).fillColor(ink).text(line.title, margins.left, doc.y, { width, structParent: parent });
  if (line.byline) doc.font('regular').fontSize(size.small).fillColor(quiet).text(line.byline, { width, structParent: parent });
  if (line.body) doc.font('regular').fontSize(size.body).fillColor(ink).text(line.body, { width, structParent: parent });
  doc.moveDown(0.6);
}

function drawLine(doc: Doc, parent: Parent, line: SummaryLine) {
  switch (line.kind) {
    case 'field':
      return fieldRow(doc, parent, line.label, line.value);
    case 'entry':
      return entry(doc, parent, line);
    case 'note':
      doc.font('regular').fontSize(size.body).fillColor(quiet).text(line.text, margins.left, doc.y, { width: contentWidth(doc), structParent: parent });
      doc.moveDown(0.35);
  }
}

/** Head and foot of every page, drawn once the page count is known; marked as artefacts so a screen reader skips them. */
function pageFurniture(doc: Doc, summary: SummaryDocument) {
  const { start, count } = doc.bufferedPageRange();
  const generated = `Generated ${timeWords(summary.generatedAt)} by ${summary.generatedBy}`;
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    const width = contentWidth(doc);
    const { height } = doc.page;
    // Drawing below the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font('bold').fontSize(size.small).fillColor(ink).text(protectiveMarking, margins.left, 26, { width, align: 'center', lineBreak: false });
    doc.font('regular').text(summary.partnershipName, margins.left, 40, { width, align: 'center', lineBreak: false });
    doc.moveTo(margins.left, 56).lineTo(margins.left + width, 56).lineWidth(0.5).strokeColor(quiet).stroke();
    doc.moveTo(margins.left, height - 60).lineTo(margins.left + width, height - 60).stroke();
    doc.font('bold').text(protectiveMarking, margins.left, height - 52, { width, align: 'center', lineBreak: false });
    doc.font('regular').fillColor(quiet).text(generated, margins.left, height - 38, { width: width - 90, lineBreak: false });
    doc.text(`Page ${i + 1} of ${count}`, margins.left + width - 90, height - 38, { width: 90, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = margins.bottom;
  }
}

/** The summary as PDF bytes, tagged for screen readers, titled without naming anyone. */
export function renderSummary(summary: SummaryDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    bufferPages: true,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: summary.title, Creator: 'Concord', Producer: 'Concord' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { regular, bold } = loadFonts();
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);

  const root = doc.struct('Document');
  doc.addStructure(root);
  doc.font('bold').fontSize(size.title).fillColor(ink).text(summary.title, { structParent: root, structType: 'H1' });
  doc.font('regular').fontSize(size.subject).text(summary.subject, { structParent: root });
  for (const part of summary.parts) {
    const section = doc.struct('Sect');
    root.add(section);
    doc.moveDown(0.8);
    keepRoom(doc, doc.currentLineHeight(true) * 4);
    doc.font('bold').fontSize(size.heading).fillColor(ink).text(part.heading, margins.left, doc.y, { structParent: section, structType: 'H2' });
    doc.moveDown(0.3);
    for (const line of part.lines) drawLine(doc, section, line);
    section.end();
  }
  root.end();
  pageFurniture(doc, summary);
  doc.end();
  return done;
}
