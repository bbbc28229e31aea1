import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import { Alert, Anchor, Button, Group, List, Stack, Text, VisuallyHidden } from '@mantine/core';
import { locationMatches } from '../../shared/api/locations.ts';
import { normalisePostcode } from '../../shared/records.ts';
import { get, withQuery } from '../api/client.ts';
import { OwnerLine } from '../records/OwnerLine.tsx';
import { RequestAccessButton } from '../records/RequestAccessButton.tsx';
import { locationKeys } from './keys.ts';
import { placeName } from './labels.ts';

interface Props {
  addressLine1: string;
  postcode: string;
  /** Offered beside each match this person can open, e.g. to link it to a case instead. */
  onUse?: (id: string, name: string) => void;
}

/**
 * Places already recorded that look like the one being typed, shown before the person finishes,
 * so the partnership keeps one record per place.
 */
export function LocationMatches({ addressLine1, postcode, onUse }: Props) {
  const [line] = useDebouncedValue(addressLine1.trim(), 400);
  const [code] = useDebouncedValue(normalisePostcode(postcode) ?? '', 400);
  const enough = line.length >= 3 || code !== '';
  const query = { addressLine1: line || undefined, postcode: code || undefined };
  const matches = useQuery({
    queryKey: locationKeys.matches(query),
    queryFn: () => get(withQuery('/locations/matches', query), locationMatches),
    enabled: enough,
    placeholderData: (previous) => previous,
  });
  const items = enough ? (matches.data?.items ?? []) : [];

  return (
    <>
      <VisuallyHidden role="status">
        {items.length > 0 ? `${items.length} existing ${items.length === 1 ? 'location looks' : 'locations look'} like this place` : ''}
      </VisuallyHidden>
      {items.length > 0 && (
        // A region, not an alert: the count above is announced once, the list is read when wanted.
        <Alert color="blue" title="Is it one of these? These locations are already recorded" role="region">
          <List spacing="sm" listStyleType="none" ml={0}>
            {items.map(({ location, accessible, owner }) => {
              const name = placeName(location);
              return (
                <List.Item key={location.id}>
                  <Stack gap={4}>
                    <Group gap="sm" wrap="wrap">
                      {accessible ? (
                        <Anchor component={Link} to={`/locations/${location.id}`} size="sm" fw={600} c="inherit" underline="always">
                          {name}
                        </Anchor>
                      ) : (
                        <Text size="sm" fw={600}>
                          {name}
                        </Text>
                      )}
                      {accessible && onUse && (
                        <Button size="xs" variant="default" onClick={() => onUse(location.id, name)} aria-label={`Use ${name}`}>
                          Use this location
                        </Button>
                      )}
                      {!accessible && <RequestAccessButton kind="locations" id={location.id} title={name} owner={owner} />}
                    </Group>
                    <OwnerLine owner={owner} />
                  </Stack>
                </List.Item>
              );
            })}
          </List>
        </Alert>
      )}
    </>
  );
}
