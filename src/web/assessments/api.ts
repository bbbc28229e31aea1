import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  assessment, recordAssessments, riskLevelHistory, template, templateList,
  type adjustAssessmentBody, type Assessment, type completeAssessmentBody, type createAssessmentBody,
  type decideAdjustmentBody, type informationRequestBody, type updateAssessmentBody,
} from '../../shared/api/assessments.ts';
import { call, callNoReply, get, withQuery } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { assessmentKeys, templateKeys } from './keys.ts';

export type RecordPathKind = 'profiles' | 'cases';

export function useAssessment(id: string) {
  return useQuery({ queryKey: assessmentKeys.one(id), queryFn: () => get(`/assessments/${id}`, assessment) });
}

/** The template as the assessment was made with it: a completed assessment always shows its own version. */
export function useTemplateVersion(idOrKey: string, version: number) {
  return useQuery({
    queryKey: templateKeys.one(idOrKey, version),
    queryFn: () => get(withQuery(`/assessment-templates/${idOrKey}`, { version }), template),
    staleTime: Infinity,
  });
}

export function useActiveTemplates(enabled = true) {
  return useQuery({ queryKey: templateKeys.list(false), queryFn: () => get('/assessment-templates', templateList), enabled });
}

export function useRecordAssessments(kind: RecordPathKind, id: string) {
  return useQuery({ queryKey: assessmentKeys.record(kind, id), queryFn: () => get(`/${kind}/${id}/assessments`, recordAssessments) });
}

export function useRiskLevels(profileId: string) {
  return useQuery({ queryKey: assessmentKeys.riskLevels(profileId), queryFn: () => get(`/profiles/${profileId}/risk-levels`, riskLevelHistory) });
}

/** After any change the record's lists, its profile (risk level), its tasks and reminders may all have moved. */
function useRefresh() {
  const client = useQueryClient();
  return (saved?: Assessment) => {
    if (saved) client.setQueryData(assessmentKeys.one(saved.id), saved);
    void client.invalidateQueries({ queryKey: assessmentKeys.all });
    void client.invalidateQueries({ queryKey: ['profiles'] });
    void client.invalidateQueries({ queryKey: ['tasks'] });
    void client.invalidateQueries({ queryKey: ['actions'] });
  };
}

export function useStartAssessment() {
  const refresh = useRefresh();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (body: z.input<typeof createAssessmentBody>) => call('POST', '/assessments', assessment, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: refresh,
  });
}

/**
 * A draft's save changes only its answers: the reply is the draft as saved, so it is not read
 * again (each read is audited, and drafts save themselves as people answer); only the lists that
 * show drafts go stale.
 */
export function useSaveDraft(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof updateAssessmentBody>) => call('PATCH', `/assessments/${id}`, assessment, { body }),
    onSuccess: (saved) => {
      client.setQueryData(assessmentKeys.one(saved.id), saved);
      void client.invalidateQueries({ queryKey: ['assessments', 'list'] });
      void client.invalidateQueries({ queryKey: ['assessments', 'record'] });
      void client.invalidateQueries({ queryKey: ['home'] });
    },
  });
}

export function useCompleteAssessment(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: z.input<typeof completeAssessmentBody>) => call('POST', `/assessments/${id}/complete`, assessment, { body }),
    onSuccess: refresh,
  });
}

export function useDiscardDraft(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => callNoReply('DELETE', `/assessments/${id}`),
    onSuccess: () => {
      client.removeQueries({ queryKey: assessmentKeys.one(id) });
      void client.invalidateQueries({ queryKey: assessmentKeys.all });
    },
  });
}

export function useAdjustScore(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: z.input<typeof adjustAssessmentBody>) => call('POST', `/assessments/${id}/adjustment`, assessment, { body }),
    onSuccess: refresh,
  });
}

export function useDecideAdjustment(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: z.input<typeof decideAdjustmentBody>) => call('POST', `/assessments/${id}/adjustment/decision`, assessment, { body }),
    onSuccess: refresh,
  });
}

export function useStartReview(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => call('POST', `/assessments/${id}/review`, assessment),
    onSuccess: refresh,
  });
}

export function useRequestInformation(id: string) {
  const refresh = useRefresh();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (body: z.input<typeof informationRequestBody>) =>
      callNoReply('POST', `/assessments/${id}/information-requests`, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: () => {
      idempotency.reset();
      refresh();
    },
  });
}
