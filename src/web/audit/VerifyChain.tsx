import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { chainReport } from '../../shared/api/audit.ts';
import { call } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';

/** Recomputes the hash chain over the whole trail: any edited or removed event breaks it. */
export function VerifyChain() {
  const verify = useMutation({ mutationFn: () => call('POST', '/audit-events/verify', chainReport, { body: {} }) });
  const report = verify.data;
  return (
    <Stack gap="xs">
      <Group>
        <Button variant="default" onClick={() => verify.mutate()} loading={verify.isPending}>
          Check the audit trail is intact
        </Button>
      </Group>
      {verify.error ? (
        <Alert color="red" title="The check could not be run">
          {messageOf(verify.error)}
        </Alert>
      ) : null}
      {report &&
        (report.intact ? (
          <Alert color="green" title="The audit trail is intact" role="status">
            All {report.checked.toLocaleString('en-GB')} events were checked; none has been changed or removed.
          </Alert>
        ) : (
          <Alert color="red" title="The audit trail has been tampered with">
            Event number {report.firstBrokenSeq} and those after it do not match the record of what came before. Tell
            your information governance lead; do not change anything further.
          </Alert>
        ))}
    </Stack>
  );
}
