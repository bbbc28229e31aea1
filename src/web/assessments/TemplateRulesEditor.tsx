import { Button, Checkbox, Fieldset, Group, NumberInput, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import type { Band, TemplateDefinition, Threshold } from '../../shared/api/assessments.ts';
import { adjustmentRuleLabels, adjustmentRules, bandColours, chartKinds, type ChartKind } from '../../shared/assessments.ts';
import { riskLevelLabels, riskLevels } from '../../shared/records.ts';
import { useTemplates } from './template-api.ts';
import type { Problems } from './TemplateDraft.ts';

interface Props {
  definition: TemplateDefinition;
  problems: Problems;
  onChange: (definition: TemplateDefinition) => void;
}

const colourLabels: Record<Band['colour'], string> = { green: 'Green', yellow: 'Yellow', orange: 'Orange', red: 'Red', blue: 'Blue', grey: 'Grey' };
const chartLabels: Record<ChartKind, string> = { line: 'A line of total scores over time', wheel: 'A wheel of each rating (pathways)' };
const int = (value: number | string) => (typeof value === 'number' ? Math.trunc(value) : Number.parseInt(value, 10) || 0);
const messages = (problems: Problems, ...fields: string[]) => fields.flatMap((f) => problems[f] ?? []).join('; ') || undefined;

export function TemplateRulesEditor({ definition, problems, onChange }: Props) {
  const templates = useTemplates();
  const set = (change: Partial<TemplateDefinition>) => onChange({ ...definition, ...change });
  const setBand = (i: number, change: Partial<Band>) => set({ bands: definition.bands.map((b, n) => (n === i ? { ...b, ...change } : b)) });
  const setThreshold = (i: number, change: Partial<Threshold>) => set({ thresholds: definition.thresholds.map((t, n) => (n === i ? { ...t, ...change } : t)) });
  const scored = definition.scoring === 'sum';
  const bandProblem = messages(problems, 'definition.bands');
  const lastBand = definition.bands.at(-1);

  return (
    <Stack gap="md">
      <Radio.Group label="Scoring" value={definition.scoring} onChange={(v) => set({ scoring: v as TemplateDefinition['scoring'] })} error={messages(problems, 'definition.scoring')}>
        <Stack gap={4} mt={4}>
          <Radio value="sum" label="Add up the scores of the options chosen (and the ratings)" />
          <Radio value="none" label="Not scored" />
        </Stack>
      </Radio.Group>

      <Fieldset legend="Bands">
        <Stack gap="xs">
          <Text size="sm">Score ranges with a label and a colour. Leave “up to” empty for the top band (“and above”).</Text>
          {bandProblem && (
            <Text c="red.8" size="sm" role="alert">
              {bandProblem}
            </Text>
          )}
          {definition.bands.map((b, i) => (
            <Group key={i} gap="xs" align="flex-end" wrap="wrap">
              <TextInput label={`Label of band ${i + 1}`} value={b.label} onChange={(e) => setBand(i, { label: e.currentTarget.value })} error={messages(problems, `definition.bands.${i}.label`)} w={180} />
              <NumberInput label={`Band ${i + 1} from`} value={b.min} onChange={(v) => setBand(i, { min: int(v) })} allowDecimal={false} w={110} />
              <NumberInput label={`Band ${i + 1} up to`} value={b.max ?? ''} onChange={(v) => setBand(i, { max: v === '' ? null : int(v) })} allowDecimal={false} w={110} />
              <Select label={`Colour of band ${i + 1}`} data={bandColours.map((c) => ({ value: c, label: colourLabels[c] }))} value={b.colour} allowDeselect={false} onChange={(v) => v && setBand(i, { colour: v as Band['colour'] })} w={130} />
              <Select
                label={`Risk level of band ${i + 1}`}
                placeholder="None"
                data={riskLevels.map((r) => ({ value: r, label: riskLevelLabels[r] }))}
                value={b.riskLevel}
                onChange={(v) => setBand(i, { riskLevel: v as Band['riskLevel'] })}
                clearable
                w={140}
              />
              <Button variant="subtle" color="red" size="xs" onClick={() => set({ bands: definition.bands.filter((_, n) => n !== i) })} aria-label={`Remove band ${i + 1}`}>
                Remove
              </Button>
            </Group>
          ))}
          <Group>
            <Button
              size="xs"
              variant="default"
              disabled={!scored}
              onClick={() => set({ bands: [...definition.bands, { label: '', min: lastBand ? (lastBand.max ?? lastBand.min) + 1 : 0, max: null, colour: 'grey', riskLevel: null }] })}
            >
              Add a band
            </Button>
          </Group>
        </Stack>
      </Fieldset>

      <Fieldset legend="Thresholds">
        <Stack gap="xs">
          <Text size="sm">A score at or above a threshold sets the assessor a reminder; with a follow-up, the record is flagged until that assessment is completed.</Text>
          {messages(problems, 'definition.thresholds') && <Text c="red.8" size="sm">{messages(problems, 'definition.thresholds')}</Text>}
          {definition.thresholds.map((t, i) => (
            <Group key={i} gap="xs" align="flex-end" wrap="wrap">
              <NumberInput label={`Threshold ${i + 1}: score at least`} value={t.min} onChange={(v) => setThreshold(i, { min: int(v) })} allowDecimal={false} w={170} />
              <TextInput label={`Threshold ${i + 1}: what to do`} value={t.label} onChange={(e) => setThreshold(i, { label: e.currentTarget.value })} error={messages(problems, `definition.thresholds.${i}.label`)} w={260} />
              <Select
                label={`Threshold ${i + 1}: follow-up assessment`}
                placeholder="None"
                data={(templates.data?.items ?? []).map((tpl) => ({ value: tpl.key, label: tpl.name }))}
                value={t.followUp}
                onChange={(v) => setThreshold(i, { followUp: v })}
                clearable
                w={240}
              />
              <Button variant="subtle" color="red" size="xs" onClick={() => set({ thresholds: definition.thresholds.filter((_, n) => n !== i) })} aria-label={`Remove threshold ${i + 1}`}>
                Remove
              </Button>
            </Group>
          ))}
          <Group>
            <Button size="xs" variant="default" disabled={!scored} onClick={() => set({ thresholds: [...definition.thresholds, { min: 1, label: '', followUp: null }] })}>
              Add a threshold
            </Button>
          </Group>
        </Stack>
      </Fieldset>

      <Radio.Group label="Adjusting the score" value={definition.adjustment} onChange={(v) => set({ adjustment: v as TemplateDefinition['adjustment'] })}>
        <Stack gap={4} mt={4}>
          {adjustmentRules.map((r) => (
            <Radio key={r} value={r} label={adjustmentRuleLabels[r]} disabled={!scored && r !== 'not_allowed'} />
          ))}
        </Stack>
      </Radio.Group>
      <Checkbox
        label="The latest completed assessment sets the profile's risk level (from its band)"
        checked={definition.setsRiskLevel}
        onChange={(e) => set({ setsRiskLevel: e.currentTarget.checked })}
      />
      <Radio.Group label="Comparing reviews" value={definition.chart} onChange={(v) => set({ chart: v as ChartKind })} error={messages(problems, 'definition.chart')}>
        <Stack gap={4} mt={4}>
          {chartKinds.map((c) => (
            <Radio key={c} value={c} label={chartLabels[c]} />
          ))}
        </Stack>
      </Radio.Group>
      <Checkbox
        label="A family assessment: family members are pulled through from the profile's relationships or the case's people"
        checked={definition.family}
        onChange={(e) => set({ family: e.currentTarget.checked })}
      />
    </Stack>
  );
}
