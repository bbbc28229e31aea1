import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { Permitted } from '../app/Permitted.tsx';
import { DeskPage } from './DeskPage.tsx';
import { FiguresPage } from './FiguresPage.tsx';
import { FormPage } from './forms/FormPage.tsx';
import { FormsPage } from './forms/FormsPage.tsx';
import { KeyInPage } from './KeyInPage.tsx';
import { ReferralPage } from './ReferralPage.tsx';

const desk = (element: ReactNode) => <Permitted permission="referrals.triage">{element}</Permitted>;

export const referralRoutes: RouteObject[] = [
  { path: 'referrals', element: desk(<DeskPage />) },
  { path: 'referrals/new', element: desk(<KeyInPage />) },
  { path: 'referrals/figures', element: desk(<FiguresPage />) },
  { path: 'referrals/:id', element: desk(<ReferralPage />) },
];

/** Under administration, beside its other parts. */
export const referralFormRoutes: RouteObject[] = [
  { path: 'referral-forms', element: <FormsPage /> },
  { path: 'referral-forms/new', element: <FormPage /> },
  { path: 'referral-forms/:id', element: <FormPage /> },
];
