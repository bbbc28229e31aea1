import type { RouteObject } from 'react-router';
import { MeetingPage } from './MeetingPage.tsx';
import { PanelPage } from './PanelPage.tsx';
import { PanelsPage } from './PanelsPage.tsx';

export const panelRoutes: RouteObject[] = [
  { path: 'panels', element: <PanelsPage /> },
  { path: 'panels/:id', element: <PanelPage /> },
  { path: 'meetings/:id', element: <MeetingPage /> },
];
