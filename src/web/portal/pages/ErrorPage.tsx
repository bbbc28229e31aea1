import { PageHeading } from '../components/PageHeading.tsx';

/** A page that failed: the frame (and "Exit this page") stays around it. */
export function ErrorPage() {
  return (
    <>
      <PageHeading>Sorry, there is a problem</PageHeading>
      <p className="govuk-body">Try again later, or reload the page.</p>
    </>
  );
}
