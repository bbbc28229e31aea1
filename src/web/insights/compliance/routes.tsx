import type { RouteObject } from 'react-router';
import { ComplianceListPage } from './ComplianceListPage.tsx';
import { CompliancePage } from './CompliancePage.tsx';

export const complianceRoutes: RouteObject[] = [
  { path: 'insights/compliance', element: <CompliancePage /> },
  { path: 'insights/compliance/:check', element: <ComplianceListPage /> },
];
