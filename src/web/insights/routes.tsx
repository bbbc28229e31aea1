import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { Permitted } from '../app/Permitted.tsx';
import { HotspotsPage } from './HotspotsPage.tsx';
import { InsightsPage } from './InsightsPage.tsx';

const insights = (element: ReactNode) => <Permitted permission="insights.view">{element}</Permitted>;

export const insightRoutes: RouteObject[] = [
  { path: 'insights', element: insights(<InsightsPage />) },
  { path: 'insights/hotspots', element: insights(<HotspotsPage />) },
];
