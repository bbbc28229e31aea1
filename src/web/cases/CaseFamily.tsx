import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import type { CaseRecord } from '../../shared/api/cases.ts';
import { RequestAccessButton } from '../records/RequestAccessButton.tsx';
import { CaseSection } from './CaseSection.tsx';
import { caseName, statusColours, statusLabels } from './labels.ts';

interface Related {
  id: string;
  reference: string;
  title: string;
  accessible: boolean;
}

function CaseLink({ c }: { c: Related }) {
  if (c.accessible) {
    return (
      <Anchor component={Link} to={`/cases/${c.id}`} size="sm">
        {caseName(c)}
      </Anchor>
    );
  }
  return (
    <Group gap="xs" component="span">
      <Text span size="sm">
        {caseName(c)}
      </Text>
      <Badge color="gray" variant="light">
        No access
      </Badge>
      <RequestAccessButton kind="cases" id={c.id} title={caseName(c)} />
    </Group>
  );
}

/** A master case and its sub-cases, e.g. an operation with one sub-case per premises. */
export function CaseFamily({ c, editable }: { c: CaseRecord; editable: boolean }) {
  return (
    <CaseSection
      title="Parent case and sub-cases"
      actions={editable && (
        <Button variant="default" component={Link} to={`/cases/new?parentCaseId=${c.id}`}>
          Add sub-case
        </Button>
      )}
    >
      <Stack gap="sm">
        <Text size="sm">
          {c.parentCase ? (
            <>
              Part of: <CaseLink c={c.parentCase} />
            </>
          ) : (
            'This case is not part of another case.'
          )}
        </Text>
        {c.subCases.length === 0 ? (
          <Text size="sm">No sub-cases.</Text>
        ) : (
          <List size="sm" spacing="xs" aria-label={`Sub-cases of ${c.reference}`}>
            {c.subCases.map((s) => (
              <List.Item key={s.id}>
                <Group gap="xs" component="span">
                  <CaseLink c={s} />
                  <Badge color={statusColours[s.status]} variant="light">
                    {statusLabels[s.status]}
                  </Badge>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </CaseSection>
  );
}
