import { useEffect, useRef } from 'react';
import { usePresentation } from '../session.ts';

/** How many pages this visit has shown: focus stays at the top of the first (where the skip links are). */
const visit = { pages: 0 };

/**
 * The page's one h1. The tab is named by the service's neutral name alone, never the page ("Safety
 * plan" in someone's tab list or history would say what this is), with "Error: " first while the
 * page shows an error summary. Every page but the first takes focus at its heading, so that a
 * screen reader reads out where the person has arrived.
 */
export function PageHeading({ children, hasError = false }: { children: string; hasError?: boolean }) {
  const { serviceName } = usePresentation();
  const heading = useRef<HTMLHeadingElement>(null);
  const counted = useRef(false);

  useEffect(() => {
    document.title = `${hasError ? 'Error: ' : ''}${serviceName}`;
  }, [hasError, serviceName]);

  useEffect(() => {
    // Once per page, however often React runs the effect.
    if (counted.current) return;
    counted.current = true;
    if (visit.pages > 0) heading.current?.focus();
    visit.pages += 1;
  }, []);

  return (
    <h1 className="govuk-heading-l portal-heading" tabIndex={-1} ref={heading}>
      {children}
    </h1>
  );
}
