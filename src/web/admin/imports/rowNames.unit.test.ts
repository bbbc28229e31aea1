import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { problemsOf } from './problems.ts';
import { rowNames } from './rowNames.ts';

describe('the names on the rows of an import file', () => {
  it('numbers rows as a spreadsheet does, whatever the header spelling and column order', () => {
    const csv = 'Reason created,LAST_NAME,first name\r\nVictim,Ashcroft,Imogen\r\n\r\n"Noise, repeated",Thornbury,Percival\r\n';
    expect([...rowNames(csv)]).toEqual([
      [2, 'Imogen Ashcroft'],
      [4, 'Percival Thornbury'],
    ]);
  });

  it('gives no names for a file that is not CSV', () => {
    expect(rowNames('"unclosed').size).toBe(0);
  });
});

describe('the problems of a refused import', () => {
  it('words the file\'s problems and each row\'s', () => {
    const error = new ApiError(422, 'validation_failed', 'Nothing was imported.', [
      { field: 'csv', problem: 'needs a "last name" column' },
      { row: 4, field: 'dateOfBirth', problem: 'must not be in the future' },
      { row: 5, field: 'csv', problem: 'has 3 values but the header has 4 columns' },
    ]);
    expect(problemsOf(error)).toEqual([
      'The file needs a "last name" column',
      'Row 4: Date of birth: must not be in the future',
      'Row 5 has 3 values but the header has 4 columns',
    ]);
    expect(problemsOf(new ApiError(409, 'conflict', 'Changed.'))).toEqual([]);
  });
});
