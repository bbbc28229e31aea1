import type { RouteObject } from 'react-router';
import { AccessRequestPage } from './AccessRequestPage.tsx';
import { AccessRequestsPage } from './AccessRequestsPage.tsx';

export const accessRequestRoutes: RouteObject[] = [
  { path: 'access-requests', element: <AccessRequestsPage /> },
  { path: 'access-requests/:id', element: <AccessRequestPage /> },
];
