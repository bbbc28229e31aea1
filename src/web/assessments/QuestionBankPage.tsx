import { Page } from '../components/Page.tsx';

export function QuestionBankPage() {
  return <Page title="Question bank">{null}</Page>;
}
