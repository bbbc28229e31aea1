import { describe, expect, it } from 'vitest';
import { postcodeSearchOf, postcodeUpperBound } from './postcode.ts';

describe('a postcode typed into a search', () => {
  it('is matched whole without its space, however it was typed', () => {
    expect(postcodeSearchOf('ng1 5ab')).toEqual({ compact: 'NG15AB', complete: true });
    expect(postcodeSearchOf('NG15AB')).toEqual({ compact: 'NG15AB', complete: true });
  });

  it('is matched by its start once it has an area and a district digit', () => {
    expect(postcodeSearchOf('ng1')).toEqual({ compact: 'NG1', complete: false });
    expect(postcodeSearchOf('NG1 5')).toEqual({ compact: 'NG15', complete: false });
    expect(postcodeSearchOf('ng')).toBeNull();
    expect(postcodeSearchOf('smith')).toBeNull();
    expect(postcodeSearchOf('12 acacia avenue')).toBeNull();
  });

  it('bounds the range above every postcode that starts so', () => {
    expect(['NG15AB', 'NG15ZZ', 'NG159ZZ'].every((p) => p >= 'NG15' && p <= postcodeUpperBound('NG15'))).toBe(true);
    expect('NG16AA' <= postcodeUpperBound('NG15')).toBe(false);
  });
});
