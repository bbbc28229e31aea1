import type { RouteObject } from 'react-router';
import { CaseReviewPage } from './CaseReviewPage.tsx';
import { CommunityTriggersPage } from './CommunityTriggersPage.tsx';
import { ContactRecordPage } from './ContactRecordPage.tsx';

export const victimCareRoutes: RouteObject[] = [
  { path: 'profiles/:id/contacts', element: <ContactRecordPage /> },
  { path: 'community-triggers', element: <CommunityTriggersPage /> },
  { path: 'case-reviews/:id', element: <CaseReviewPage /> },
];
