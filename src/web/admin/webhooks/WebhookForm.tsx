import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Checkbox, PasswordInput, Stack, TextInput } from '@mantine/core';
import { createWebhookBody, updateWebhookBody, webhook, webhookEventLabels, webhookEvents, type Webhook, type WebhookEvent } from '../../../shared/api/webhooks.ts';
import { call } from '../../api/client.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { ConflictNotice } from '../../components/ConflictNotice.tsx';
import { Form, FormButtons } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { notifySaved } from '../../components/notify.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { useVersionedForm } from '../../components/useVersionedForm.ts';
import { webhookKeys } from './labels.ts';

const labels = { url: 'URL', events: 'Events to send', secret: 'Secret' };

interface Values { url: string; events: WebhookEvent[]; secret: string }

const blank: Webhook = {
  id: '', url: '', events: [], enabled: true, disabledAt: null, disabledReason: null, disabledAutomatically: false,
  organisation: { id: '', name: '' }, createdBy: { id: '', name: '' }, createdAt: '', updatedAt: '', lastDelivery: null, version: 1,
};

const eventList = (events: WebhookEvent[]) => events.map((e) => webhookEventLabels[e]).join('; ') || '(none)';

/** Adds a webhook (`hook` absent) or changes one; the secret is asked for again only to replace it. */
export function WebhookForm({ hook, onDone, onCancel }: { hook?: Webhook; onDone: (saved: Webhook) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(labels);
  const form = useVersionedForm<Webhook, Values>(hook ?? blank, (h) => ({ url: h.url, events: h.events, secret: '' }), webhook);
  const editing = hook !== undefined;

  const save = useMutation({
    mutationFn: (body: object) => editing
      ? call('PATCH', `/webhooks/${hook.id}`, webhook, { body })
      : call('POST', '/webhooks', webhook, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (saved) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: webhookKeys.list });
      notifySaved(editing ? 'Webhook saved.' : 'Webhook added. Send a test to check the receiving system.');
      onDone(saved);
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });

  const submit = () => {
    const { url, events, secret } = form.values;
    const body = editing
      ? errors.check(updateWebhookBody, { version: form.base.version, url, events, ...(secret ? { secret } : {}) })
      : errors.check(createWebhookBody, { url, events, secret });
    if (body) save.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={form.theirs ? null : save.error} fieldErrors={errors.fieldErrors} />
      <TextInput
        label={labels.url}
        description="Where your system receives the events: an https:// address on the internet."
        value={form.values.url}
        onChange={(e) => form.set('url', e.currentTarget.value)}
        error={errors.fieldErrors.url}
        required
        data-autofocus
      />
      <Checkbox.Group
        label={labels.events}
        description="Each delivery names the event and the record's id, never a name or any text. Your organisation hears only of records it may open."
        value={form.values.events}
        onChange={(value) => form.set('events', value as WebhookEvent[])}
        error={errors.fieldErrors.events}
        required
      >
        <Stack gap="xs" mt="xs">
          {webhookEvents.map((event) => (
            <Checkbox key={event} value={event} label={webhookEventLabels[event]} description={event} />
          ))}
        </Stack>
      </Checkbox.Group>
      <PasswordInput
        label={labels.secret}
        description={editing
          ? 'Leave blank to keep the current secret. A new one (at least 16 characters) signs every delivery from now on.'
          : 'At least 16 characters. Each delivery is signed with it (X-Concord-Signature); Concord never shows it again.'}
        value={form.values.secret}
        onChange={(e) => form.set('secret', e.currentTarget.value)}
        error={errors.fieldErrors.secret}
        required={!editing}
        autoComplete="new-password"
      />
      {form.theirs && (
        <ConflictNotice
          fields={[{ key: 'url', label: labels.url }, { key: 'events', label: labels.events, show: (v) => eventList(v as WebhookEvent[]) }]}
          loaded={{ url: form.base.url, events: form.base.events }}
          mine={{ url: form.values.url, events: form.values.events }}
          theirs={{ url: form.theirs.url, events: form.theirs.events }}
          onUseTheirs={() => {
            form.takeTheirs();
            save.reset();
          }}
          onKeepMine={() => {
            form.keepMine();
            save.reset();
          }}
        />
      )}
      <FormButtons submitLabel={editing ? 'Save' : 'Add webhook'} pending={save.isPending} onCancel={onCancel} />
    </Form>
  );
}
