import { Link as RouterLink, type LinkProps } from 'react-router';

/**
 * A link between the portal's pages. Each replaces the page in the browser's history rather than
 * adding one, so that after "Exit this page" the Back button cannot bring any of them back.
 */
export function Link({ className = 'govuk-link', ...props }: Omit<LinkProps, 'replace'>) {
  return <RouterLink {...props} className={className} replace />;
}
