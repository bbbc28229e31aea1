export interface ComparedField<V> {
  key: keyof V & string;
  label: string;
  /** How a value reads to a person; defaults to the text of the value. */
  show?: (value: V[keyof V]) => string;
}

function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

export function show<V>(field: ComparedField<V>, value: V[keyof V]): string {
  return field.show ? field.show(value) : showValue(value);
}

/** The fields whose shown value differs between two versions of a record. */
export function changedFields<V>(fields: ComparedField<V>[], before: V, after: V): ComparedField<V>[] {
  return fields.filter((f) => show(f, before[f.key]) !== show(f, after[f.key]));
}
