import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { Permitted } from '../app/Permitted.tsx';
import { AgreementPage } from './agreements/AgreementPage.tsx';
import { AgreementsPage } from './agreements/AgreementsPage.tsx';
import { NewAgreementPage } from './agreements/NewAgreementPage.tsx';
import { DataProtectionPage } from './DataProtectionPage.tsx';

const agreements = (element: ReactNode) => <Permitted permission="agreements.view">{element}</Permitted>;

export const dataProtectionRoutes: RouteObject[] = [
  { path: 'data-protection', element: agreements(<DataProtectionPage />) },
  { path: 'data-protection/agreements', element: agreements(<AgreementsPage />) },
  { path: 'data-protection/agreements/new', element: <Permitted permission="agreements.manage"><NewAgreementPage /></Permitted> },
  { path: 'data-protection/agreements/:id', element: agreements(<AgreementPage />) },
];
