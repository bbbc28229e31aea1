import { useQuery } from '@tanstack/react-query';
import { helpArticle, helpArticleList, helpSearchReply } from '../../shared/api/help.ts';
import { get, withQuery } from '../api/client.ts';

export const helpKeys = {
  all: ['help'] as const,
  list: ['help', 'list'] as const,
  article: (slug: string) => ['help', 'article', slug] as const,
  search: (q: string) => ['help', 'search', q] as const,
};

/**
 * The partnership's articles, loaded once a visit: every page's "How do I…" reads this list, and
 * articles change rarely (an edit updates it in place).
 */
export function useHelpArticles(enabled = true) {
  return useQuery({ queryKey: helpKeys.list, queryFn: () => get('/help/articles', helpArticleList), staleTime: Infinity, enabled });
}

export function useHelpArticle(slug: string) {
  return useQuery({ queryKey: helpKeys.article(slug), queryFn: () => get(`/help/articles/${encodeURIComponent(slug)}`, helpArticle) });
}

export function useHelpSearch(q: string) {
  return useQuery({ queryKey: helpKeys.search(q), queryFn: () => get(withQuery('/help/search', { q }), helpSearchReply), enabled: q.trim().length > 0 });
}
