import { useState } from 'react';
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import type { AgendaItem, Meeting, Research } from '../../shared/api/panels.ts';
import { useMe } from '../app/session.ts';
import { formatDateTime } from '../components/format.ts';
import { ResearchForm } from './ResearchForm.tsx';
import { researchLabels } from './labels.ts';

function Part({ label, text }: { label: string; text: string | null }) {
  if (!text) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
    </div>
  );
}

function ResearchEntry({ research: r }: { research: Research }) {
  return (
    <Paper withBorder p="sm" component="article" aria-label={`Research of ${r.organisation.name}`}>
      <Stack gap={6}>
        <Title order={5} size="h6">
          {r.organisation.name}
        </Title>
        <Text size="xs" c="dimmed">
          {r.author.name}, {r.team.name}, {formatDateTime(r.updatedAt)}
        </Text>
        <Part label={researchLabels.known} text={r.known || null} />
        <Part label={researchLabels.opinion} text={r.opinion} />
        <Part label={researchLabels.withheld} text={r.withheld} />
        <Part label={researchLabels.withheldReason} text={r.withheldReason} />
      </Stack>
    </Paper>
  );
}

/** Each agency's research on the item, and this person's agency's own to add or change. */
export function ItemResearch({ meeting: m, item }: { meeting: Meeting; item: AgendaItem }) {
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const mine = item.research.find((r) => r.organisation.id === me.organisation.id) ?? null;
  // Research is for before the meeting: once it is closed, it is kept as it was.
  const canWrite = m.permissions.canResearch && !item.restricted && m.status === 'planned';
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        Research by agency
      </Title>
      {item.research.length === 0 && !editing && <Text size="sm">No agency has added research yet.</Text>}
      {item.research.map((r) => (
        <ResearchEntry key={r.id} research={r} />
      ))}
      {canWrite &&
        (editing ? (
          <Paper withBorder p="sm">
            <ResearchForm meetingId={m.id} itemId={item.id} mine={mine} organisation={me.organisation.name} onDone={() => setEditing(false)} />
          </Paper>
        ) : (
          <Button size="xs" variant="default" onClick={() => setEditing(true)} style={{ alignSelf: 'flex-start' }}>
            {mine ? `Change the research of ${me.organisation.name}` : `Add the research of ${me.organisation.name}`}
          </Button>
        ))}
    </Stack>
  );
}
