import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge, Box, Group, Radio, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { searchReply, type SearchResult } from '../../shared/api/search.ts';
import { get, withQuery } from '../api/client.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { ownerText } from '../records/OwnerLine.tsx';
import { PersonSafetyPhrase } from '../records/PersonSafetyLine.tsx';
import { RequestAccessButton } from '../records/RequestAccessButton.tsx';
import { searchKeys } from '../search/keys.ts';

interface Props {
  kind: 'profile' | 'location' | 'case';
  /** The search box's label, e.g. "Find a person". */
  label: string;
  description: string;
  /** Records already on the case: shown, but not offered again. */
  linked: string[];
  chosen: SearchResult | null;
  onChoose: (result: SearchResult | null) => void;
  error?: string;
}

/**
 * Finds a record to link by searching, as the search page does. Results this person cannot open
 * are named with their owner and a way to ask, but cannot be linked.
 */
export function RecordPicker({ kind, label, description, linked, chosen, onChoose, error }: Props) {
  const safetyId = useId();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const results = useQuery({
    queryKey: searchKeys.results(q, kind),
    queryFn: () => get(withQuery('/search', { q, kind, limit: 20 }), searchReply),
    enabled: q !== '',
    placeholderData: (previous) => previous,
  });
  const items = q === '' ? [] : (results.data?.items ?? []);

  return (
    <Stack gap="sm">
      <TextInput label={label} description={description} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-autofocus />
      <QueryStatus isPending={false} error={results.error} onRetry={() => void results.refetch()} label="Searching" />
      <VisuallyHidden role="status">{q === '' || results.isFetching ? '' : `${items.length} ${items.length === 1 ? 'result' : 'results'}`}</VisuallyHidden>
      {q !== '' && results.data && items.length === 0 && <Text size="sm">Nothing found. Try fewer words, a postcode or another spelling.</Text>}
      {items.length > 0 && (
        <Radio.Group
          label="Results"
          value={chosen?.id ?? null}
          onChange={(id) => onChoose(items.find((i) => i.id === id) ?? null)}
          error={error}
        >
          <Stack gap="xs" mt="xs">
            {items.map((item) => {
              const already = linked.includes(item.id);
              const detail = [item.subtitle, ownerText(item.owner)].filter(Boolean).join(' · ');
              return item.accessible ? (
                <Stack key={item.id} gap={4}>
                  <Radio
                    value={item.id}
                    disabled={already}
                    label={
                      <Group gap="xs" component="span">
                        {item.title}
                        {already && (
                          <Badge color="gray" variant="light" component="span">
                            Already linked
                          </Badge>
                        )}
                      </Group>
                    }
                    description={detail}
                    aria-describedby={item.safety ? `${safetyId}-${item.id}` : undefined}
                  />
                  {/* A radio's description is a paragraph, which cannot hold the markers' list. */}
                  {item.safety && (
                    <Box pl="xl">
                      <PersonSafetyPhrase id={`${safetyId}-${item.id}`} safety={item.safety} />
                    </Box>
                  )}
                </Stack>
              ) : (
                <Group key={item.id} gap="sm" wrap="wrap" pl="xl">
                  <Stack gap={0}>
                    <Text size="sm">{item.title} (no access)</Text>
                    <Text size="xs">{detail}</Text>
                  </Stack>
                  <RequestAccessButton kind={item.kind} id={item.id} title={item.title} owner={item.owner} />
                </Group>
              );
            })}
          </Stack>
        </Radio.Group>
      )}
    </Stack>
  );
}
