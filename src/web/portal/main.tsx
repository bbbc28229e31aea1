import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { isApiError } from '../api/errors.ts';
import { router } from './router.tsx';
import './portal.scss';

/**
 * The client portal: a small bundle of its own, styled with GOV.UK Frontend rather than the staff
 * app's Mantine, so that it loads fast on an old phone and reads like a public service.
 * GOV.UK's page template marks the body with an inline script, which the Content-Security-Policy
 * refuses, so it is done here.
 */
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Live updates refresh what the team changes; this only bounds how stale a page can be.
      staleTime: 30_000,
      // A refusal or a missing record will not change by asking again; a dropped connection may.
      retry: (failures, error) => failures < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
