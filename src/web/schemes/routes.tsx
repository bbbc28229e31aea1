import type { RouteObject } from 'react-router';
import { Permitted } from '../app/Permitted.tsx';
import { ApplicationPage } from './ApplicationPage.tsx';
import { ApplicationsPage } from './ApplicationsPage.tsx';
import { ApplyPage } from './ApplyPage.tsx';
import { CardholderPage } from './CardholderPage.tsx';
import { LookupPage } from './LookupPage.tsx';
import { LookupsPage } from './LookupsPage.tsx';
import { RegisterPage } from './RegisterPage.tsx';

export const schemeRoutes: RouteObject[] = [
  { path: 'schemes/keep-safe', element: <Permitted permission="schemes.view"><RegisterPage /></Permitted> },
  { path: 'schemes/keep-safe/cardholders/:id', element: <Permitted permission="schemes.view"><CardholderPage /></Permitted> },
  { path: 'schemes/keep-safe/applications', element: <Permitted permission="schemes.view"><ApplicationsPage /></Permitted> },
  { path: 'schemes/keep-safe/applications/:id', element: <Permitted permission="schemes.view"><ApplicationPage /></Permitted> },
  { path: 'schemes/keep-safe/apply', element: <Permitted permission="schemes.manage"><ApplyPage /></Permitted> },
  { path: 'schemes/keep-safe/lookups', element: <Permitted permission="schemes.view"><LookupsPage /></Permitted> },
  { path: 'scheme-lookup', element: <Permitted permission="schemes.look_up"><LookupPage /></Permitted> },
];
