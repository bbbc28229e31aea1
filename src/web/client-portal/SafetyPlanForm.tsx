import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Box, Button, Fieldset, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { profileSafetyPlan, safetyPlanBody, type ProfileSafetyPlan } from '../../shared/api/portal.ts';
import { portalLimits } from '../../shared/portal.ts';
import { call } from '../api/client.ts';
import { isApiError } from '../api/errors.ts';
import { ConflictNotice } from '../components/ConflictNotice.tsx';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { ItemControls } from './ItemControls.tsx';
import { portalKeys } from './keys.ts';
import {
  blankEmergencyContact, blankSafeContact, comparedPlanFields, mergedPlan, moved, planBody, planFieldLabel, planProblems, planValues, replaced, without,
  type PlanValues,
} from './plan.ts';

type ListName = keyof PlanValues;

/**
 * The safety plan the client reads in the portal: steps, safe contacts and emergency numbers,
 * each added, changed, moved or removed with buttons. A save replaces the plan read at its
 * version; if someone saved first, the two are shown side by side.
 */
export function SafetyPlanForm({ profileId, plan, onDone }: { profileId: string; plan: ProfileSafetyPlan; onDone: () => void }) {
  const queryClient = useQueryClient();
  const container = useRef<HTMLDivElement>(null);
  const [base, setBase] = useState(plan);
  const [values, setValues] = useState(() => planValues(plan));
  const [theirs, setTheirs] = useState<ProfileSafetyPlan | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const guard = useLeaveGuard(changedFrom(planValues(base), values));
  const done = () => {
    guard.allow();
    onDone();
  };
  const save = useMutation({
    mutationFn: (body: unknown) => call('PUT', `/profiles/${profileId}/safety-plan`, profileSafetyPlan, { body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(portalKeys.safetyPlan(profileId), saved);
      notifySaved('Safety plan saved. The client sees it the next time they open it.');
      done();
    },
    onError: (error) => {
      const current = isApiError(error, 'conflict') ? profileSafetyPlan.safeParse(error.currentRecord) : null;
      if (current?.success) setTheirs(current.data);
      else if (isApiError(error)) setFieldErrors(Object.fromEntries(error.fieldProblems.map((p) => [p.field, `${planFieldLabel(p.field)} ${p.problem}`])));
    },
  });

  /** Moves focus once the list has been drawn again: to the moved item's button, or to a field. */
  const focusLater = (selector: string, fallback?: string) =>
    requestAnimationFrame(() => {
      const box = container.current;
      const target = box?.querySelector<HTMLElement>(selector) ?? (fallback ? box?.querySelector<HTMLElement>(fallback) : null);
      target?.focus();
    });
  /** Changes one list from its latest state, so quick presses never undo each other. */
  const update = (list: ListName, next: (items: unknown[]) => unknown[]) => setValues((v) => ({ ...v, [list]: next(v[list]) }) as PlanValues);
  const change = <K extends ListName>(list: K, index: number, item: PlanValues[K][number]) => update(list, (items) => replaced(items, index, item));
  const controls = (list: ListName, index: number, name: string) => ({
    name,
    index,
    count: values[list].length,
    onMove: (by: -1 | 1) => {
      update(list, (items) => moved(items, index, by));
      const item = `[data-item="${list}-${index + by}"]`;
      focusLater(`${item} [data-move="${by < 0 ? 'up' : 'down'}"]:not(:disabled)`, `${item} [data-move]:not(:disabled)`);
    },
    onRemove: () => {
      update(list, (items) => without(items, index));
      focusLater(`[data-add="${list}"]`);
    },
  });
  const add = <K extends ListName>(list: K, item: PlanValues[K][number]) => {
    update(list, (items) => [...items, item]);
    focusLater(`[data-item="${list}-${values[list].length}"] :is(input, textarea)`);
  };

  const submit = () => {
    const body = planBody(values, base.version);
    const parsed = safetyPlanBody.safeParse(body);
    if (!parsed.success) {
      setFieldErrors(planProblems(parsed.error.issues));
      return;
    }
    setFieldErrors({});
    save.mutate(parsed.data);
  };
  const full = (list: ListName) => values[list].length >= (list === 'steps' ? portalLimits.safetyPlanSteps : portalLimits.safetyPlanContacts);

  return (
    <Box ref={container}>
      <Form onSubmit={submit}>
        <FormAlert error={theirs ? null : save.error} fieldErrors={fieldErrors} />
        {theirs && (
          <ConflictNotice
            fields={comparedPlanFields}
            loaded={planValues(base)}
            mine={values}
            theirs={planValues(theirs)}
            onUseTheirs={() => {
              setBase(theirs);
              setValues(planValues(theirs));
              setTheirs(null);
              save.reset();
            }}
            onKeepMine={() => {
              setValues(mergedPlan(planValues(base), values, planValues(theirs)));
              setBase(theirs);
              setTheirs(null);
              save.reset();
            }}
          />
        )}
        <Fieldset legend="Steps">
          <Stack gap="sm">
            <Text size="sm">What they can do to keep safe, in the order they would do it.</Text>
            {values.steps.map((step, i) => (
              <Paper key={i} withBorder p="xs" data-item={`steps-${i}`}>
                <Textarea
                  label={`Step ${i + 1}`}
                  value={step}
                  onChange={(e) => change('steps', i, e.currentTarget.value)}
                  error={fieldErrors[`steps.${i}`]}
                  autosize
                  minRows={1}
                  maxRows={6}
                />
                <ItemControls {...controls('steps', i, `step ${i + 1}`)} />
              </Paper>
            ))}
            <Group>
              <Button variant="default" onClick={() => add('steps', '')} disabled={full('steps')} data-add="steps">
                Add a step
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Fieldset legend="Safe contacts">
          <Stack gap="sm">
            <Text size="sm">People they can go to or ring.</Text>
            {values.safeContacts.map((contact, i) => {
              const set = (field: keyof typeof contact, value: string) => change('safeContacts', i, { ...contact, [field]: value });
              return (
                <Fieldset key={i} legend={`Safe contact ${i + 1}`} variant="filled" data-item={`safeContacts-${i}`}>
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput label="Name" value={contact.name} onChange={(e) => set('name', e.currentTarget.value)} error={fieldErrors[`safeContacts.${i}.name`]} />
                    <TextInput label="Phone number" type="tel" value={contact.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={fieldErrors[`safeContacts.${i}.phone`]} />
                    <TextInput label="Note" value={contact.note} onChange={(e) => set('note', e.currentTarget.value)} error={fieldErrors[`safeContacts.${i}.note`]} />
                  </SimpleGrid>
                  <ItemControls {...controls('safeContacts', i, `safe contact ${i + 1}`)} />
                </Fieldset>
              );
            })}
            <Group>
              <Button variant="default" onClick={() => add('safeContacts', blankSafeContact)} disabled={full('safeContacts')} data-add="safeContacts">
                Add a safe contact
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Fieldset legend="Emergency contacts">
          <Stack gap="sm">
            <Text size="sm">The portal always shows 999 first; add the numbers that matter to them, such as a helpline.</Text>
            {values.emergencyContacts.map((contact, i) => {
              const set = (field: keyof typeof contact, value: string) => change('emergencyContacts', i, { ...contact, [field]: value });
              return (
                <Fieldset key={i} legend={`Emergency contact ${i + 1}`} variant="filled" data-item={`emergencyContacts-${i}`}>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput label="Name" value={contact.name} onChange={(e) => set('name', e.currentTarget.value)} error={fieldErrors[`emergencyContacts.${i}.name`]} />
                    <TextInput label="Phone number" type="tel" value={contact.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={fieldErrors[`emergencyContacts.${i}.phone`]} />
                  </SimpleGrid>
                  <ItemControls {...controls('emergencyContacts', i, `emergency contact ${i + 1}`)} />
                </Fieldset>
              );
            })}
            <Group>
              <Button variant="default" onClick={() => add('emergencyContacts', blankEmergencyContact)} disabled={full('emergencyContacts')} data-add="emergencyContacts">
                Add an emergency contact
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <FormButtons submitLabel="Save the safety plan" pending={save.isPending} onCancel={done} />
        {guard.dialog}
      </Form>
    </Box>
  );
}
