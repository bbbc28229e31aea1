/** Query keys for reminders: all start with 'actions', which a live `action.changed` refreshes. */
export const actionKeys = {
  list: (state: string) => ['actions', 'list', state] as const,
  one: (id: string) => ['actions', 'one', id] as const,
  recipients: ['actions', 'recipients'] as const,
  popups: ['actions', 'popups'] as const,
};
