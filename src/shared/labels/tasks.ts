/**
 * A task's fields in the words of the task forms, for the forms and the audit trail. Who a task is
 * set for is kept as three fields (a person, a team or an organisation), one of which is filled.
 */
export const taskLabels = {
  title: 'What needs doing',
  description: 'Details',
  priority: 'Priority',
  dueOn: 'Due by',
  backdatedReason: 'Why the due date is in the past',
  assignee: 'Set for',
  assignedUserId: 'Set for (person)',
  assignedTeamId: 'Set for (team)',
  assignedOrganisationId: 'Set for (organisation)',
  status: 'Status',
  watcherIds: 'Also tell',
  actionPlanId: 'Action plan',
  reason: 'Reason',
  note: 'Progress',
  result: 'Result',
};
