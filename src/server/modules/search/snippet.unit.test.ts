import { describe, expect, it } from 'vitest';
import { headlineOptions, matchStart as S, matchStop as E, snippetParts } from './snippet.ts';

describe('a report snippet', () => {
  it('marks the words that matched, keeping the text around them', () => {
    expect(snippetParts(`the neighbour ${S}shouted${E} at the children, ${S}shouting${E} again`)).toEqual([
      { text: 'the neighbour ', match: false },
      { text: 'shouted', match: true },
      { text: ' at the children, ', match: false },
      { text: 'shouting', match: true },
      { text: ' again', match: false },
    ]);
  });

  it('starts and ends with a match, and keeps the fragments\' ellipsis as text', () => {
    expect(snippetParts(`${S}Noise${E} all night … loud ${S}noise${E}`)).toEqual([
      { text: 'Noise', match: true },
      { text: ' all night … loud ', match: false },
      { text: 'noise', match: true },
    ]);
  });

  it('is one plain run when nothing is marked, and nothing when empty', () => {
    expect(snippetParts('No words matched here')).toEqual([{ text: 'No words matched here', match: false }]);
    expect(snippetParts('')).toEqual([]);
  });

  it('joins marked words with nothing between them, and runs an unclosed mark to the end', () => {
    expect(snippetParts(`${S}fly${E}${S}tipping${E} seen`)).toEqual([{ text: 'flytipping', match: true }, { text: ' seen', match: false }]);
    expect(snippetParts(`seen ${S}tipping`)).toEqual([{ text: 'seen ', match: false }, { text: 'tipping', match: true }]);
  });

  it('drops a stray closing mark and never passes markup through as anything but text', () => {
    expect(snippetParts(`a${E}b <b>${S}bold${E}</b>`)).toEqual([
      { text: 'ab <b>', match: false },
      { text: 'bold', match: true },
      { text: '</b>', match: false },
    ]);
  });

  it('asks the database for at most two short fragments marked with the same characters', () => {
    expect(headlineOptions).toContain(`StartSel=${S}`);
    expect(headlineOptions).toContain(`StopSel=${E}`);
    expect(headlineOptions).toContain('MaxFragments=2');
  });
});
