import type { RouteObject } from 'react-router';
import { EditLocationPage } from './EditLocationPage.tsx';
import { LocationPage } from './LocationPage.tsx';
import { LocationsPage } from './LocationsPage.tsx';
import { NewLocationPage } from './NewLocationPage.tsx';

export const locationRoutes: RouteObject[] = [
  { path: 'locations', element: <LocationsPage /> },
  { path: 'locations/new', element: <NewLocationPage /> },
  { path: 'locations/:id', element: <LocationPage /> },
  { path: 'locations/:id/edit', element: <EditLocationPage /> },
];
