/**
 * The vocabularies of working together on a record: reports, tasks, actions, documents and
 * notifications. The same words in the database, the API and the screen.
 */

/**
 * Who may read a report or document: everyone who can see the record, the author's team, or the
 * author alone. Everyone who can see the record still sees that it exists, by whom and when.
 */
export const visibilities = ['shared', 'team', 'private'] as const;
export type Visibility = (typeof visibilities)[number];
export const visibilityLabels: Record<Visibility, string> = {
  shared: 'Everyone who can see the record',
  team: 'My team only',
  private: 'Only me',
};

export const taskPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof taskPriorities)[number];
export const taskPriorityLabels: Record<TaskPriority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };

/** `open` is set but not yet taken on; a declined task goes back to its tasker to reassign or cancel. */
export const taskStatuses = ['open', 'accepted', 'declined', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
export const taskStatusLabels: Record<TaskStatus, string> = {
  open: 'Waiting to be accepted',
  accepted: 'In progress',
  declined: 'Declined',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** Each step in a task's life, kept as its progress log and shown on the record's timeline. */
export const taskUpdateKinds = ['set', 'accepted', 'declined', 'progress', 'completed', 'reassigned', 'cancelled', 'changed'] as const;
export type TaskUpdateKind = (typeof taskUpdateKinds)[number];

export const notificationKinds = [
  'task_assigned',
  'task_accepted',
  'task_declined',
  'task_updated',
  'task_completed',
  'task_overdue',
  'action_due',
  'record_changed',
  'access_requested',
  'access_decided',
  'adjustment_requested',
  'adjustment_decided',
  'panel_referral',
  'contact_overdue',
  'community_trigger',
  'referral_received',
  'referral_overdue',
  'referral_assigned',
  'client_message',
  'client_request',
  'emergency_access',
  'emergency_access_reviewed',
  'review_due',
  'scheme_review_due',
  'subject_access_review',
  'subject_access_due',
  'subject_access_ready',
  'scheme_lookup',
  'scheme_card_expired',
  'retention_due',
  'webhook_disabled',
  'suggestion_updated',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * Emailed at once whatever the person chose: a reminder they set (a digest would be too late), and
 * someone breaking the glass on a record their team holds (the administrators must know now).
 */
export const alwaysEmailedKinds: readonly NotificationKind[] = ['action_due', 'emergency_access'];

/**
 * How a person wants notifications by email; in the app they always appear. A reminder they set
 * (an action falling due) is emailed at its time whatever this says: a digest would be too late.
 */
export const notificationEmailModes = ['immediate', 'daily_digest'] as const;
export type NotificationEmailMode = (typeof notificationEmailModes)[number];
export const notificationEmailModeLabels: Record<NotificationEmailMode, string> = {
  immediate: 'Straight away',
  daily_digest: 'A daily digest',
};

/** What a record's timeline combines. */
export const timelineEntryKinds = ['report', 'task', 'action', 'document', 'assessment', 'change', 'contact', 'message'] as const;
export type TimelineEntryKind = (typeof timelineEntryKinds)[number];
