import { useState } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { TemplateDefinition } from '../../shared/api/assessments.ts';
import { TemplateSectionEditor } from './TemplateSectionEditor.tsx';
import { allQuestions, conditionsOnLater, moved, movedMessage, movedToSection, renameKey, sectionName, uidOf, type Problems } from './TemplateDraft.ts';

interface Props {
  definition: TemplateDefinition;
  problems: Problems;
  onChange: (definition: TemplateDefinition) => void;
  announce: (message: string) => void;
  /** False for a form that only asks (a referral form): no scores, no bank, no family grids. */
  scored?: boolean;
}

/** The template's sections in order, each with its questions. */
export function TemplateSections({ definition, problems, onChange, announce, scored = true }: Props) {
  // The question just moved to another section: it is mounted afresh there and takes the focus.
  const [focusUid, setFocusUid] = useState<string | null>(null);
  const keys = new Set(allQuestions(definition).map((q) => q.key));
  const laterSources = new Map(conditionsOnLater(definition).map((c) => [c.question.uid, c.source]));
  const setSections = (sections: TemplateDefinition['sections']) => onChange({ ...definition, sections });
  const sectionProblems = problems['definition.sections'] ?? [];
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Sections and questions
      </Title>
      {sectionProblems.length > 0 && <Text c="red.8" size="sm">{sectionProblems.join('; ')}</Text>}
      {definition.sections.map((section, i) => (
        <TemplateSectionEditor
          key={i}
          section={section}
          index={i}
          sectionCount={definition.sections.length}
          before={definition.sections.slice(0, i).reduce((n, s) => n + s.questions.length, 0)}
          earlier={definition.sections.slice(0, i).flatMap((s) => s.questions)}
          keys={keys}
          problems={problems}
          laterSources={laterSources}
          moveTargets={definition.sections.flatMap((_, n) => (n === i ? [] : [{ index: n, label: sectionName(definition, n) }]))}
          focusUid={focusUid}
          onFocused={() => setFocusUid(null)}
          onChange={(changed) => setSections(definition.sections.map((s, n) => (n === i ? changed : s)))}
          onRenameKey={(from, to) => onChange(renameKey(definition, from, to))}
          onMoveQuestion={(index, to) => {
            const uid = uidOf(section.questions[index]!);
            const next = movedToSection(definition, { section: i, index }, to);
            onChange(next);
            setFocusUid(uid);
            announce(movedMessage(next, uid));
          }}
          onMove={(delta) => {
            setSections(moved(definition.sections, i, delta));
            announce(`Moved section ${i + 1} ${delta < 0 ? 'up' : 'down'}.`);
          }}
          onRemove={() => {
            setSections(definition.sections.filter((_, n) => n !== i));
            announce(`Removed section ${i + 1}.`);
          }}
          announce={announce}
          scored={scored}
        />
      ))}
      <Group>
        <Button
          variant="default"
          onClick={() => {
            setSections([...definition.sections, { title: `Section ${definition.sections.length + 1}`, questions: [] }]);
            announce(`Added section ${definition.sections.length + 1}.`);
          }}
        >
          Add a section
        </Button>
      </Group>
    </Stack>
  );
}
