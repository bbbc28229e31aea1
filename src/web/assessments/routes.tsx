import type { RouteObject } from 'react-router';
import { AssessmentPage } from './AssessmentPage.tsx';
import { AssessmentsPage } from './AssessmentsPage.tsx';
import { ComparisonPage } from './ComparisonPage.tsx';
import { QuestionBankPage } from './QuestionBankPage.tsx';
import { StatisticsPage } from './StatisticsPage.tsx';
import { TemplatePage } from './TemplatePage.tsx';
import { TemplatesPage } from './TemplatesPage.tsx';

export const assessmentRoutes: RouteObject[] = [
  { path: 'assessments', element: <AssessmentsPage /> },
  { path: 'assessments/templates', element: <TemplatesPage /> },
  { path: 'assessments/templates/new', element: <TemplatePage /> },
  { path: 'assessments/templates/:id', element: <TemplatePage /> },
  { path: 'assessments/templates/:id/statistics', element: <StatisticsPage /> },
  { path: 'assessments/question-bank', element: <QuestionBankPage /> },
  { path: 'assessments/:id', element: <AssessmentPage /> },
  { path: 'assessments/:id/compare', element: <ComparisonPage /> },
];
