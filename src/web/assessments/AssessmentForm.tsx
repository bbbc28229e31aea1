import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Grid, List, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import type { Assessment, Template } from '../../shared/api/assessments.ts';
import { askedQuestions, missingAnswers, type Problem } from '../../shared/forms/engine.ts';
import { visibilities, visibilityLabels, type Visibility } from '../../shared/work.ts';
import { isApiError, messageOf } from '../api/errors.ts';
import { AutosaveStatus } from '../components/AutosaveStatus.tsx';
import { notifySaved } from '../components/notify.ts';
import { useAutosave } from '../components/useAutosave.ts';
import { useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { useCompleteAssessment, useSaveDraft } from './api.ts';
import { AssessmentCompletePanel, emptyCompleteValues, type CompleteValues } from './AssessmentCompletePanel.tsx';
import { AssessmentConflict } from './AssessmentConflict.tsx';
import { AssessmentDiscard } from './AssessmentDiscard.tsx';
import { useDraftState, type DraftAnswers } from './AssessmentDraftState.ts';
import { AssessmentQuestion, questionAnchor } from './AssessmentQuestion.tsx';
import { AssessmentScorePreview } from './AssessmentScorePreview.tsx';

/** Messages under each question and completion field, from the browser's own check or the server's 422. */
function messagesOf(problems: Problem[]): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const { field, problem } of problems) {
    if (messages[field]) continue;
    if (field.startsWith('answers.')) messages[field] = problem === 'is required' ? 'Answer this question' : `This answer ${problem}`;
    else if (field === 'reviewOn') messages[field] = `The review date ${problem}`;
    else if (field === 'adjustment.score') messages[field] = `The adjusted score ${problem}`;
    else if (field === 'adjustment.reason') messages[field] = `The reasons ${problem}`;
    else if (field === 'adjustment') messages['adjustment.reason'] = `The adjustment ${problem}`;
    else messages[field] = problem;
  }
  return messages;
}

function focusFirst(fields: string[], order: string[]) {
  const first = order.find((key) => fields.includes(`answers.${key}`));
  // After React has shown the messages, so the field read out carries its error.
  setTimeout(() => {
    const target = first
      ? document.getElementById(questionAnchor(first))?.querySelector<HTMLElement>('input, textarea')
      : document.getElementById('complete-heading')?.closest('section')?.querySelector<HTMLElement>('[aria-invalid="true"]');
    target?.focus();
  }, 0);
}

/** The summary above the form: how many answers need attention, and any other problem in words. */
function AssessmentProblems({ errors }: { errors: Record<string, string> }) {
  const fields = Object.keys(errors);
  if (fields.length === 0) return null;
  const answers = fields.filter((f) => f.startsWith('answers.')).length;
  const others = fields.filter((f) => !f.startsWith('answers.'));
  return (
    <Alert color="red" title="There is a problem" role="alert">
      {answers > 0 && <Text size="sm">{answers === 1 ? 'One answer needs' : `${answers} answers need`} attention; each is marked below.</Text>}
      {others.length > 0 && (
        <List size="sm">
          {others.map((f) => <List.Item key={f}>{errors[f]}</List.Item>)}
        </List>
      )}
    </Alert>
  );
}

/** A draft: every asked question in its section, saved as work in progress and completed when ready. */
export function AssessmentForm({ assessment, template, onUnsavedChange }: {
  assessment: Assessment;
  template: Template;
  /** Told of this person's unsaved answers, so they outlive the form if a teammate completes the draft. */
  onUnsavedChange: (answers: DraftAnswers) => void;
}) {
  const navigate = useNavigate();
  const state = useDraftState(assessment);
  const unsavedKey = JSON.stringify(state.unsaved);
  useEffect(() => onUnsavedChange(JSON.parse(unsavedKey) as DraftAnswers), [unsavedKey, onUnsavedChange]);
  const save = useSaveDraft(assessment.id);
  const complete = useCompleteAssessment(assessment.id);
  // Completing's problems stay until the next try; a save's go with the next save that works.
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saveProblems, setSaveProblems] = useState<Record<string, string>>({});
  const errors = { ...saveProblems, ...problems };
  const [finishing, setFinishing] = useState<CompleteValues>(emptyCompleteValues);
  const [failure, setFailure] = useState<string | null>(null);
  const members = assessment.members ?? [];
  const asked = new Set(askedQuestions(template, state.given).map((q) => q.key));
  const order = template.sections.flatMap((s) => s.questions.map((q) => q.key));

  const send = async () => {
    const sent = state.sent();
    try {
      state.saved(await save.mutateAsync(state.body()), sent);
      setSaveProblems({});
    } catch (error) {
      // A conflict stops autosaving until the person has chosen between the two drafts.
      if (!state.noticeConflict(error) && isApiError(error)) setSaveProblems(messagesOf(error.fieldProblems));
      throw error;
    }
  };
  const autosave = useAutosave({
    changes: state.dirty ? JSON.stringify(state.body()) : null,
    paused: state.theirs ? 'someone in your team saved this draft first. Choose whose answers to keep.' : null,
    save: send,
  });
  const guard = useLeaveGuard(autosave.pending, autosave.saveNow);

  const showProblems = (found: Problem[]) => {
    setProblems(messagesOf(found));
    focusFirst(found.map((p) => p.field), order);
  };
  const failed = (error: unknown) => {
    if (state.noticeConflict(error)) return;
    if (isApiError(error) && error.fieldProblems.length > 0) showProblems(error.fieldProblems);
    else setFailure(messageOf(error));
  };

  const saveDraft = async () => {
    if (!(await autosave.saveNow())) return;
    setProblems({});
    setFailure(null);
    notifySaved('Draft saved.');
  };

  const finish = async () => {
    setFailure(null);
    const missing = missingAnswers(template, state.given, members);
    const adjustment = finishing.adjust ? { score: finishing.score === '' ? Number.NaN : finishing.score, reason: finishing.reason.trim() } : null;
    const local: Problem[] = [...missing];
    if (adjustment && Number.isNaN(adjustment.score)) local.push({ field: 'adjustment.score', problem: 'must be a whole number' });
    if (adjustment && adjustment.reason === '') local.push({ field: 'adjustment.reason', problem: 'must not be blank' });
    if (local.length > 0) return showProblems(local);
    setProblems({});
    if (!(await autosave.saveNow())) {
      setFailure('Your answers could not be saved, so the assessment was not completed.');
      return;
    }
    try {
      await complete.mutateAsync({ version: state.latest().version, reviewOn: finishing.reviewOn || null, adjustment });
      notifySaved('Assessment completed.');
    } catch (error) {
      failed(error);
    }
  };

  return (
    // Not a <form>: each question may open its own small form to ask another team, and forms cannot nest.
    <div>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <AssessmentProblems errors={errors} />
            {failure !== null && <Alert color="red" title="That did not work" role="alert">{failure}</Alert>}
            <AssessmentConflict state={state} template={template} members={members} />
            {template.sections.map((section) => {
              const shown = section.questions.filter((q) => asked.has(q.key));
              if (shown.length === 0) return null;
              return (
                <Paper key={section.title} withBorder p="md" component="section" aria-label={section.title}>
                  <Stack gap="lg">
                    <Title order={2} size="h3">{section.title}</Title>
                    {shown.map((q) => (
                      <AssessmentQuestion
                        key={q.key}
                        assessment={assessment}
                        question={q}
                        value={state.answers[q.key] ?? null}
                        onChange={(v) => state.answer(q.key, v)}
                        error={errors[`answers.${q.key}`]}
                        members={members}
                      />
                    ))}
                  </Stack>
                </Paper>
              );
            })}
            <Radio.Group
              label="Who can read it once it is completed"
              description="Everyone who can see the record still sees that an assessment was made, by which team and when."
              value={state.visibility}
              onChange={(v) => state.setVisibility(v as Visibility)}
            >
              <Stack gap="xs" mt="xs">
                {visibilities.map((v) => <Radio key={v} value={v} label={visibilityLabels[v]} />)}
              </Stack>
            </Radio.Group>
            <AssessmentCompletePanel values={finishing} onChange={setFinishing} adjustment={template.adjustment} errors={errors} pending={complete.isPending} onComplete={() => void finish()} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md" pos="sticky" top={16}>
            <Stack gap="md">
              <AssessmentScorePreview definition={template} answers={state.given} />
              <AutosaveStatus autosave={autosave} />
              {/* Never disabled as saves come and go: the button would drop the focus of whoever is on it. */}
              <Button variant="default" disabled={complete.isPending} onClick={() => void saveDraft()}>
                Save draft
              </Button>
              {assessment.permissions.canDiscard && (
                <AssessmentDiscard
                  id={assessment.id}
                  onDiscarded={() => {
                    guard.allow();
                    void navigate(`/${assessment.subject.type === 'profile' ? 'profiles' : 'cases'}/${assessment.subject.id}`);
                  }}
                />
              )}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      {guard.dialog}
    </div>
  );
}
