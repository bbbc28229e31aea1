import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { Permitted } from '../app/Permitted.tsx';
import { AgreementPage } from './agreements/AgreementPage.tsx';
import { AgreementsPage } from './agreements/AgreementsPage.tsx';
import { NewAgreementPage } from './agreements/NewAgreementPage.tsx';
import { DataProtectionPage } from './DataProtectionPage.tsx';
import { DisclosureLogPage } from './disclosure-log/DisclosureLogPage.tsx';
import { LegalHoldsPage } from './retention/LegalHoldsPage.tsx';
import { RetentionQueuePage } from './retention/RetentionQueuePage.tsx';
import { RetentionRulesPage } from './retention/RetentionRulesPage.tsx';
import { ReviewPage } from './subject-access/ReviewPage.tsx';
import { SubjectAccessListPage } from './subject-access/SubjectAccessListPage.tsx';
import { SubjectAccessPage } from './subject-access/SubjectAccessPage.tsx';

const agreements = (element: ReactNode) => <Permitted permission="agreements.view">{element}</Permitted>;
const subjectAccess = (element: ReactNode) => <Permitted permission="subject_access.manage">{element}</Permitted>;
const retention = (element: ReactNode) => <Permitted permission="retention.review">{element}</Permitted>;

export const dataProtectionRoutes: RouteObject[] = [
  { path: 'data-protection', element: agreements(<DataProtectionPage />) },
  { path: 'data-protection/agreements', element: agreements(<AgreementsPage />) },
  { path: 'data-protection/agreements/new', element: <Permitted permission="agreements.manage"><NewAgreementPage /></Permitted> },
  { path: 'data-protection/agreements/:id', element: agreements(<AgreementPage />) },
  { path: 'data-protection/subject-access', element: subjectAccess(<SubjectAccessListPage />) },
  { path: 'data-protection/subject-access/:id', element: subjectAccess(<SubjectAccessPage />) },
  { path: 'data-protection/subject-access/:id/review/:organisationId', element: subjectAccess(<ReviewPage />) },
  { path: 'data-protection/retention', element: retention(<RetentionQueuePage />) },
  { path: 'data-protection/retention/rules', element: retention(<RetentionRulesPage />) },
  { path: 'data-protection/retention/holds', element: retention(<LegalHoldsPage />) },
  { path: 'data-protection/disclosure-log', element: <Permitted permission="disclosure_log.export"><DisclosureLogPage /></Permitted> },
];
