import PDFDocument from 'pdfkit';
import { formatDue } from '../tasks/announce.ts';
import { loadFonts } from '../summaries/pdf.ts';
import type { CardToPrint } from './register.ts';

// CR80, the size of a bank card: 85.6 × 54 mm, in points.
const mm = 72 / 25.4;
const width = 85.6 * mm;
const height = 54 * mm;
const margin = 4 * mm;
const ink = '#0b0c0c';
const band = '#1d70b8';

/**
 * The card as a two-page PDF at card size, to print on card stock: the front says whose card it
 * is and whom to call, the back how to help the holder (their condition only if they chose so).
 */
export function renderCard(card: CardToPrint, photo: Buffer | null): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [width, height],
    margin,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: card.schemeName, Creator: 'Concord', Producer: 'Concord' },
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
  // With a photo the words sit to its right, so a responder matches the face to the name at a glance.
  const photoSize = 22 * mm;
  const left = photo ? margin + photoSize + 3 * mm : margin;
  const text = { width: width - left - margin };

  doc.rect(0, 0, width, 9 * mm).fill(band);
  doc.font('bold').fontSize(11).fillColor('#ffffff').text(card.schemeName, margin, 2.5 * mm, { width: width - 2 * margin });
  if (photo) doc.image(photo, margin, 12 * mm, { fit: [photoSize, photoSize] });
  doc.fillColor(ink).font('bold').fontSize(10).text(card.name, left, 12 * mm, text);
  doc.font('regular').fontSize(8).text(`Card number ${card.cardNumber}`, text).text(`Valid until ${formatDue(card.expiresOn)}`, text);
  if (card.firstCarer) {
    doc.moveDown(0.5).font('bold').fontSize(8).text(`In an emergency call ${card.firstCarer.name}`, text)
      .font('regular').text(card.firstCarer.phone, text);
  }

  doc.addPage({ size: [width, height], margin });
  doc.font('bold').fontSize(9).fillColor(ink).text('How to help me', margin, margin, text);
  doc.font('regular').fontSize(7).text(card.communication, { ...text, height: 24 * mm, ellipsis: true });
  if (card.condition) doc.moveDown(0.3).font('bold').text('My condition', text).font('regular').text(card.condition, { ...text, height: 8 * mm, ellipsis: true });
  if (card.usesDisabilityContactLine) doc.moveDown(0.3).font('regular').text('I am registered with the police disability contact line.', text);
  doc.end();
  return done;
}
