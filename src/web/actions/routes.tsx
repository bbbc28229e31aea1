import type { RouteObject } from 'react-router';
import { ReminderPage } from './ReminderPage.tsx';
import { RemindersPage } from './RemindersPage.tsx';

export const actionRoutes: RouteObject[] = [
  { path: 'actions', element: <RemindersPage /> },
  { path: 'actions/:id', element: <ReminderPage /> },
];
