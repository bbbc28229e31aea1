import { useState } from 'react';
import { Button, Fieldset, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { TemplateQuestion, TemplateSection } from '../../shared/api/assessments.ts';
import { TemplateBankPicker } from './TemplateBankPicker.tsx';
import { TemplateQuestionEditor } from './TemplateQuestionEditor.tsx';
import { fromBank, moved, uidOf, ownQuestion, problemsUnder, type NumberedQuestion, type Problems } from './TemplateDraft.ts';

interface Props {
  section: TemplateSection;
  index: number;
  sectionCount: number;
  /** How many questions come before this section, to number its questions. */
  before: number;
  /** The questions of earlier sections, which conditions may depend on. */
  earlier: TemplateQuestion[];
  keys: ReadonlySet<string>;
  problems: Problems;
  /** By question uid: the later question its condition names, if any. */
  laterSources: ReadonlyMap<string, NumberedQuestion>;
  /** The other sections a question may move to. */
  moveTargets: { index: number; label: string }[];
  /** The uid of the question to take the focus once it is on screen. */
  focusUid: string | null;
  onFocused: () => void;
  onChange: (section: TemplateSection) => void;
  onRenameKey: (from: string, to: string) => void;
  onMove: (delta: number) => void;
  /** Moves the question at `index` to the end of section `to`. */
  onMoveQuestion: (index: number, to: number) => void;
  onRemove: () => void;
  /** Says what just happened, for screen reader users ("Moved … up"). */
  announce: (message: string) => void;
  /** False for a form that only asks: its questions are written here, not taken from the scored bank. */
  scored: boolean;
}

export function TemplateSectionEditor(props: Props) {
  const { section, index, sectionCount, before, earlier, keys, problems, laterSources, moveTargets, focusUid, onFocused, onChange, onRenameKey, onMove, onMoveQuestion, onRemove, announce, scored } = props;
  const [picking, setPicking] = useState(false);
  const prefix = `definition.sections.${index}`;
  const title = section.title.trim() || `Section ${index + 1}`;
  const setQuestions = (questions: TemplateQuestion[]) => onChange({ ...section, questions });
  const used = new Set(section.questions.flatMap((q) => (q.questionId ? [q.questionId] : [])));
  const ownProblems = [...(problems[prefix] ?? []), ...(problems[`${prefix}.title`] ?? []), ...(problems[`${prefix}.questions`] ?? [])];

  return (
    <Fieldset legend={`Section ${index + 1}: ${title}`}>
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={`Title of section ${index + 1}`}
            required
            value={section.title}
            onChange={(e) => onChange({ ...section, title: e.currentTarget.value })}
            error={(problems[`${prefix}.title`] ?? []).join('; ') || undefined}
            w={300}
          />
          <Group gap={4}>
            <Button size="xs" variant="default" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move section ${title} up`}>
              Move section up
            </Button>
            <Button size="xs" variant="default" disabled={index === sectionCount - 1} onClick={() => onMove(1)} aria-label={`Move section ${title} down`}>
              Move section down
            </Button>
            <Button size="xs" variant="subtle" color="red" disabled={sectionCount === 1} onClick={onRemove} aria-label={`Remove section ${title}`}>
              Remove section
            </Button>
          </Group>
        </Group>
        {ownProblems.length > 0 && !problems[`${prefix}.title`] && (
          <Text c="red.8" size="sm">
            {ownProblems.join('; ')}
          </Text>
        )}
        {section.questions.length === 0 && <Text size="sm">{scored ? 'This section has no questions yet: add one from the bank or write your own.' : 'This section has no questions yet.'}</Text>}
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {section.questions.map((question, i) => (
            <TemplateQuestionEditor
              key={uidOf(question)}
              question={question}
              number={before + i + 1}
              isFirst={i === 0}
              isLast={i === section.questions.length - 1}
              earlier={[...earlier, ...section.questions.slice(0, i)]}
              keys={keys}
              problems={problemsUnder(problems, `${prefix}.questions.${i}`, `${prefix}.questions.${i}.condition`)}
              conditionProblems={problemsUnder(problems, `${prefix}.questions.${i}.condition`)}
              laterSource={laterSources.get(uidOf(question))}
              scored={scored}
              moveTargets={moveTargets}
              focused={focusUid === uidOf(question)}
              onFocused={onFocused}
              onMoveTo={(to) => onMoveQuestion(i, to)}
              onChange={(q) => setQuestions(section.questions.map((old, n) => (n === i ? q : old)))}
              onRenameKey={onRenameKey}
              onMove={(delta) => {
                setQuestions(moved(section.questions, i, delta));
                announce(`Moved question ${before + i + 1} ${delta < 0 ? 'up' : 'down'}.`);
              }}
              onRemove={() => {
                setQuestions(section.questions.filter((_, n) => n !== i));
                announce(`Removed question ${before + i + 1}.`);
              }}
            />
          ))}
        </Stack>
        <Group gap="sm">
          {scored && (
            <Button variant="default" size="sm" onClick={() => setPicking(true)}>
              Add from the bank{sectionCount > 1 ? ` to ${title}` : ''}
            </Button>
          )}
          <Button
            variant="default"
            size="sm"
            onClick={() => {
              setQuestions([...section.questions, ownQuestion(keys)]);
              announce(`Added question ${before + section.questions.length + 1}; type its wording.`);
            }}
          >
            {scored ? 'Write your own question' : 'Add a question'}{sectionCount > 1 ? ` in ${title}` : ''}
          </Button>
        </Group>
      </Stack>
      <Modal opened={picking} onClose={() => setPicking(false)} title={`Add questions from the bank to ${title}`} size="xl">
        {picking && (
          <TemplateBankPicker
            used={used}
            onAdd={(bq) => {
              setQuestions([...section.questions, fromBank(bq, keys)]);
              announce(`Added “${bq.text}” to ${title}.`);
            }}
          />
        )}
      </Modal>
    </Fieldset>
  );
}

