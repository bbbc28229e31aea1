import type { RouteObject } from 'react-router';
import { NewTaskPage } from './NewTaskPage.tsx';
import { TaskPage } from './TaskPage.tsx';
import { TasksPage } from './TasksPage.tsx';

export const taskRoutes: RouteObject[] = [
  { path: 'tasks', element: <TasksPage /> },
  { path: 'tasks/new', element: <NewTaskPage /> },
  { path: 'tasks/:id', element: <TaskPage /> },
];
