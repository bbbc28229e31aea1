/** Whose records a list shows; the same words for cases and locations. */
export const scopeOptions = [
  { value: 'all', label: 'All I can see' },
  { value: 'mine', label: 'Held by my team' },
  { value: 'shared', label: 'Shared with my team' },
];
