import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkDocumentContent } from '../../../platform/files/content.ts';
import { placeholderParts, toDocx } from './docx.ts';
import { starterFiles, starterLetters } from './index.ts';
import type { Block } from './letter.ts';
import { zipEntries, zipText } from './zip.fixtures.ts';

const textsOf = (block: Block): string[] => {
  if (typeof block === 'string') return [block];
  if ('heading' in block) return [block.heading];
  if ('note' in block) return [block.note];
  if ('lines' in block) return block.lines;
  if ('list' in block) return block.list;
  if ('choices' in block) return block.choices;
  return block.sign;
};

describe('placeholders', () => {
  it('are cut out whole, with any placeholder inside one', () => {
    expect(placeholderParts('Stop [the behaviour] by [date].')).toEqual([
      { text: 'Stop ', placeholder: false },
      { text: '[the behaviour]', placeholder: true },
      { text: ' by ', placeholder: false },
      { text: '[date]', placeholder: true },
      { text: '.', placeholder: false },
    ]);
    expect(placeholderParts('I will not [go to [place]] after dark')).toEqual([
      { text: 'I will not ', placeholder: false },
      { text: '[go to [place]]', placeholder: true },
      { text: ' after dark', placeholder: false },
    ]);
    expect(placeholderParts('[Name]')).toEqual([{ text: '[Name]', placeholder: true }]);
  });

  it('are closed in every starter letter, so none runs on to the end of its paragraph', () => {
    for (const letter of starterLetters) {
      for (const text of [letter.heading, ...letter.body.flatMap(textsOf)]) {
        const depth = [...text].reduce((d, c) => (d < 0 ? d : c === '[' ? d + 1 : c === ']' ? d - 1 : d), 0);
        expect({ letter: letter.key, text, depth }).toEqual({ letter: letter.key, text, depth: 0 });
      }
    }
  });
});

describe('the starter letters', () => {
  afterEach(() => vi.useRealTimers());

  it('each have their own key, title and file name', () => {
    for (const field of ['key', 'title', 'fileName'] as const) {
      expect(new Set(starterLetters.map((l) => l[field])).size).toBe(starterLetters.length);
    }
  });

  it('are Word documents that uploads would accept as such, with their heading and highlighted placeholders', async () => {
    for (const { letter, bytes } of await starterFiles()) {
      expect(await checkDocumentContent(bytes, letter.fileName)).toMatchObject({
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        fileName: letter.fileName,
      });
      const body = zipText(bytes, 'word/document.xml');
      expect(body).toContain(`>${letter.heading}</w:t>`);
      expect(body).toContain('<w:highlight w:val="yellow"/>');
      expect(zipText(bytes, 'word/styles.xml')).toContain('w:val="en-GB"');
      expect(zipText(bytes, 'docProps/core.xml')).toContain(`<dc:title>${letter.title}</dc:title>`);
    }
  });

  it('come out byte for byte the same each time, whenever they are built, so a recorded hash still names them', async () => {
    const [first] = starterLetters;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T09:00:00Z'));
    const once = await toDocx(first!);
    vi.setSystemTime(new Date('2031-07-15T17:45:31Z'));
    expect((await toDocx(first!)).equals(once)).toBe(true);
    expect(zipEntries(once).every((e) => e.dosTime === 0 && e.dosDate === 33)).toBe(true);
    const files = await starterFiles();
    expect(files.map((f) => f.storageKey)).toEqual(starterLetters.map((l, i) => `starter-letters/${l.key}-${files[i]!.sha256.slice(0, 16)}`));
  });
});
