import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, withQuery, type Query } from './client.ts';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A cursor-paged list; `loadMore` fetches the next page and appends it. */
export function usePagedList<T>(
  key: readonly unknown[],
  path: string,
  query: Query,
  schema: z.ZodType<Page<T>>,
) {
  const result = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => get(withQuery(path, { ...query, cursor: pageParam }), schema),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // While a changed filter loads, the last results stay on screen instead of a spinner.
    placeholderData: keepPreviousData,
  });
  return {
    ...result,
    items: result.data?.pages.flatMap((p) => p.items) ?? [],
    loadMore: () => void result.fetchNextPage(),
  };
}
