import { describe, expect, it } from 'vitest';
import { hiddenText, missingShareText, percentText, recordsText } from './labels.ts';

const organisation = { id: '00000000-0000-4000-8000-000000000001', name: 'Demo Housing Association' };
const team = { id: '00000000-0000-4000-8000-000000000002', name: 'Tenancy team' };

describe('compliance words', () => {
  it('gives a percentage to one decimal place, and a dash when there is nobody to count', () => {
    expect(percentText(1, 8)).toBe('12.5%');
    expect(percentText(2, 3)).toBe('66.7%');
    expect(percentText(0, 5)).toBe('0.0%');
    expect(percentText(0, 0)).toBe('—');
  });

  it('counts records in the singular and plural', () => {
    expect(recordsText(1)).toBe('1 record');
    expect(recordsText(0)).toBe('0 records');
  });

  it('names a missing share as the sharing panel does, with what is held now', () => {
    expect(missingShareText({ team, organisation, level: 'edit', holds: 'view' })).toBe('Tenancy team (Demo Housing Association): can view and edit (holds view)');
    expect(missingShareText({ team: null, organisation, level: 'view', holds: null })).toBe('Everyone in Demo Housing Association: can view');
  });

  it('says how many failing people the reader cannot open, and nothing when there are none', () => {
    expect(hiddenText(0)).toBeNull();
    expect(hiddenText(1)).toMatch(/^1 more person you cannot open fails/);
    expect(hiddenText(3)).toMatch(/^3 more people you cannot open fail/);
  });
});
