import { useState } from 'react';
import { Button, Modal, Text } from '@mantine/core';
import type { Owner } from '../../shared/api/records.ts';
import { recordNoun, type AnyRecordKind } from './kinds.ts';
import { RequestAccessForm } from './RequestAccessForm.tsx';
import { RequestSent } from './RequestSent.tsx';
import { ownerText } from './OwnerLine.tsx';

interface Props {
  kind: AnyRecordKind;
  id: string;
  /** The record's title as shown beside the button; names the button for screen readers. */
  title: string;
  owner?: Owner;
}

/** For a record found in search results or a match list that this person cannot open. */
export function RequestAccessButton({ kind, id, title, owner }: Props) {
  const [asking, setAsking] = useState(false);
  const [sent, setSent] = useState(false);
  if (sent) return <RequestSent owner={owner} compact />;
  return (
    <>
      <Button variant="default" size="sm" onClick={() => setAsking(true)} aria-label={`Request access to ${title}`}>
        Request access
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={`Request access to ${title}`} size="lg">
        {asking && (
          // React passes events up through portals: without this, sending the request would also
          // submit a form the button sits in (the new-profile form's match list).
          <div onSubmit={(e) => e.stopPropagation()}>
            <Text size="sm" mb="md">
              {owner ? `This ${recordNoun(kind)} is held by ${ownerText(owner)}. ` : ''}
              If they agree, your team can open it.
            </Text>
            <RequestAccessForm
              kind={kind}
              id={id}
              onCancel={() => setAsking(false)}
              onSent={() => {
                setAsking(false);
                setSent(true);
              }}
            />
          </div>
        )}
      </Modal>
    </>
  );
}
