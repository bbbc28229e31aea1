import { useEffect, useRef } from 'react';
import { Badge, Button, Checkbox, Group, Menu, NumberInput, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { TemplateQuestion } from '../../shared/api/assessments.ts';
import { questionKindLabels, questionKinds, questionNatureLabels, questionNatures } from '../../shared/assessments.ts';
import { TemplateOptionsEditor } from './TemplateOptionsEditor.tsx';
import { TemplateQuestionSummary } from './TemplateQuestionSummary.tsx';
import { conditionOnLaterProblem, keyFrom, placeholderKey, withKind, type NumberedQuestion } from './TemplateDraft.ts';

interface Props {
  question: TemplateQuestion;
  /** 1-based, for labels: "Question 3". */
  number: number;
  isFirst: boolean;
  isLast: boolean;
  /** The questions before this one, which a condition may depend on. */
  earlier: TemplateQuestion[];
  /** Every key in the template, to keep a new key unique. */
  keys: ReadonlySet<string>;
  /** Problems with anything but the condition. */
  problems: string[];
  conditionProblems: string[];
  /** The later question the condition names, which it may not: said in words instead of the engine's. */
  laterSource: NumberedQuestion | undefined;
  /** The other sections, to move the question to the end of one. */
  moveTargets: { index: number; label: string }[];
  /** Takes the focus when set, as after a move to another section, then says so with onFocused. */
  focused: boolean;
  onFocused: () => void;
  onMoveTo: (section: number) => void;
  onChange: (question: TemplateQuestion) => void;
  onRenameKey: (from: string, to: string) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
  /** False for a form that only asks: no options' scores, no objective or subjective, no family grid. */
  scored: boolean;
}

const kindData = questionKinds.map((k) => ({ value: k, label: questionKindLabels[k] }));
// The public answers a referral form about one person, so there is no family to ask about.
const unscoredKindData = kindData.filter((k) => k.value !== 'family_grid');
const natureData = questionNatures.map((n) => ({ value: n, label: questionNatureLabels[n] }));
const choosing = new Set(['yes_no', 'single_choice', 'multiple_choice']);
const int = (value: number | string) => (typeof value === 'number' ? Math.trunc(value) : Number.parseInt(value, 10) || 0);

export function TemplateQuestionEditor(props: Props) {
  const { question, number, isFirst, isLast, earlier, keys, problems, conditionProblems, laterSource, moveTargets, focused, onFocused, onMoveTo, onChange, onRenameKey, onMove, onRemove, scored } = props;
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!focused || !item.current) return;
    // Its wording and any problem come into view below the sticky header, not only the part the browser would scroll to.
    item.current.focus({ preventScroll: true });
    item.current.scrollIntoView({ block: 'start' });
    onFocused();
  }, [focused, onFocused]);
  const name = question.text.trim() || 'new question';
  const own = question.questionId === null;
  const set = (change: Partial<TemplateQuestion>) => onChange({ ...question, ...change });
  const conditionSources = earlier.filter((q) => choosing.has(q.kind));
  const source = conditionSources.find((q) => q.key === question.condition?.questionKey);
  const otherKeys = new Set([...keys].filter((k) => k !== question.key));
  const shownProblems = [...problems, ...(laterSource ? [conditionOnLaterProblem(laterSource)] : conditionProblems)];
  // A condition left naming a later question stays on screen, so it can be seen and cleared.
  const conditionData = [
    ...conditionSources.map((q) => ({ value: q.key, label: q.text || q.key })),
    ...(laterSource ? [{ value: laterSource.key, label: `${laterSource.text} (question ${laterSource.number}, after this one)` }] : []),
  ];

  return (
    <Paper withBorder p="sm" component="li" aria-label={`Question ${number}: ${name}`} ref={item} tabIndex={-1} style={{ scrollMarginTop: 'calc(var(--app-shell-header-height, 64px) + var(--mantine-spacing-sm))' }}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Text fw={700}>Question {number}</Text>
            {scored && (
              <Badge variant="light" color={own ? 'grape' : 'blue'}>
                {own ? "Your team's wording" : 'From the bank'}
              </Badge>
            )}
          </Group>
          <Group gap={4}>
            <Button size="xs" variant="default" disabled={isFirst} onClick={() => onMove(-1)} aria-label={`Move ${name} up`}>
              Move up
            </Button>
            <Button size="xs" variant="default" disabled={isLast} onClick={() => onMove(1)} aria-label={`Move ${name} down`}>
              Move down
            </Button>
            {moveTargets.length > 0 && (
              // Opening by keyboard focuses the first section before the menu is placed, which can
              // scroll the page; a menu hidden when its button leaves the view would then vanish.
              <Menu position="bottom-end" withinPortal hideDetached={false}>
                <Menu.Target>
                  <Button size="xs" variant="default" aria-label={`Move to section: ${name}`}>
                    Move to section
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>To the end of</Menu.Label>
                  {moveTargets.map((t) => (
                    <Menu.Item key={t.index} onClick={() => onMoveTo(t.index)}>
                      {t.label}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
            <Button size="xs" variant="subtle" color="red" onClick={onRemove} aria-label={`Remove ${name}`}>
              Remove
            </Button>
          </Group>
        </Group>
        {shownProblems.length > 0 && (
          <Text c="red.8" size="sm" role="alert">
            {shownProblems.join('; ')}
          </Text>
        )}
        {own ? (
          <>
            <Textarea
              label={`Wording of question ${number}`}
              required
              autosize
              minRows={1}
              value={question.text}
              onChange={(e) => set({ text: e.currentTarget.value })}
              onBlur={() => {
                if (placeholderKey.test(question.key) && question.text.trim()) onRenameKey(question.key, keyFrom(question.text, otherKeys));
              }}
            />
            <Textarea
              label={`Guidance for question ${number}`}
              autosize
              minRows={1}
              value={question.guidance ?? ''}
              onChange={(e) => set({ guidance: e.currentTarget.value || null })}
            />
            <Group gap="sm" align="flex-end" wrap="wrap">
              <Select label={`Kind of answer to question ${number}`} data={scored ? kindData : unscoredKindData} value={question.kind} allowDeselect={false} onChange={(v) => v && onChange(withKind(question, v as TemplateQuestion['kind']))} w={260} />
              {scored && (
                <Select label={`Objective or subjective (question ${number})`} data={natureData} value={question.nature} allowDeselect={false} onChange={(v) => v && set({ nature: v as TemplateQuestion['nature'] })} w={240} />
              )}
              <TextInput
                label={`Key of question ${number}`}
                description="Names the answer in exports and the API"
                value={question.key}
                onChange={(e) => onRenameKey(question.key, e.currentTarget.value)}
                w={220}
              />
            </Group>
            {question.options.length > 0 && (
              <TemplateOptionsEditor options={question.options} onChange={(options) => set({ options })} fixed={question.kind === 'yes_no'} questionLabel={name} scored={scored} />
            )}
            {question.kind === 'scale' && (
              <Group gap="sm">
                <NumberInput label={`Lowest rating (question ${number})`} value={question.scale?.min ?? 1} onChange={(v) => set({ scale: { min: int(v), max: question.scale?.max ?? 10 } })} w={180} />
                <NumberInput label={`Highest rating (question ${number})`} value={question.scale?.max ?? 10} onChange={(v) => set({ scale: { min: question.scale?.min ?? 1, max: int(v) } })} w={180} />
              </Group>
            )}
          </>
        ) : (
          <TemplateQuestionSummary question={question} />
        )}
        <Checkbox label={`Question ${number} must be answered`} checked={question.required} onChange={(e) => set({ required: e.currentTarget.checked })} />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={`Show question ${number} only when`}
            placeholder="Always shown"
            description={conditionSources.length === 0 && !laterSource ? 'No earlier question is answered by choosing' : undefined}
            error={laterSource !== undefined || conditionProblems.length > 0}
            data={conditionData}
            value={question.condition?.questionKey ?? null}
            onChange={(v) => set({ condition: v ? { questionKey: v, values: [] } : null })}
            clearable
            disabled={conditionSources.length === 0 && !question.condition}
            w={320}
          />
          {source && (
            <Checkbox.Group
              label={`is answered (question ${number} shows for any of these)`}
              value={question.condition?.values ?? []}
              onChange={(values) => set({ condition: { questionKey: source.key, values } })}
            >
              <Group gap="md" mt={4}>
                {source.options.map((o) => (
                  <Checkbox key={o.value} value={o.value} label={o.label || o.value} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
