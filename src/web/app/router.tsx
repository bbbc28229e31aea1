import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../account/AccountPage.tsx';
import { AdminLayout } from '../admin/AdminLayout.tsx';
import { ApiTokensPage } from '../admin/api-tokens/ApiTokensPage.tsx';
import { WebhookPage } from '../admin/webhooks/WebhookPage.tsx';
import { WebhooksPage } from '../admin/webhooks/WebhooksPage.tsx';
import { SignInSettingsPage } from '../admin/sign-in/SignInSettingsPage.tsx';
import { ImportProfilesPage } from '../admin/imports/ImportProfilesPage.tsx';
import { RecordImportPage } from '../admin/imports/RecordImportPage.tsx';
import { SetupListPage } from '../admin/setup/SetupListPage.tsx';
import { SetupPage } from '../admin/setup/SetupPage.tsx';
import { LookupsPage } from '../admin/lookups/LookupsPage.tsx';
import { OrganisationsPage } from '../admin/organisations/OrganisationsPage.tsx';
import { OutboxPage } from '../admin/outbox/OutboxPage.tsx';
import { PartnershipsPage } from '../admin/partnerships/PartnershipsPage.tsx';
import { TeamsPage } from '../admin/teams/TeamsPage.tsx';
import { UserPage } from '../admin/users/UserPage.tsx';
import { UsersPage } from '../admin/users/UsersPage.tsx';
import { AuditPage } from '../audit/AuditPage.tsx';
import { ChoosePasswordPage } from '../auth/ChoosePasswordPage.tsx';
import { EnrolmentPage } from '../auth/EnrolmentPage.tsx';
import { ForgotPasswordPage } from '../auth/ForgotPasswordPage.tsx';
import { SignInPage } from '../auth/SignInPage.tsx';
import { HomePage } from '../home/HomePage.tsx';
import { SupervisionPage } from '../supervision/SupervisionPage.tsx';
import { caseRoutes } from '../cases/routes.tsx';
import { locationRoutes } from '../locations/routes.tsx';
import { profileRoutes } from '../profiles/routes.tsx';
import { searchRoutes } from '../search/routes.tsx';
import { actionRoutes } from '../actions/routes.tsx';
import { TemplatesPage } from '../documents/TemplatesPage.tsx';
import { notificationRoutes } from '../notifications/routes.tsx';
import { taskRoutes } from '../tasks/routes.tsx';
import { assessmentRoutes } from '../assessments/routes.tsx';
import { accessRequestRoutes } from '../sharing/routes.tsx';
import { victimCareRoutes } from '../victim-care/routes.tsx';
import { VictimCareSettingsPage } from '../victim-care/VictimCareSettingsPage.tsx';
import { PortalSettingsPage } from '../client-portal/PortalSettingsPage.tsx';
import { panelRoutes } from '../panels/routes.tsx';
import { referralFormRoutes, referralRoutes } from '../referrals/routes.tsx';
import { insightRoutes } from '../insights/routes.tsx';
import { complianceRoutes } from '../insights/compliance/routes.tsx';
import { InsightSettingsPage } from '../insights/InsightSettingsPage.tsx';
import { dataProtectionRoutes } from '../data-protection/routes.tsx';
import { emergencyAccessRoutes } from '../data-protection/emergency/routes.tsx';
import { DataProtectionSettingsPage } from '../data-protection/settings/DataProtectionSettingsPage.tsx';
import { schemeRoutes } from '../schemes/routes.tsx';
import { helpRoutes } from '../help/routes.tsx';
import { suggestionRoutes } from '../suggestions/routes.tsx';
import { SchemeSettingsPage } from '../schemes/SchemeSettingsPage.tsx';
import { ErrorPage } from './ErrorPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { Permitted } from './Permitted.tsx';
import { RequireSession } from './RequireSession.tsx';
import { Root } from './Root.tsx';
import { Shell } from './Shell.tsx';

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <ErrorPage standalone />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/enrolment', element: <EnrolmentPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ChoosePasswordPage purpose="reset" /> },
      { path: '/set-password', element: <ChoosePasswordPage purpose="invitation" /> },
      {
        element: (
          <RequireSession>
            <Shell />
          </RequireSession>
        ),
        children: [
          {
            // Inside the shell, so a failing page keeps the header and navigation.
            errorElement: <ErrorPage />,
            children: [
              { index: true, element: <HomePage /> },
              ...profileRoutes,
              ...caseRoutes,
              ...locationRoutes,
              ...searchRoutes,
              ...accessRequestRoutes,
              ...taskRoutes,
              ...assessmentRoutes,
              ...actionRoutes,
              ...notificationRoutes,
              ...victimCareRoutes,
              ...panelRoutes,
              ...referralRoutes,
              ...insightRoutes,
              ...complianceRoutes,
              ...dataProtectionRoutes,
              ...emergencyAccessRoutes,
              ...schemeRoutes,
              ...helpRoutes,
              ...suggestionRoutes,
              {
                // Shows the first part of administration this person may use, or sends them home.
                path: 'admin',
                element: <AdminLayout />,
                children: [
                  { path: 'partnerships', element: <PartnershipsPage /> },
                  { path: 'organisations', element: <OrganisationsPage /> },
                  { path: 'teams', element: <TeamsPage /> },
                  { path: 'users', element: <UsersPage /> },
                  { path: 'users/:id', element: <UserPage /> },
                  { path: 'api-tokens', element: <ApiTokensPage /> },
                  { path: 'webhooks', element: <WebhooksPage /> },
                  { path: 'webhooks/:id', element: <WebhookPage /> },
                  { path: 'sign-in', element: <SignInSettingsPage /> },
                  { path: 'outbox', element: <OutboxPage /> },
                  { path: 'lookups', element: <LookupsPage /> },
                  { path: 'imports', element: <ImportProfilesPage /> },
                  { path: 'imports/users', element: <RecordImportPage key="users" kind="users" /> },
                  { path: 'imports/cases', element: <RecordImportPage key="cases" kind="cases" /> },
                  { path: 'imports/locations', element: <RecordImportPage key="locations" kind="locations" /> },
                  { path: 'setup', element: <SetupListPage /> },
                  { path: 'setup/:id', element: <SetupPage /> },
                  { path: 'setup/:id/:step', element: <SetupPage /> },
                  { path: 'templates', element: <TemplatesPage /> },
                  { path: 'victim-care', element: <VictimCareSettingsPage /> },
                  { path: 'portal', element: <PortalSettingsPage /> },
                  { path: 'insights', element: <InsightSettingsPage /> },
                  { path: 'data-protection', element: <DataProtectionSettingsPage /> },
                  { path: 'schemes', element: <SchemeSettingsPage /> },
                  ...referralFormRoutes,
                ],
              },
              {
                path: 'supervision',
                element: (
                  <Permitted permission="teams.supervise">
                    <SupervisionPage />
                  </Permitted>
                ),
              },
              {
                path: 'audit',
                element: (
                  <Permitted permission="audit.view">
                    <AuditPage />
                  </Permitted>
                ),
              },
              { path: 'account', element: <AccountPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
