import { Page } from '../components/Page.tsx';

export function AssessmentsPage() {
  return <Page title="Assessments">{null}</Page>;
}
