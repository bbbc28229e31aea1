import { useState } from 'react';
import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import type { Owner } from '../../shared/api/records.ts';
import { Page } from '../components/Page.tsx';
import { BreakGlass } from '../data-protection/emergency/BreakGlass.tsx';
import { recordNoun, type AnyRecordKind } from './kinds.ts';
import { RequestAccessForm } from './RequestAccessForm.tsx';
import { RequestSent } from './RequestSent.tsx';

export { RequestAccessButton } from './RequestAccessButton.tsx';

interface Props {
  kind: AnyRecordKind;
  id: string;
  owner: Owner;
}

/**
 * In place of a record this person may not open: who holds it and a way to ask them, never any
 * of its details ("search and signpost").
 */
export function LockedRecord({ kind, id, owner }: Props) {
  const noun = recordNoun(kind);
  const [sent, setSent] = useState(false);
  return (
    <Page title={`You do not have access to this ${noun}`}>
      <Alert color="blue" title={`This ${noun} is held by another team`}>
        <Text size="sm">
          This {noun} is held by {owner.team.name}, {owner.organisation.name}. You can ask them for access.
        </Text>
      </Alert>
      {sent ? (
        <RequestSent owner={owner} />
      ) : (
        <Paper withBorder p="lg" maw={640}>
          <Stack gap="md">
            <Title order={2} size="h3">
              Ask for access
            </Title>
            <RequestAccessForm kind={kind} id={id} onSent={() => setSent(true)} onCancel={() => window.history.back()} />
          </Stack>
        </Paper>
      )}
      {kind === 'profiles' && <BreakGlass id={id} />}
    </Page>
  );
}
