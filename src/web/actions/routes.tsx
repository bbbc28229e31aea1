import type { RouteObject } from 'react-router';

export const actionRoutes: RouteObject[] = [];
