import type { Paragraph, TextRun } from 'docx';
import type { Block, StarterLetter } from './letter.ts';
import { withFixedTimes } from './zip-times.ts';

/** The text cut where [placeholders] start and end; a placeholder may hold another, as in "[go to [place]]". */
export function placeholderParts(text: string): { text: string; placeholder: boolean }[] {
  const parts: { text: string; placeholder: boolean }[] = [];
  const cut = (from: number, to: number, placeholder: boolean) => {
    if (to > from) parts.push({ text: text.slice(from, to), placeholder });
  };
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '[' && depth++ === 0) {
      cut(start, i, false);
      start = i;
    } else if (text[i] === ']' && depth > 0 && --depth === 0) {
      cut(start, i + 1, true);
      start = i + 1;
    }
  }
  cut(start, text.length, depth > 0);
  return parts;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Word's document properties without the times the writer would stamp on them, so the bytes stay the same. */
const coreProperties = (letter: StarterLetter) => '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
  + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
  + `<dc:title>${xmlText(letter.title)}</dc:title><dc:description>${xmlText(letter.description)}</dc:description><dc:creator>Concord</dc:creator>`
  + '</cp:coreProperties>';

/**
 * The letter as a Word document: A4, Arial, British English for the spelling checker, page
 * numbers in the footer, and every placeholder highlighted so none is sent unfilled. Loaded only
 * when a letter is built, which most processes never do.
 */
export async function toDocx(letter: StarterLetter): Promise<Buffer> {
  const d = await import('docx');
  const runs = (text: string, style: { bold?: boolean; italics?: boolean } = {}): TextRun[] =>
    placeholderParts(text).map((p) => new d.TextRun({ text: p.text, ...style, ...(p.placeholder ? { highlight: d.HighlightColor.YELLOW } : {}) }));
  const writeOn = { type: d.TabStopType.RIGHT, position: d.TabStopPosition.MAX, leader: d.LeaderType.UNDERSCORE };

  const render = (block: Block): Paragraph[] => {
    if (typeof block === 'string') return [new d.Paragraph({ children: runs(block) })];
    if ('heading' in block) return [new d.Paragraph({ heading: d.HeadingLevel.HEADING_2, children: runs(block.heading) })];
    if ('lines' in block) {
      return block.lines.map((line, i) => new d.Paragraph({
        keepNext: i < block.lines.length - 1,
        spacing: i < block.lines.length - 1 ? { after: 0 } : undefined,
        children: runs(line),
      }));
    }
    if ('list' in block) return block.list.map((item) => new d.Paragraph({ bullet: { level: 0 }, children: runs(item) }));
    if ('choices' in block) {
      return block.choices.map((choice) => new d.Paragraph({
        indent: { left: 360, hanging: 360 },
        children: [new d.TextRun({ text: '☐', font: 'Segoe UI Symbol' }), new d.TextRun({ children: [new d.Tab()] }), ...runs(choice)],
      }));
    }
    if ('sign' in block) {
      return block.sign.map((label) => new d.Paragraph({
        tabStops: [writeOn],
        spacing: { before: 240 },
        children: [...runs(label ? `${label} ` : ''), new d.TextRun({ children: [new d.Tab()] })],
      }));
    }
    return [new d.Paragraph({
      shading: { type: d.ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
      border: { left: { style: d.BorderStyle.SINGLE, size: 18, color: '808080', space: 8 } },
      children: [new d.TextRun({ text: 'Note for the sender (delete before sending): ', bold: true, italics: true }), ...runs(block.note, { italics: true })],
    })];
  };

  const document = new d.Document({
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 24, language: { value: 'en-GB' } }, paragraph: { spacing: { after: 160 } } },
        heading1: { run: { font: 'Arial', size: 32, bold: true, color: '000000' }, paragraph: { spacing: { after: 240 }, keepNext: true } },
        heading2: { run: { font: 'Arial', size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
      },
    },
    sections: [{
      footers: {
        default: new d.Footer({
          children: [new d.Paragraph({ alignment: d.AlignmentType.RIGHT, children: [new d.TextRun({ size: 18, children: ['Page ', d.PageNumber.CURRENT, ' of ', d.PageNumber.TOTAL_PAGES] })] })],
        }),
      },
      children: [new d.Paragraph({ heading: d.HeadingLevel.HEADING_1, children: runs(letter.heading) }), ...letter.body.flatMap(render)],
    }],
  });
  return withFixedTimes(await d.Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: coreProperties(letter) }]));
}
