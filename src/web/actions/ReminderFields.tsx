import { useQuery } from '@tanstack/react-query';
import { MultiSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { actionRecipientOptions, type Action } from '../../shared/api/tasks.ts';
import { get } from '../api/client.ts';
import type { FieldErrors } from '../components/forms.ts';
import { actionKeys } from './keys.ts';
import { londonDayAndTime } from './london.ts';

export interface ReminderValues {
  title: string;
  notes: string;
  day: string;
  time: string;
  recipientIds: string[];
}

export const reminderLabels = { title: 'What to do', notes: 'Notes', dueAt: 'Date and time', day: 'Date', time: 'Time', recipientIds: 'Share with' };

export function reminderValues(reminder: Action): ReminderValues {
  return { title: reminder.title, notes: reminder.notes ?? '', ...londonDayAndTime(new Date(reminder.dueAt)), recipientIds: reminder.recipients.map((r) => r.id) };
}

export const optionalNotes = (notes: string) => (notes.trim() === '' ? null : notes);

function useRecipientOptions(chosen: Action['recipients']) {
  const options = useQuery({ queryKey: actionKeys.recipients, queryFn: () => get('/actions/recipients', actionRecipientOptions), staleTime: 60_000 });
  // People a reminder is already shared with stay listed even if they have since left the team.
  const all = [...(options.data?.items ?? [])];
  for (const person of chosen) if (!all.some((o) => o.id === person.id)) all.push(person);
  return all.map((o) => ({ value: o.id, label: o.name }));
}

interface Props {
  values: ReminderValues;
  set: <K extends keyof ReminderValues>(field: K, value: ReminderValues[K]) => void;
  fieldErrors: FieldErrors;
  /** Who it is shared with already, so their names show before the options load. */
  sharedWith?: Action['recipients'];
}

export function ReminderFields({ values, set, fieldErrors, sharedWith = [] }: Props) {
  const options = useRecipientOptions(sharedWith);
  return (
    <>
      <TextInput label={reminderLabels.title} required value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={fieldErrors.title} maxLength={200} />
      <Textarea label={reminderLabels.notes} autosize minRows={2} value={values.notes} onChange={(e) => set('notes', e.currentTarget.value)} error={fieldErrors.notes} />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput
          label={reminderLabels.day}
          type="date"
          required
          value={values.day}
          onChange={(e) => set('day', e.currentTarget.value)}
          error={fieldErrors.dueAt}
        />
        <TextInput label={reminderLabels.time} description="UK time" type="time" required value={values.time} onChange={(e) => set('time', e.currentTarget.value)} />
      </SimpleGrid>
      <MultiSelect
        label={reminderLabels.recipientIds}
        description="Members of your team to remind as well"
        placeholder={values.recipientIds.length === 0 ? 'Only me' : undefined}
        data={options}
        value={values.recipientIds}
        onChange={(value) => set('recipientIds', value)}
        error={fieldErrors.recipientIds}
        searchable
        clearable
      />
    </>
  );
}
