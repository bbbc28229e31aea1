import { describe, expect, it } from 'vitest';
import { keepTypedSince } from './AssessmentDraftState.ts';

describe('keepTypedSince', () => {
  it('takes the saved answers when nothing was changed while the save was on its way', () => {
    const sent = { a: 'yes', b: 2 };
    expect(keepTypedSince(sent, { ...sent }, { a: 'yes', b: 2, c: 'no' })).toEqual({ a: 'yes', b: 2, c: 'no' });
  });

  it('keeps an answer changed or given meanwhile, so the next save sends it', () => {
    const sent = { a: 'yes', b: 2 };
    expect(keepTypedSince(sent, { a: 'no', b: 2, d: 'new' }, { a: 'yes', b: 2 })).toEqual({ a: 'no', b: 2, d: 'new' });
  });

  it('drops an answer the save cleared, and keeps one cleared meanwhile as cleared', () => {
    expect(keepTypedSince({ a: null, b: 1 }, { a: null, b: 1 }, { b: 1 })).toEqual({ b: 1 });
    expect(keepTypedSince({ a: 'yes' }, { a: null }, { a: 'yes' })).toEqual({ a: null });
  });

  it('takes the saved form of an answer sent unchanged', () => {
    expect(keepTypedSince({ a: ['x', 'y'] }, { a: ['x', 'y'] }, { a: ['y', 'x'] })).toEqual({ a: ['y', 'x'] });
  });
});
