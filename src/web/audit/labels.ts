import type { AuditEvent } from '../../shared/api/audit.ts';

/** Audit actions in the words of the people reading the trail. */
const actionLabels: Record<string, string> = {
  'auth.signed_in': 'Signed in',
  'auth.sign_in_failed': 'Failed to sign in',
  'auth.signed_out': 'Signed out',
  'auth.authenticator_enrolled': 'Set up authenticator app',
  'auth.password_reset_requested': 'Asked to reset password',
  'auth.password_reset': 'Reset password',
  'auth.invitation_accepted': 'Accepted invitation',
  'auth.password_changed': 'Changed password',
  'access.refused': 'Was refused access',
  'partnership.created': 'Added partnership',
  'partnership.updated': 'Changed partnership',
  'organisation.created': 'Added organisation',
  'organisation.updated': 'Changed organisation',
  'team.created': 'Added team',
  'team.updated': 'Changed team',
  'user.created': 'Added user',
  'user.updated': 'Changed user',
  'user.disabled': 'Disabled user',
  'user.enabled': 'Enabled user',
  'user.invitation_sent': 'Sent invitation',
  'user.authenticator_reset': 'Reset authenticator',
  'api_token.created': 'Created API token',
  'api_token.revoked': 'Revoked API token',
  'audit.viewed': 'Viewed audit trail',
  'audit.verified': 'Checked audit trail',
  'outbox.viewed': 'Viewed outbox',
  'lookup.created': 'Added list value',
  'lookup.updated': 'Changed list value',
  'profile.created': 'Created profile',
  'profile.viewed': 'Opened profile',
  'profile.updated': 'Changed profile',
  'profile.photo_changed': 'Changed photo',
  'profile.photo_viewed': 'Viewed photo',
  'profile.relationship_added': 'Added relationship',
  'profile.relationship_removed': 'Removed relationship',
  'profile.merged': 'Merged profiles',
  'profile.history_viewed': 'Viewed profile history',
  'profiles.listed': 'Listed profiles',
  'profiles.matched': 'Checked for matching profiles',
  'profiles.imported': 'Imported profiles',
  'case.created': 'Created case',
  'case.viewed': 'Opened case',
  'case.updated': 'Changed case',
  'case.closed': 'Closed case',
  'case.reopened': 'Reopened case',
  'case.archived': 'Archived case',
  'case.profile_linked': 'Linked person to case',
  'case.profile_unlinked': 'Unlinked person from case',
  'case.location_linked': 'Linked location to case',
  'case.location_unlinked': 'Unlinked location from case',
  'case.intervention_added': 'Added intervention',
  'case.intervention_updated': 'Changed intervention',
  'case.history_viewed': 'Viewed case history',
  'cases.listed': 'Listed cases',
  'location.created': 'Created location',
  'location.viewed': 'Opened location',
  'location.updated': 'Changed location',
  'location.people_linked': 'Linked people to location by their address',
  'location.history_viewed': 'Viewed location history',
  'locations.listed': 'Listed locations',
  'locations.matched': 'Checked for matching locations',
  'record.shared': 'Shared record',
  'record.unshared': 'Stopped sharing record',
  'record.access_viewed': 'Viewed who has access',
  'access_request.created': 'Requested access',
  'access_request.approved': 'Approved access request',
  'access_request.refused': 'Refused access request',
  'access_request.withdrawn': 'Withdrew access request',
  'search.performed': 'Searched',
  'report.created': 'Wrote report',
  'report.updated': 'Edited report',
  'report.viewed': 'Opened report',
  'timeline.viewed': 'Viewed timeline',
  'document.uploaded': 'Uploaded document',
  'document.version_added': 'Uploaded new version of document',
  'document.updated': 'Changed document details',
  'document.downloaded': 'Downloaded or previewed document',
  'document.viewed': 'Opened document details',
  'documents.listed': 'Listed documents',
  'template.created': 'Added template',
  'template.updated': 'Changed template',
  'template.downloaded': 'Downloaded template',
  'task.set': 'Set task',
  'task.viewed': 'Opened task',
  'task.changed': 'Changed task',
  'task.accepted': 'Accepted task',
  'task.declined': 'Declined task',
  'task.progress_added': 'Added progress to task',
  'task.completed': 'Completed task',
  'task.reassigned': 'Reassigned task',
  'task.cancelled': 'Cancelled task',
  'task.watched': 'Started watching task',
  'task.unwatched': 'Stopped watching task',
  'tasks.listed': 'Listed tasks',
  'action_plan.created': 'Created action plan',
  'action_plan.updated': 'Changed action plan',
  'action.created': 'Set reminder',
  'action.updated': 'Changed reminder',
  'action.done': 'Marked reminder done',
  'action.reminded': 'Sent reminder',
  'action.viewed': 'Opened reminder',
  'actions.listed': 'Listed reminders',
  'interest.registered': 'Registered an interest',
  'interest.dropped': 'Dropped an interest',
  'interests.listed': 'Listed the records followed',
  'notification_preferences.updated': 'Changed notification emails',
  'home.viewed': 'Opened the home page',
  'supervision.viewed': 'Opened a team\'s supervision page',
  'assessment.started': 'Started assessment',
  'assessment.updated': 'Changed assessment draft',
  'assessment.completed': 'Completed assessment',
  'assessment.viewed': 'Opened assessment',
  'assessment.discarded': 'Discarded assessment draft',
  'assessment.adjusted': 'Adjusted assessment score',
  'assessment.adjustment_decided': 'Decided a score adjustment',
  'assessment.review_started': 'Started assessment review',
  'assessment.information_requested': 'Asked for information for an assessment',
  'assessment.compared': 'Compared assessment reviews',
  'assessments.listed': 'Listed assessments',
  'assessment_statistics.viewed': 'Viewed assessment statistics',
  'assessment_statistics.exported': 'Exported assessment statistics',
  'assessment_template.created': 'Created assessment template',
  'assessment_template.updated': 'Changed assessment template',
  'assessment_template.copied': 'Copied assessment template',
  'assessment_question.submitted': 'Submitted a question to the bank',
  'assessment_question.updated': 'Changed a bank question',
  'panel.created': 'Set up a panel',
  'panel.updated': 'Changed a panel',
  'panel_referral.created': 'Referred to a panel',
  'panel_referral.withdrawn': 'Withdrew a panel referral',
  'panel_referral.viewed': 'Opened a panel referral',
  'panel_referral.start_viewed': 'Started a panel referral',
  'panel_referrals.listed': 'Listed panel referrals',
  'panel_statistics.viewed': 'Viewed panel statistics',
  'panel_statistics.exported': 'Exported panel statistics',
  'meeting.created': 'Arranged a panel meeting',
  'meeting.updated': 'Changed a panel meeting',
  'meeting.viewed': 'Opened a panel meeting',
  'meeting.closed': 'Closed a panel meeting',
  'meeting.attendance_recorded': 'Recorded attendance at a panel meeting',
  'agenda.reordered': 'Reordered a meeting\'s agenda',
  'agenda_item.added': 'Put a referral on an agenda',
  'agenda_item.removed': 'Took a referral off an agenda',
  'agenda_item.minuted': 'Minuted an agenda item',
  'agenda_item.versions_viewed': 'Read earlier minutes of an agenda item',
  'agenda_research.saved': 'Saved research for an agenda item',
  'agenda_action.agreed': 'Agreed an action at a panel meeting',
  'victim_care_settings.updated': 'Changed the victim care settings',
  'victim_care.viewed': 'Opened a person\'s victim care',
  'contact_plan.set': 'Set a contact plan',
  'contact_plan.viewed': 'Opened a contact plan',
  'contact_plan.supervisors_alerted': 'Told the supervisors of an overdue contact',
  'victim_contact.recorded': 'Recorded a contact with a victim',
  'victim_contacts.listed': 'Listed a victim\'s contacts',
  'victim_contacts.exported': 'Downloaded a victim\'s contacts',
  'overdue_contacts.listed': 'Listed overdue contacts',
  'community_trigger.raised': 'Raised the community trigger',
  'community_trigger.cleared': 'Cleared the community trigger',
  'community_triggers.listed': 'Listed community triggers',
  'case_review.opened': 'Opened an ASB case review',
  'case_review.viewed': 'Opened an ASB case review\'s page',
  'case_review.moved': 'Recorded a step of an ASB case review',
};

/** Actions added on the server after this screen was written still read sensibly. */
export function actionLabel(action: string): string {
  const known = actionLabels[action];
  if (known) return known;
  const words = action.replace(/[._]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const entityTypeLabels: Record<string, string> = {
  partnership: 'Partnership',
  organisation: 'Organisation',
  team: 'Team',
  user: 'User',
  api_token: 'API token',
  session: 'Session',
  audit_event: 'Audit trail',
  outbound_message: 'Outbox message',
  lookup: 'List value',
  profile: 'Profile',
  case: 'Case',
  location: 'Location',
  access_request: 'Access request',
  stored_file: 'File',
  report: 'Report',
  document: 'Document',
  document_template: 'Template',
  task: 'Task',
  action_plan: 'Action plan',
  action: 'Reminder',
  assessment: 'Assessment',
  assessment_template: 'Assessment template',
  assessment_question: 'Bank question',
  panel: 'Panel',
  meeting: 'Panel meeting',
};

export function entityTypeLabel(type: string): string {
  return entityTypeLabels[type] ?? type.replace(/_/g, ' ');
}

export const outcomeLabels: Record<AuditEvent['outcome'], string> = {
  success: 'Succeeded',
  refused: 'Refused',
  failed: 'Failed',
};

export function actorLabel(actor: AuditEvent['actor']): string {
  switch (actor.kind) {
    case 'user':
      return actor.name ?? 'A user';
    case 'api_token':
      return `${actor.name ?? 'An API token'} (API token)`;
    case 'client':
      return `${actor.name ?? 'A client'} (client portal)`;
    case 'system':
      return 'Concord (automatic)';
    case 'anonymous':
      return 'Someone not signed in';
  }
}

/**
 * Field names in a change record ("isSupervisor") as words ("Is supervisor"), for the fields no
 * label map names; a field holding an id is named for what it points at ("teamId": "Team").
 */
export function fieldLabel(field: string): string {
  const words = field.replace(/Ids$/, 's').replace(/Id$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
