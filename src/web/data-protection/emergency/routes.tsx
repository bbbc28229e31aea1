import type { RouteObject } from 'react-router';
import { EmergencyReviewPage } from './EmergencyReviewPage.tsx';

export const emergencyAccessRoutes: RouteObject[] = [{ path: 'data-protection/emergency-access', element: <EmergencyReviewPage /> }];
