import { createBrowserRouter } from 'react-router';
import { AppointmentsPage } from './appointments/AppointmentsPage.tsx';
import { MessagesPage } from './messages/MessagesPage.tsx';
import { DocumentsPage } from './pages/DocumentsPage.tsx';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SafetyPlanPage } from './pages/SafetyPlanPage.tsx';
import { TasksPage } from './pages/TasksPage.tsx';
import { Root } from './Root.tsx';
import { SignedIn } from './SignedIn.tsx';
import { CodePage } from './sign-in/CodePage.tsx';
import { SignInFlow } from './sign-in/SignInFlow.tsx';
import { SignInPage } from './sign-in/SignInPage.tsx';

export const router = createBrowserRouter([
  {
    path: '/portal',
    element: <Root />,
    children: [
      {
        // Inside the frame, so that a failing page keeps "Exit this page".
        errorElement: <ErrorPage />,
        children: [
          {
            path: 'sign-in',
            element: <SignInFlow />,
            children: [
              { index: true, element: <SignInPage /> },
              { path: 'code', element: <CodePage /> },
            ],
          },
          {
            element: <SignedIn />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'messages', element: <MessagesPage /> },
              { path: 'plan', element: <SafetyPlanPage /> },
              { path: 'appointments', element: <AppointmentsPage /> },
              { path: 'documents', element: <DocumentsPage /> },
              { path: 'things-to-do', element: <TasksPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
