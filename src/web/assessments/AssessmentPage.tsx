import { Page } from '../components/Page.tsx';

export function AssessmentPage() {
  return <Page title="Assessment">{null}</Page>;
}
