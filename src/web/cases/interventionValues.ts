import { interventionLabels } from '../../shared/labels/cases.ts';
import { interventionStatusLabels, type InterventionStatus } from '../../shared/records.ts';
import type { Intervention } from '../../shared/api/cases.ts';
import type { ComparedField } from '../components/changes.ts';

export { interventionLabels };

export interface InterventionFormValues {
  interventionType: string | null;
  status: InterventionStatus;
  startDate: string;
  endDate: string;
  outcome: string;
  notes: string;
}

export const emptyIntervention: InterventionFormValues = {
  interventionType: null,
  status: 'proposed',
  startDate: '',
  endDate: '',
  outcome: '',
  notes: '',
};

export function interventionValues(i: Intervention): InterventionFormValues {
  return {
    interventionType: i.interventionType.id,
    status: i.status,
    startDate: i.startDate ?? '',
    endDate: i.endDate ?? '',
    outcome: i.outcome ?? '',
    notes: i.notes ?? '',
  };
}

const blankToNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function interventionInput(v: InterventionFormValues): Record<string, unknown> {
  return {
    interventionType: v.interventionType ?? '',
    status: v.status,
    startDate: blankToNull(v.startDate),
    endDate: blankToNull(v.endDate),
    outcome: blankToNull(v.outcome),
    notes: blankToNull(v.notes),
  };
}

/** The comparison after a conflict names the type instead of showing its id. */
export const comparedInterventionFields = (typeName: (id: string | null) => string): ComparedField<InterventionFormValues>[] => [
  { key: 'interventionType', label: interventionLabels.interventionType, show: (id) => typeName(id as string | null) },
  { key: 'status', label: interventionLabels.status, show: (s) => interventionStatusLabels[s as InterventionStatus] },
  { key: 'startDate', label: interventionLabels.startDate },
  { key: 'endDate', label: interventionLabels.endDate },
  { key: 'outcome', label: interventionLabels.outcome },
  { key: 'notes', label: interventionLabels.notes },
];
