import { useNavigate } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { AgreementForm } from './AgreementForm.tsx';

export function NewAgreementPage() {
  const navigate = useNavigate();
  return (
    <Page title="Record an information sharing agreement">
      <AgreementForm onDone={() => void navigate('/data-protection/agreements')} />
    </Page>
  );
}
