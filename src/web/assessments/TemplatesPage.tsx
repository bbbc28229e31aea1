import { Page } from '../components/Page.tsx';

export function TemplatesPage() {
  return <Page title="Assessment templates">{null}</Page>;
}
