import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Group, Stack, Title } from '@mantine/core';
import { HelpLink } from '../help/HelpLink.tsx';
import classes from './Page.module.css';

let firstPageShown = false;

/** Sets the tab's title, e.g. "Users – Concord". */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} – Concord`;
  }, [title]);
}

/**
 * Moves focus to the page's heading after a navigation, so that screen reader and keyboard users
 * start at the new page instead of the link they left. The first page of a visit keeps the
 * browser's own starting point, where the skip link is.
 */
export function useFocusOnNavigation<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    if (firstPageShown) ref.current?.focus();
    firstPageShown = true;
  }, [pathname]);
  return ref;
}

interface PageProps {
  /** The tab title; also the heading unless `heading` is given. */
  title: string;
  heading?: ReactNode;
  /** Buttons beside the heading: the page's main actions. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A page in the signed-in area: one h1, the tab title, focus on arrival, and "How do I…" where help was written for it. */
export function Page({ title, heading, actions, children }: PageProps) {
  useDocumentTitle(title);
  const headingRef = useFocusOnNavigation<HTMLHeadingElement>();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="md">
        <Title order={1} ref={headingRef} tabIndex={-1} className={classes.heading}>
          {heading ?? title}
        </Title>
        <Group gap="sm">
          <HelpLink />
          {actions}
        </Group>
      </Group>
      {children}
    </Stack>
  );
}
