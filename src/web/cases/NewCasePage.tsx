import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Anchor, Paper, Text } from '@mantine/core';
import type { CaseRecord } from '../../shared/api/cases.ts';
import { useMe } from '../app/session.ts';
import { Page } from '../components/Page.tsx';
import { notifySaved } from '../components/notify.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { CreateCaseForm } from './CreateCaseForm.tsx';
import { caseName } from './labels.ts';
import { useCase } from './useCase.ts';
import { emptyCase, type CaseFormValues } from './values.ts';

/** A sub-case starts with its parent's type and leads: an operation's premises share them. */
function fromParent(parent: CaseRecord): CaseFormValues {
  return {
    ...emptyCase,
    caseTypeId: parent.caseType.id,
    leadOrganisationId: parent.leadOrganisation?.id ?? null,
    leadOfficerId: parent.leadOfficer?.id ?? null,
    singlePointOfContactId: parent.singlePointOfContact?.id ?? null,
  };
}

export function NewCasePage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const parentId = params.get('parentCaseId') ?? '';
  const parent = useCase(parentId);
  const cancelTo = parentId ? `/cases/${parentId}` : '/cases';

  return (
    <Page title={parentId ? 'Add a sub-case' : 'Add a case'}>
      {parentId && (
        <>
          <QueryStatus isPending={parent.isPending} error={parent.error} onRetry={() => void parent.refetch()} label="Loading the parent case" />
          {parent.data && (
            <Alert color="blue" title="Part of another case">
              <Text size="sm">
                This sub-case will be part of{' '}
                <Anchor component={Link} to={`/cases/${parent.data.id}`} inherit c="inherit" underline="always">
                  {caseName(parent.data)}
                </Anchor>
                .
              </Text>
            </Alert>
          )}
        </>
      )}
      {(!parentId || parent.data) && (
        <Paper withBorder p="lg" maw={960}>
          <CreateCaseForm
            key={parent.data?.id ?? 'new'}
            initial={parent.data ? fromParent(parent.data) : { ...emptyCase, leadOrganisationId: me.organisation.id }}
            parent={parent.data ?? null}
            onCreated={(created) => {
              notifySaved(`${caseName(created)} added.`);
              void navigate(`/cases/${created.id}`);
            }}
            onCancel={() => void navigate(cancelTo)}
          />
        </Paper>
      )}
    </Page>
  );
}
