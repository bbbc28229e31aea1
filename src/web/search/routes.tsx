import type { RouteObject } from 'react-router';
import { SearchPage } from './SearchPage.tsx';

export const searchRoutes: RouteObject[] = [{ path: 'search', element: <SearchPage /> }];
