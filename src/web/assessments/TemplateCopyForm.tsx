import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Text, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { copyTemplateBody, template, type TemplateSummary } from '../../shared/api/assessments.ts';
import { call } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { useMe } from '../app/session.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { templateKeys } from './keys.ts';
import { templatePath } from './template-api.ts';

/** A designer copies any template to their own team, to adapt it there. */
export function TemplateCopyForm({ source, onDone }: { source: TemplateSummary; onDone: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors({ name: 'Name', key: 'Key' });
  const [name, setName] = useState(`${source.name} (${me.team.name})`);
  const copy = useMutation({
    mutationFn: (body: z.infer<typeof copyTemplateBody>) =>
      call('POST', `${templatePath(source.id)}/copy`, template, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (created) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: templateKeys.all });
      notifySaved(`${created.name} is ready for your team to adapt.`);
      onDone();
      void navigate(`/assessments/templates/${created.id}`);
    },
    onError: errors.fromServer,
  });
  const submit = () => {
    const body = errors.check(copyTemplateBody, { name });
    if (body) copy.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <FormAlert error={copy.error} fieldErrors={errors.fieldErrors} />
      <Text size="sm">
        The copy belongs to {me.team.name}. Assessments already made with “{source.name}” are not changed.
      </Text>
      <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fieldErrors.name} />
      <FormButtons submitLabel="Copy template" pending={copy.isPending} onCancel={onDone} />
    </Form>
  );
}
