import { useQuery } from '@tanstack/react-query';
import {
  bankQuestionPage, comparison, statistics, template, templateList, templateVersionList,
} from '../../shared/api/assessments.ts';
import { get, withQuery } from '../api/client.ts';
import { usePagedList } from '../api/lists.ts';
import { assessmentKeys, bankKeys, templateKeys } from './keys.ts';

export const templatePath = (idOrKey: string) => `/assessment-templates/${encodeURIComponent(idOrKey)}`;

export function useTemplates(includeRetired = false) {
  return useQuery({
    queryKey: templateKeys.list(includeRetired),
    queryFn: () => get(withQuery('/assessment-templates', { includeRetired: includeRetired || undefined }), templateList),
  });
}

export function useTemplate(idOrKey: string | undefined, version?: number) {
  return useQuery({
    queryKey: templateKeys.one(idOrKey ?? '', version),
    queryFn: () => get(withQuery(templatePath(idOrKey!), { version }), template),
    enabled: Boolean(idOrKey),
  });
}

export function useTemplateVersions(id: string | undefined) {
  return useQuery({
    queryKey: templateKeys.versions(id ?? ''),
    queryFn: () => get(`${templatePath(id!)}/versions`, templateVersionList),
    enabled: Boolean(id),
  });
}

export interface BankFilters {
  q?: string;
  topic?: string;
  nature?: string;
  status?: string;
  [name: string]: string | undefined;
}

export function useBankQuestions(filters: BankFilters) {
  return usePagedList(bankKeys.list(filters), '/assessment-questions', { ...filters, limit: 100 }, bankQuestionPage);
}

export interface StatisticsFilters {
  from?: string;
  to?: string;
  area?: string;
  [name: string]: string | undefined;
}

export function useStatistics(idOrKey: string, filters: StatisticsFilters) {
  return useQuery({
    queryKey: templateKeys.statistics(idOrKey, filters),
    queryFn: () => get(withQuery(`${templatePath(idOrKey)}/statistics`, filters), statistics),
  });
}

/** The CSV is fetched by the browser itself, so it arrives as a download with the session cookie. */
export const statisticsCsvHref = (idOrKey: string, filters: StatisticsFilters) =>
  `/api/v1${withQuery(`${templatePath(idOrKey)}/statistics.csv`, filters)}`;

export function useComparison(assessmentId: string) {
  return useQuery({
    queryKey: assessmentKeys.comparison(assessmentId),
    queryFn: () => get(`/assessments/${assessmentId}/comparison`, comparison),
  });
}
