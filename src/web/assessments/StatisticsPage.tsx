import { Page } from '../components/Page.tsx';

export function StatisticsPage() {
  return <Page title="Assessment statistics">{null}</Page>;
}
