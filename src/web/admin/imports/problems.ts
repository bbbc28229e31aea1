import { isApiError } from '../../api/errors.ts';
import { fieldTitle } from './columns.ts';

interface Problem {
  field: string;
  problem: string;
  row?: number;
}

const isProblem = (d: unknown): d is Problem => typeof d === 'object' && d !== null && 'field' in d && 'problem' in d;

/**
 * The problems of a refused import as sentences: the file's own ("The file needs a "last name"
 * column") or a row's ("Row 3: Date of birth: must not be in the future").
 */
export function problemsOf(error: unknown): string[] {
  if (!isApiError(error, 'validation_failed')) return [];
  return error.details.filter(isProblem).map((p) => {
    if (p.row === undefined) return p.field === 'csv' ? `The file ${p.problem}` : `${fieldTitle(p.field)}: ${p.problem}`;
    return p.field === 'csv' ? `Row ${p.row} ${p.problem}` : `Row ${p.row}: ${fieldTitle(p.field)}: ${p.problem}`;
  });
}
