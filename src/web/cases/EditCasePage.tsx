import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Anchor, Paper } from '@mantine/core';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { LockedRecord } from '../records/LockedRecord.tsx';
import { refusedOwner } from '../records/refusal.ts';
import { EditCaseForm } from './EditCaseForm.tsx';
import { caseName } from './labels.ts';
import { useCase } from './useCase.ts';

export function EditCasePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useCase(id);
  const owner = refusedOwner(query.error);
  if (owner) return <LockedRecord kind="cases" id={id} owner={owner} />;
  const c = query.data;
  const editable = c?.permissions.canEdit && c.status === 'open';

  return (
    <Page title={c ? `Edit ${caseName(c)}` : 'Edit case'}>
      <Anchor component={Link} to={`/cases/${id}`} size="sm">
        Back to the case
      </Anchor>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading case" />
      {c && !editable && (
        <Alert color="blue" title="This case cannot be changed here">
          {c.status === 'archived'
            ? 'It is archived: it can be read but no longer changed.'
            : c.status === 'closed'
              ? 'It is closed. Reopen it from the case page to change it.'
              : `You can read it, but only ${c.owner.team.name} at ${c.owner.organisation.name} and those they share it with for editing can change it.`}
        </Alert>
      )}
      {c && editable && (
        <Paper withBorder p="lg" maw={960}>
          {/* Keyed by id only: a live refresh of the case must not reset what is being typed. */}
          <EditCaseForm key={c.id} record={c} onDone={() => void navigate(`/cases/${c.id}`)} />
        </Paper>
      )}
    </Page>
  );
}
