import { Link, useSearchParams } from 'react-router';
import { Alert, Anchor, Button, Text } from '@mantine/core';
import { isApiError } from '../../api/errors.ts';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { complianceXlsxHref, useCompliance, useComplianceLiveUpdates } from './api.ts';
import { ComplianceTable } from './ComplianceTable.tsx';
import { TeamChoice } from './TeamChoice.tsx';

/**
 * A team's records that fall short, check by check, for its supervisor to put right: each figure
 * counts every profile the team owns; the list behind it names only those the reader may open.
 */
export function CompliancePage() {
  const [params, setParams] = useSearchParams();
  const teamId = params.get('teamId');
  const query = useCompliance(teamId);
  useComplianceLiveUpdates();
  const refused = isApiError(query.error) && query.error.status === 403;
  const data = query.data;
  return (
    <Page
      title="Compliance"
      actions={data && (
        <Button component="a" href={complianceXlsxHref(teamId)} download variant="default">
          Download as spreadsheet (XLSX)
        </Button>
      )}
    >
      <Anchor component={Link} to="/insights" size="sm">
        Back to insights
      </Anchor>
      <TeamChoice teamId={teamId} onChange={(id) => setParams({ teamId: id })} />
      {refused ? (
        <Alert color="orange" title="You cannot see this team’s compliance">
          A team’s figures are for its own members, those who supervise it and the partnership’s system administrators. Choose
          another team.
        </Alert>
      ) : (
        <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the team’s compliance" />
      )}
      {data && (
        <>
          <ComplianceTable data={data} teamId={teamId} />
          <Text size="sm">Not updated in time means nothing recorded for {data.staleAfterDays} days.</Text>
        </>
      )}
    </Page>
  );
}
