import { Page } from '../components/Page.tsx';

export function ComparisonPage() {
  return <Page title="Compare reviews">{null}</Page>;
}
