import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, Card, CloseButton, FileInput, Group, Select, Stack, Text, TextInput, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { subjectAccessExport, subjectAccessItem, type SarRedaction, type SubjectAccessItem } from '../../../shared/api/subject-access.ts';
import { exemptionLabels, exemptions, sarItemKindLabels, type Exemption } from '../../../shared/subject-access.ts';
import { call } from '../../api/client.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { notifySaved } from '../../components/notify.ts';
import { Page } from '../../components/Page.tsx';
import { putFile } from '../../records/upload.ts';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { subjectAccessKeys, useSubjectAccess, useSubjectAccessItems } from './api.ts';

const exemptionOptions = exemptions.map((e) => ({ value: e, label: exemptionLabels[e] }));

/** A field's text with its redactions highlighted, each saying why. */
function Marked({ text, redactions }: { text: string; redactions: SarRedaction[] }) {
  const spans = [...redactions].sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    const end = span.start + span.length;
    if (end <= at) continue;
    const start = Math.max(at, span.start);
    parts.push(text.slice(at, start));
    parts.push(
      <mark key={span.id} title={`Redacted: ${exemptionLabels[span.exemption]}`} style={{ background: '#0b0c0c', color: '#ffffff', padding: '0 2px' }}>
        {text.slice(start, end)}
        <VisuallyHidden component="span"> (redacted: {exemptionLabels[span.exemption]})</VisuallyHidden>
      </mark>,
    );
    at = end;
  }
  parts.push(text.slice(at));
  return <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{parts}</Text>;
}

function Item({ requestId, item, organisationId, editable }: { requestId: string; item: SubjectAccessItem; organisationId: string; editable: boolean }) {
  const queryClient = useQueryClient();
  const [phrase, setPhrase] = useState('');
  const [redactAs, setRedactAs] = useState<Exemption>('third-party');
  const [withholdAs, setWithholdAs] = useState<Exemption | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: subjectAccessKeys.items(requestId, organisationId) });
  const base = `/subject-access-exports/${requestId}/items/${item.id}`;
  const redact = useMutation({
    mutationFn: () => call('POST', `${base}/redactions`, subjectAccessItem, { body: { text: phrase, exemption: redactAs } }),
    onSuccess: () => {
      setPhrase('');
      refresh();
    },
  });
  const unredact = useMutation({ mutationFn: (redactionId: string) => call('DELETE', `${base}/redactions/${redactionId}`, subjectAccessItem), onSuccess: refresh });
  const decide = useMutation({
    mutationFn: (decision: 'include' | 'withhold') => call('PUT', base, subjectAccessItem, { body: { decision, exemption: decision === 'withhold' ? withholdAs : null, version: item.version } }),
    onSuccess: refresh,
  });
  const withheld = item.decision === 'withhold';
  const headingId = `item-${item.id}`;
  return (
    <Card withBorder padding="md" component="li" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5" id={headingId}>
            {item.title}
          </Title>
          <Group gap="xs">
            <Badge variant="light">{sarItemKindLabels[item.kind]}</Badge>
            {withheld ? <Badge color="red">Withheld: {item.exemption ? exemptionLabels[item.exemption] : ''}</Badge> : <Badge color="green" variant="light">Included</Badge>}
          </Group>
        </Group>
        {item.fields.map((f) => (
          <Stack gap={2} key={f.name}>
            <Text size="xs" fw={600} c="dimmed">{f.name}</Text>
            <Marked text={f.text} redactions={item.redactions.filter((r) => r.field === f.name)} />
          </Stack>
        ))}
        {item.file && (
          <Text size="sm">
            File: {item.file.name} ({Math.ceil(item.file.size / 1024)} KB){item.file.replaced ? ' – a redacted copy will be sent instead' : ''}
          </Text>
        )}
        {item.file && editable && !withheld && <Replace requestId={requestId} itemId={item.id} onDone={refresh} />}
        {item.redactions.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>Redactions</Text>
            {item.redactions.map((r) => (
              <Group key={r.id} gap="xs">
                <Text size="sm">
                  {r.field}: &ldquo;{item.fields.find((f) => f.name === r.field)?.text.slice(r.start, r.start + r.length)}&rdquo; – {exemptionLabels[r.exemption]}
                  {r.automatic ? ' (automatic)' : ''}
                </Text>
                {editable && <CloseButton size="sm" aria-label={`Take off the redaction in ${r.field}`} onClick={() => unredact.mutate(r.id)} />}
              </Group>
            ))}
          </Stack>
        )}
        {editable && (
          <Stack gap="xs">
            <FormAlert error={redact.error ?? decide.error ?? unredact.error} />
            {!withheld && (
              <Group align="flex-end" gap="xs">
                <TextInput label="Words to redact" description="Every occurrence in this item" value={phrase} onChange={(e) => setPhrase(e.currentTarget.value)} />
                <Select label="Exemption for the redaction" data={exemptionOptions} value={redactAs} onChange={(v) => v && setRedactAs(v as Exemption)} allowDeselect={false} />
                <Button variant="outline" loading={redact.isPending} disabled={!phrase.trim()} onClick={() => redact.mutate()}>
                  Redact text
                </Button>
              </Group>
            )}
            {withheld ? (
              <Group>
                <Button variant="outline" loading={decide.isPending} onClick={() => decide.mutate('include')}>
                  Include it after all
                </Button>
              </Group>
            ) : (
              <Group align="flex-end" gap="xs">
                <Select label="Exemption for withholding" placeholder="Choose an exemption" data={exemptionOptions} value={withholdAs} onChange={(v) => setWithholdAs(v as Exemption | null)} />
                <Button variant="outline" color="red" loading={decide.isPending} disabled={!withholdAs} onClick={() => decide.mutate('withhold')}>
                  Withhold
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** A redacted copy of the item's file, to send instead of the original. */
function Replace({ requestId, itemId, onDone }: { requestId: string; itemId: string; onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => putFile(`/subject-access-exports/${requestId}/items/${itemId}/replacement?fileName=${encodeURIComponent(chosen.name)}`, chosen),
    onSuccess: () => {
      setFile(null);
      onDone();
      notifySaved('The redacted copy will be sent instead.');
    },
  });
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <FileInput label="Upload a redacted copy" value={file} onChange={setFile} clearable w={320} />
        <Button variant="outline" disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
          Upload
        </Button>
      </Group>
      <FormAlert error={upload.error} />
    </Stack>
  );
}

function Complete({ requestId, organisationId }: { requestId: string; organisationId: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [note, setNote] = useState('');
  const done = useMutation({
    mutationFn: () => call('POST', `/subject-access-exports/${requestId}/reviews/${organisationId}/complete`, subjectAccessExport, { body: { note: note || null } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: subjectAccessKeys.all });
      notifySaved('Your organisation\'s review is complete.');
      void navigate(`/data-protection/subject-access/${requestId}`);
    },
  });
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <FormAlert error={done.error} />
        <Textarea label="Note on the review (optional)" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group>
          <Button loading={done.isPending} onClick={() => done.mutate()}>
            Complete the review
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** One organisation's items of a request, for its administrators to redact, withhold and release. */
export function ReviewPage() {
  const { id = '', organisationId = '' } = useParams();
  const sar = useSubjectAccess(id);
  const items = useSubjectAccessItems(id, organisationId);
  const review = sar.data?.reviews.find((r) => r.organisation.id === organisationId);
  const editable = review?.canReview ?? false;
  return (
    <Page title={review ? `Review ${review.organisation.name}'s items` : 'Review items'}>
      <Anchor component={Link} to={`/data-protection/subject-access/${id}`} size="sm">
        Back to the request{sar.data ? ` ${sar.data.reference}` : ''}
      </Anchor>
      <QueryStatus isPending={items.isPending} error={items.error} onRetry={() => void items.refetch()} label="Loading the items" />
      {review && !editable && <Alert color="blue">This review is complete; its items can no longer change.</Alert>}
      {items.data && (
        <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.data.items.map((item) => (
            <Item key={item.id} requestId={id} item={item} organisationId={organisationId} editable={editable} />
          ))}
        </Stack>
      )}
      {items.data && editable && <Complete requestId={id} organisationId={organisationId} />}
    </Page>
  );
}
