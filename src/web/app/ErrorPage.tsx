import { useMemo, type ReactNode } from 'react';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { Anchor, Code, Text } from '@mantine/core';
import { ApiError } from '../api/errors.ts';
import { Page } from '../components/Page.tsx';
import { PublicLayout } from '../components/PublicLayout.tsx';

/** A reference for support, written to the browser console beside the error it stands for. */
function logWithReference(error: unknown): string {
  const reference = crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36).toUpperCase();
  console.error(`Concord error ${reference}`, error);
  return reference;
}

function Layout({ standalone, title, children }: { standalone: boolean; title: string; children: ReactNode }) {
  return standalone ? <PublicLayout title={title}>{children}</PublicLayout> : <Page title={title}>{children}</Page>;
}

/**
 * Shown when a page fails. Inside the signed-in area it keeps the header and navigation;
 * `standalone` is for failures before that area exists (the public pages).
 */
export function ErrorPage({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const reference = useMemo(() => logWithReference(error), [error]);

  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Layout standalone={standalone} title="Page not found">
        <Anchor component={Link} to="/">
          Go to the home page
        </Anchor>
      </Layout>
    );
  }
  return (
    <Layout standalone={standalone} title="Something went wrong">
      <Text>Concord could not show this page. Anything you had already saved is safe. Try again, or go back to the home page.</Text>
      {/* The server's message for a failure on its side carries the reference its logs use. */}
      {error instanceof ApiError ? (
        <Text>{error.message}</Text>
      ) : (
        <Text>
          If it keeps happening, tell your system administrator and give them this reference: <Code fz="md">{reference}</Code>
        </Text>
      )}
      <Anchor href="/">Go to the home page</Anchor>
    </Layout>
  );
}
