import type { RouteObject } from 'react-router';

export const accessRequestRoutes: RouteObject[] = [];
