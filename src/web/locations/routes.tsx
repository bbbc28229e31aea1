import type { RouteObject } from 'react-router';

export const locationRoutes: RouteObject[] = [];
