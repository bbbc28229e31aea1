import type { RouteObject } from 'react-router';
import { CasePage } from './CasePage.tsx';
import { CasesPage } from './CasesPage.tsx';
import { EditCasePage } from './EditCasePage.tsx';
import { NewCasePage } from './NewCasePage.tsx';

export const caseRoutes: RouteObject[] = [
  { path: 'cases', element: <CasesPage /> },
  { path: 'cases/new', element: <NewCasePage /> },
  { path: 'cases/:id', element: <CasePage /> },
  { path: 'cases/:id/edit', element: <EditCasePage /> },
];
