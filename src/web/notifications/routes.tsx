import type { RouteObject } from 'react-router';
import { NotificationsPage } from './NotificationsPage.tsx';

export const notificationRoutes: RouteObject[] = [{ path: 'notifications', element: <NotificationsPage /> }];
