import { Page } from '../components/Page.tsx';

export function TemplatePage() {
  return <Page title="Assessment template">{null}</Page>;
}
