import type { QuestionOption, TemplateDefinition } from '../../../shared/api/assessments.ts';
import type { BuiltInTemplateKey, QuestionKind, QuestionNature } from '../../../shared/assessments.ts';

/**
 * The questions and templates every partnership starts with, worded exactly as the Derbyshire
 * ASB Victims First documents word them (VICTIM screening, ASB Risk Assessment Matrix of January
 * 2015), the Pathfinder Wheel and the Troubled Families starter assessment. Curators may edit the
 * bank; an edit makes a new template version and never rewrites a completed assessment.
 */

export interface DefaultQuestion {
  key: string;
  text: string;
  guidance?: string;
  kind: QuestionKind;
  nature: QuestionNature;
  topics: string[];
  options?: QuestionOption[];
  scale?: { min: number; max: number };
}

const yesNo = (yes: number): QuestionOption[] => [{ value: 'yes', label: 'Yes', score: yes }, { value: 'no', label: 'No', score: 0 }];
const scored = (...options: [number, string][]): QuestionOption[] => options.map(([score, label]) => ({ value: String(score), label, score }));

const victim = (key: string, text: string, guidance: string): DefaultQuestion =>
  ({ key: `victim-${key}`, text, guidance, kind: 'yes_no', nature: 'subjective', topics: ['asb', 'victim screening'], options: yesNo(1) });

const matrix = (key: string, text: string, options: QuestionOption[], nature: QuestionNature = 'objective'): DefaultQuestion =>
  ({ key: `ram-${key}`, text, kind: options.length === 2 && options[0]!.value === 'yes' ? 'yes_no' : 'single_choice', nature, topics: ['asb', 'risk'], options });

const pathway = (key: string, text: string): DefaultQuestion => ({
  key: `wheel-${key}`,
  text,
  guidance: 'Rate from 1 (serious problems, no support in place) to 10 (no problems, or fully supported).',
  kind: 'scale',
  nature: 'subjective',
  topics: ['pathways'],
  scale: { min: 1, max: 10 },
});

const family = (key: string, text: string, kind: QuestionKind, nature: QuestionNature, options: QuestionOption[] = [], guidance?: string): DefaultQuestion =>
  ({ key: `family-${key}`, text, kind, nature, topics: ['family'], options, ...(guidance ? { guidance } : {}) });

export const defaultQuestions: DefaultQuestion[] = [
  victim('vulnerable', 'Vulnerable victim?', 'See Derbyshire definition of Vulnerable'),
  victim('increasing', 'Increasing severity or frequency of ASB incidents?', 'Are the incidents getting worse or happening more often?'),
  victim('coping', 'Coping strategies failing?', 'Is the victim able to cope with the ongoing situation or is it beginning to affect their wellbeing? Do they have support from family or friends? Do they know where to go to for help?'),
  victim('targeted', 'Targeted anti-social behaviour?', 'Is the perpetrator focussing on this victim in particular eg personal grievance, faith, nationality, ethnicity, sexuality, gender or disability?'),
  victim('impact', 'Impact on quality of life?', 'Is the victim changing their routine or avoiding certain locations? Are they distressed? Has it affected their physical or mental health?'),
  victim('multi-agency', 'Multi-agency involvement?', 'Will the problem need more than one agency to help solve the issues e.g. police, council, fire service, housing, health etc?'),

  matrix('frequency', 'Other than this occasion - how often do you have problems?', scored([0, 'Isolated incident'], [1, 'Only occasionally'], [2, 'Most months'], [3, 'Most weeks'], [4, 'Most days'], [5, 'Daily'])),
  matrix('worsening', 'Do you think that incidents are happening more often and / or are getting worse?', yesNo(2), 'subjective'),
  matrix('knows-offender', 'Do you know the offender(s)?', scored([0, 'No'], [1, 'Yes'], [2, 'Know each other well'])),
  matrix('lives-close', 'Do you live close to the offender(s) or location of the incident?', yesNo(2)),
  matrix('targeted', 'Is anyone in particular being specifically targeted by this behaviour?', scored([0, 'No'], [1, 'A number of people'], [2, 'Your family'], [3, 'You'])),
  matrix('targeted-reason', 'Is there any reason why you might be targeted eg your faith, nationality, ethnicity, sexuality, gender identity or disability?', yesNo(3)),
  matrix('intimidated', 'Do you feel intimidated or harassed by the offender (or their associates)?', scored(
    [0, 'No'],
    [2, 'Does not feel harassed but offender has history or reputation for harassment or violent behaviour'],
    [4, 'Has previously been harassed by the offender'],
    [6, 'Currently being harassed by the offender'],
  ), 'subjective'),
  matrix('affected', 'How have you been affected by what has happened?', scored([0, 'Not at all'], [2, 'Changed routine or avoid locations'], [4, 'Distressed'], [6, 'Affected physical or mental health']), 'subjective'),
  matrix('children', 'Are any children within your household affected?', [{ value: 'yes', label: 'Yes (Consider safeguarding referral)', score: 2 }, { value: 'no', label: 'No', score: 0 }]),
  matrix('increasing-risk', 'In addition to what has happened, do you feel that there is anything that is increasing the risk to you, or your household (eg financial, cultural, social)?', yesNo(3), 'subjective'),
  matrix('support', 'Do you have any family, friends or professionals to go to for support?', scored([0, 'Has close support network'], [1, 'A few people to draw on for support'], [3, 'Lives alone and is isolated'])),
  // The matrix gives these two no scores: they are asked and recorded, and add nothing to the total.
  matrix('other-agencies', 'Are any other agencies involved with this problem?', yesNo(0)),
  matrix('others-affected', 'Do you think anyone else has been affected by what has happened?', yesNo(0), 'subjective'),

  pathway('accommodation', 'Accommodation'),
  pathway('education', 'Education, training and employment'),
  pathway('health', 'Health'),
  pathway('drugs-alcohol', 'Drugs and alcohol'),
  pathway('finance', 'Finance, benefit and debt'),
  pathway('children-families', 'Children and families'),
  pathway('attitudes', 'Attitudes, thinking and behaviour'),

  family('crime-asb', 'Is this family member involved in crime or anti-social behaviour?', 'family_grid', 'objective', scored([0, 'No'], [1, 'Anti-social behaviour'], [2, 'Offending'])),
  family('school', 'Is this child attending school regularly?', 'family_grid', 'objective', [
    { value: 'na', label: 'Not of school age', score: 0 },
    { value: 'yes', label: 'Yes', score: 0 },
    { value: 'absent', label: 'Persistently absent', score: 1 },
    { value: 'excluded', label: 'Excluded', score: 2 },
  ]),
  family('health', 'Does this family member have a physical or mental health problem?', 'family_grid', 'objective', yesNo(1)),
  family('worklessness', 'Is any adult in the household claiming out-of-work benefits?', 'yes_no', 'objective', yesNo(1)),
  family('domestic-abuse', 'Is there domestic abuse in the household?', 'yes_no', 'objective', yesNo(2), 'Consider a DASH risk assessment and a MARAC referral.'),
  family('children-need', 'Are any children in need of help or protection?', 'yes_no', 'objective', [{ value: 'yes', label: 'Yes (Consider safeguarding referral)', score: 2 }, { value: 'no', label: 'No', score: 0 }]),
  family('housing', 'How secure is the family\'s home?', 'single_choice', 'objective', [
    { value: 'settled', label: 'Settled', score: 0 },
    { value: 'at-risk', label: 'At risk of eviction', score: 2 },
    { value: 'homeless', label: 'Homeless or in temporary accommodation', score: 3 },
  ]),
  family('strengths', 'What is working well for this family?', 'text', 'subjective'),
  family('worries', 'What worries the family most, in their own words?', 'text', 'subjective'),
];

interface DefaultTemplateQuestion {
  key: string;
  required?: boolean;
}

export interface DefaultTemplate {
  key: BuiltInTemplateKey;
  name: string;
  description: string;
  sections: { title: string; questions: DefaultTemplateQuestion[] }[];
  rules: Omit<TemplateDefinition, 'sections'>;
}

const all = (...keys: string[]) => keys.map((key) => ({ key, required: true }));

export const defaultTemplates: DefaultTemplate[] = [
  {
    key: 'victim-screening',
    name: 'VICTIM screening',
    description: 'The screening for every report of anti-social behaviour. If any answer is yes, a full ASB Risk Assessment Matrix must be completed on the same working day.',
    sections: [{ title: 'VICTIM', questions: all('victim-vulnerable', 'victim-increasing', 'victim-coping', 'victim-targeted', 'victim-impact', 'victim-multi-agency') }],
    rules: {
      scoring: 'sum',
      bands: [
        { label: 'Standard', min: 0, max: 0, colour: 'green', riskLevel: null },
        { label: 'Full risk assessment required', min: 1, max: null, colour: 'red', riskLevel: null },
      ],
      thresholds: [{ min: 1, label: 'Complete the ASB Risk Assessment Matrix today', followUp: 'asb-risk-matrix' }],
      adjustment: 'not_allowed',
      setsRiskLevel: false,
      chart: 'line',
      family: false,
    },
  },
  {
    key: 'asb-risk-matrix',
    name: 'ASB Risk Assessment Matrix',
    description: 'The Risk Assessment Matrix (RAM) for victims and witnesses of anti-social behaviour. 0 to 15 Standard, 16 to 29 Medium, 30 + High. The assessor may adjust the score with professional judgement, giving reasons, for a supervisor to approve.',
    sections: [
      { title: 'Offence', questions: all('ram-frequency', 'ram-worsening') },
      { title: 'Offender', questions: all('ram-knows-offender', 'ram-lives-close', 'ram-targeted', 'ram-targeted-reason', 'ram-intimidated') },
      { title: 'Impact', questions: all('ram-affected', 'ram-children', 'ram-increasing-risk', 'ram-support') },
      { title: 'Scale', questions: all('ram-other-agencies', 'ram-others-affected') },
    ],
    rules: {
      scoring: 'sum',
      bands: [
        { label: 'Standard', min: 0, max: 15, colour: 'green', riskLevel: 'standard' },
        { label: 'Medium', min: 16, max: 29, colour: 'orange', riskLevel: 'medium' },
        { label: 'High', min: 30, max: null, colour: 'red', riskLevel: 'high' },
      ],
      thresholds: [],
      adjustment: 'approval_required',
      setsRiskLevel: true,
      chart: 'line',
      family: false,
    },
  },
  {
    key: 'wheel',
    name: 'Wheel assessment',
    description: 'Each critical pathway rated from 1 to 10, repeated through the contract and shown as a wheel to see progress.',
    sections: [{
      title: 'Pathways',
      questions: all('wheel-accommodation', 'wheel-education', 'wheel-health', 'wheel-drugs-alcohol', 'wheel-finance', 'wheel-children-families', 'wheel-attitudes'),
    }],
    rules: { scoring: 'sum', bands: [], thresholds: [], adjustment: 'not_allowed', setsRiskLevel: false, chart: 'wheel', family: false },
  },
  {
    key: 'family',
    name: 'Family assessment',
    description: 'A starter family assessment from the question bank. Family members are pulled through from the profile\'s relationships or the case\'s people; copy it to adapt it for your team.',
    sections: [
      { title: 'Each family member', questions: [{ key: 'family-crime-asb', required: true }, { key: 'family-school' }, { key: 'family-health', required: true }] },
      { title: 'The household', questions: all('family-worklessness', 'family-domestic-abuse', 'family-children-need', 'family-housing') },
      { title: 'In the family\'s words', questions: [{ key: 'family-strengths' }, { key: 'family-worries' }] },
    ],
    rules: { scoring: 'sum', bands: [], thresholds: [], adjustment: 'not_allowed', setsRiskLevel: false, chart: 'line', family: true },
  },
];
