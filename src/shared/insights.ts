/**
 * The vocabulary of insights: dashboards, compliance monitoring and hotspots. The same words in
 * the database, the API and the screen.
 */

/**
 * The compliance checks, in the order the view shows them. Each counts the profiles a team owns
 * that fail it (see `complianceCheckRules` for the population each is out of):
 * - `no-reason`: nothing on the record says why the person is on it: a reason shorter than
 *   `meaningfulReasonLength` letters and no report on the profile;
 * - `no-risk-assessment`: a victim with no completed ASB Risk Assessment Matrix, or a VICTIM
 *   screening "yes" still waiting for the matrix it asks for;
 * - `not-shared`: on a case whose type is shared by default with teams or organisations outside
 *   the owning organisation, and the profile is not shared with each of them at the level the
 *   case type gives (so a view grant where the case type gives edit is a gap too);
 * - `not-updated`: on an open case, and nothing recorded (a change, a report, a contact) for
 *   longer than the partnership's `staleAfterDays`;
 * - `contact-overdue`: a victim whose agreed contact is overdue;
 * - `no-lawful-basis`: the owning team's organisation has recorded no current lawful basis for
 *   holding the person's information;
 * - `basis-review-overdue`: that organisation's current basis is past its review date.
 */
export const complianceChecks = ['no-reason', 'no-risk-assessment', 'not-shared', 'not-updated', 'contact-overdue', 'no-lawful-basis', 'basis-review-overdue'] as const;
export type ComplianceCheck = (typeof complianceChecks)[number];

export const complianceCheckLabels: Record<ComplianceCheck, string> = {
  'no-reason': 'No reason recorded',
  'no-risk-assessment': 'No risk assessment',
  'not-shared': 'Not shared as the case type expects',
  'not-updated': 'Not updated in time',
  'contact-overdue': 'Victim contact overdue',
  'no-lawful-basis': 'No lawful basis recorded',
  'basis-review-overdue': 'Lawful basis review overdue',
};

/** What each check is out of, said on the screen beside the percentage. */
export const complianceCheckPopulations: Record<ComplianceCheck, string> = {
  'no-reason': 'of the team\'s profiles',
  'no-risk-assessment': 'of the team\'s victims',
  'not-shared': 'of the team\'s profiles on a case type shared by default',
  'not-updated': 'of the team\'s profiles on an open case',
  'contact-overdue': 'of the team\'s victims with a contact plan',
  'no-lawful-basis': 'of the team\'s profiles',
  'basis-review-overdue': 'of the team\'s profiles with a lawful basis',
};

/** How a supervisor puts each gap right from the list. */
export const complianceCheckFixes: Record<ComplianceCheck, string> = {
  'no-reason': 'Add a report saying why the person is on the record',
  'no-risk-assessment': 'Complete the ASB Risk Assessment Matrix',
  'not-shared': 'Share as the case type expects',
  'not-updated': 'Record what has happened since',
  'contact-overdue': 'Record a contact with the victim',
  'no-lawful-basis': 'Record the lawful basis for holding the person\'s information',
  'basis-review-overdue': 'Review the lawful basis and record it again',
};

/** Fewer letters than this in a profile's reason ("n/a", "ASB") is no reason at all. */
export const meaningfulReasonLength = 10;

/** The partnership's insight settings before its administrators change them. */
export const insightDefaults = {
  /** A profile on an open case with nothing recorded for longer than this is not updated in time. */
  staleAfterDays: 28,
  /** A victim with at least this many incidents (ASB complaints and hate incidents) in the range is a repeat victim. */
  repeatVictimIncidents: 2,
} as const;

/** Age bands of the dashboards, as the partnerships' board reports group victims. */
export const ageBands = ['0-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+', 'unknown'] as const;
export type AgeBand = (typeof ageBands)[number];
export const ageBandLabels: Record<AgeBand, string> = {
  '0-17': 'Under 18',
  '18-24': '18 to 24',
  '25-34': '25 to 34',
  '35-44': '35 to 44',
  '45-54': '45 to 54',
  '55-64': '55 to 64',
  '65+': '65 and over',
  unknown: 'Not known',
};

/**
 * Whose records the totals count. `partnership`: a system administrator sees the whole
 * partnership's figures; `organisation`: an organisation administrator, their organisation's
 * teams' records and whatever else they may open; `accessible`: everyone else, what they may open.
 * Lists that name records (drill-downs, top locations, top callers) only ever name records the
 * reader may open, whatever the scope.
 */
export const insightScopes = ['partnership', 'organisation', 'accessible'] as const;
export type InsightScope = (typeof insightScopes)[number];
export const insightScopeLabels: Record<InsightScope, string> = {
  partnership: 'the whole partnership',
  organisation: 'your organisation\'s records and those shared with you',
  accessible: 'the records you may open',
};

/** The dashboard's tables, each exportable on its own as CSV and all together as XLSX sheets. */
export const overviewTables = ['summary', 'cases-by-type', 'risk-movement', 'vulnerabilities', 'age-bands', 'genders', 'ethnicities', 'tasks', 'assessments'] as const;
export type OverviewTable = (typeof overviewTables)[number];
export const overviewTableLabels: Record<OverviewTable, string> = {
  summary: 'Summary',
  'cases-by-type': 'Cases by type',
  'risk-movement': 'Risk-level movement',
  vulnerabilities: 'Vulnerabilities',
  'age-bands': 'Age bands',
  genders: 'Gender',
  ethnicities: 'Ethnicity',
  tasks: 'Tasks',
  assessments: 'Assessments by band',
};

export const hotspotTables = ['locations', 'callers'] as const;
export type HotspotTable = (typeof hotspotTables)[number];
export const hotspotTableLabels: Record<HotspotTable, string> = { locations: 'Top locations', callers: 'Top callers' };

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The protective marking in the header and footer of every PDF summary (Government Security Classifications). */
export const protectiveMarking = 'OFFICIAL-SENSITIVE';

/** What a PDF summary holds, in order; its audit event names the sections included. */
export const summarySections = ['details', 'people', 'locations', 'open-tasks', 'latest-assessment', 'timeline'] as const;
export type SummarySection = (typeof summarySections)[number];
