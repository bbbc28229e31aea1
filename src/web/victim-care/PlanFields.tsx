import { useQuery } from '@tanstack/react-query';
import { Checkbox, NativeSelect, NumberInput, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { casePage } from '../../shared/api/cases.ts';
import type { ContactPlan } from '../../shared/api/victim-care.ts';
import { contactChannelLabels, contactChannels, type ContactChannel } from '../../shared/victim-care.ts';
import { get, withQuery } from '../api/client.ts';
import type { FieldErrors } from '../components/forms.ts';
import { profileKeys } from '../profiles/keys.ts';
import { planLabels, safetyFields, type PlanValues } from './plan.ts';

interface Props {
  profileId: string;
  values: PlanValues;
  onChange: (values: PlanValues) => void;
  fieldErrors: FieldErrors;
  /** The partnership's cadence for the person's risk level, which a blank frequency takes. */
  defaultDays: number | null;
  /** The plan's case as it was loaded, named even if it is no longer among the person's cases. */
  knownCase: ContactPlan['case'];
}

export function PlanFields({ profileId, values, onChange, fieldErrors, defaultDays, knownCase }: Props) {
  const set = <K extends keyof PlanValues>(field: K, value: PlanValues[K]) => onChange({ ...values, [field]: value });
  const cases = useQuery({
    queryKey: profileKeys.cases(profileId),
    queryFn: () => get(withQuery('/cases', { profileId, limit: 50 }), casePage),
  });
  const caseOptions = new Map((cases.data?.items ?? []).map((c) => [c.id, `${c.reference}: ${c.title}`]));
  if (knownCase && !caseOptions.has(knownCase.id)) caseOptions.set(knownCase.id, `${knownCase.reference}: ${knownCase.title}`);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={planLabels.frequencyDays}
          description={defaultDays ? `Leave blank for the partnership's ${defaultDays} days at this person's risk level.` : 'Leave blank for the partnership’s cadence at this person’s risk level.'}
          value={values.frequencyDays}
          onChange={(v) => set('frequencyDays', String(v))}
          error={fieldErrors.frequencyDays}
          min={1}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          hideControls
        />
        <NativeSelect
          label={planLabels.caseId}
          description="The case this contact belongs to, if any"
          value={values.caseId}
          onChange={(e) => set('caseId', e.currentTarget.value)}
          error={fieldErrors.caseId}
          data={[{ value: '', label: 'Not tied to a case' }, ...[...caseOptions].map(([value, label]) => ({ value, label }))]}
        />
        <NativeSelect
          label={planLabels.preferredChannel}
          value={values.preferredChannel}
          onChange={(e) => set('preferredChannel', e.currentTarget.value as ContactChannel | '')}
          error={fieldErrors.preferredChannel}
          data={[{ value: '', label: 'No preference' }, ...contactChannels.map((c) => ({ value: c, label: contactChannelLabels[c] }))]}
        />
        <Textarea
          label={planLabels.safeTimes}
          description="When the victim can talk freely, e.g. weekdays after 10, not when their partner is home"
          value={values.safeTimes}
          onChange={(e) => set('safeTimes', e.currentTarget.value)}
          error={fieldErrors.safeTimes}
          autosize
          minRows={2}
          maxRows={5}
        />
      </SimpleGrid>
      <Checkbox.Group
        label="What is safe"
        description="Tick only what the victim has said is safe: someone else may read their texts, email or post, or hear a voicemail. Concord will not record sending anything by a channel left unticked."
        value={safetyFields.filter((field) => values[field])}
        onChange={(ticked) => onChange({ ...values, ...Object.fromEntries(safetyFields.map((field) => [field, ticked.includes(field)])) })}
      >
        <Stack gap="xs" mt="xs">
          {safetyFields.map((field) => (
            <Checkbox key={field} value={field} label={planLabels[field]} />
          ))}
        </Stack>
      </Checkbox.Group>
    </Stack>
  );
}
