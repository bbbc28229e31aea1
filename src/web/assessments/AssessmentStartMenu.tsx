import { useNavigate } from 'react-router';
import { Button, Menu } from '@mantine/core';
import type { TemplateSummary } from '../../shared/api/assessments.ts';
import { messageOf } from '../api/errors.ts';
import { notifyProblem } from '../components/notify.ts';
import { useActiveTemplates, useStartAssessment, type RecordPathKind } from './api.ts';

const subjectType = { profiles: 'profile', cases: 'case' } as const;

/** Starts a draft with a template on the record and opens it. */
export function useStartOnRecord(kind: RecordPathKind, id: string) {
  const navigate = useNavigate();
  const start = useStartAssessment();
  return {
    isPending: start.isPending,
    start: (template: string) =>
      start.mutate(
        { template, subject: { type: subjectType[kind], id } },
        {
          onSuccess: (draft) => void navigate(`/assessments/${draft.id}`),
          onError: (error) => notifyProblem('The assessment was not started', messageOf(error)),
        },
      ),
  };
}

// The screening comes first: every report of anti-social behaviour starts with it.
const firstKeys = ['victim-screening', 'asb-risk-matrix'];
const rank = (t: TemplateSummary) => {
  const i = firstKeys.indexOf(t.key);
  return i < 0 ? firstKeys.length : i;
};

/** "Start an assessment": the partnership's active templates, VICTIM screening first. */
export function AssessmentStartMenu({ kind, id }: { kind: RecordPathKind; id: string }) {
  const templates = useActiveTemplates();
  const { start, isPending } = useStartOnRecord(kind, id);
  const items = [...(templates.data?.items ?? [])]
    .filter((t) => t.status === 'active')
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" loading={isPending || templates.isPending}>
          Start an assessment
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {items.map((t) => (
          <Menu.Item key={t.id} onClick={() => start(t.key)}>
            {t.name}
            {t.team ? ` (${t.team.name})` : ''}
          </Menu.Item>
        ))}
        {templates.isError && <Menu.Label>The templates could not be loaded</Menu.Label>}
      </Menu.Dropdown>
    </Menu>
  );
}
