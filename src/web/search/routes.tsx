import type { RouteObject } from 'react-router';

export const searchRoutes: RouteObject[] = [];
