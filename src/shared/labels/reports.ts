/** A report's fields in the words of its form, for the form and the audit trail. */
export const reportLabels = {
  reportType: 'Type of report',
  reportTypeId: 'Type of report',
  occurredAt: 'When it happened',
  date: 'Date it happened',
  time: 'Time it happened',
  body: 'Report',
  visibility: 'Who can read it',
};
