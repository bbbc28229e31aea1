import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Checkbox, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { attendance as attendanceSchema, attendanceBody, type Attendance, type Meeting } from '../../shared/api/panels.ts';
import { attendanceStatuses, attendanceStatusLabels } from '../../shared/panels.ts';
import { call } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { notifySaved } from '../components/notify.ts';
import { useMeetingRefresh } from './api.ts';
import { attendanceLabels } from './labels.ts';

const statusOptions = [{ value: '', label: 'Not recorded' }, ...attendanceStatuses.map((s) => ({ value: s, label: attendanceStatusLabels[s] }))];

function AttendanceRow({ meetingId, row }: { meetingId: string; row: Attendance }) {
  const refresh = useMeetingRefresh(meetingId);
  const org = row.organisation.name;
  const [status, setStatus] = useState<string>(row.status ?? '');
  const [attendees, setAttendees] = useState(row.attendees ?? '');
  const [agreed, setAgreed] = useState(row.confidentialityAgreed);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: z.infer<typeof attendanceBody>) => call('PUT', `/meetings/${meetingId}/attendance/${row.organisation.id}`, attendanceSchema, { body }),
    onSuccess: () => {
      refresh();
      notifySaved(`Attendance of ${org} saved.`);
    },
    onError: (error) => setProblem(messageOf(error)),
  });
  const submit = () => {
    const parsed = attendanceBody.safeParse({ status, attendees: attendees.trim() || null, confidentialityAgreed: agreed });
    if (!parsed.success) {
      setProblem(status ? 'Check who attended: it is too long.' : `Choose how ${org} took part.`);
      return;
    }
    setProblem(null);
    save.mutate(parsed.data);
  };
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {org}
      </Table.Th>
      <Table.Td>
        <NativeSelect size="xs" aria-label={`${attendanceLabels.status}, ${org}`} value={status} onChange={(e) => setStatus(e.currentTarget.value)} data={statusOptions} />
      </Table.Td>
      <Table.Td>
        <TextInput size="xs" aria-label={`${attendanceLabels.attendees}, ${org}`} value={attendees} onChange={(e) => setAttendees(e.currentTarget.value)} maxLength={2000} />
      </Table.Td>
      <Table.Td>
        <Checkbox aria-label={`${attendanceLabels.confidentialityAgreed}, ${org}`} checked={agreed} onChange={(e) => setAgreed(e.currentTarget.checked)} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Button size="xs" variant="default" loading={save.isPending} onClick={submit} aria-label={`Save attendance of ${org}`}>
            Save
          </Button>
          {problem && (
            <Alert color="red" p="xs" role="alert">
              <Text size="xs">{problem}</Text>
            </Alert>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

function ReadOnlyRow({ row }: { row: Attendance }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {row.organisation.name}
      </Table.Th>
      <Table.Td>{row.status ? attendanceStatusLabels[row.status] : 'Not recorded'}</Table.Td>
      <Table.Td>{row.attendees ?? '—'}</Table.Td>
      <Table.Td>{row.confidentialityAgreed ? 'Yes' : 'No'}</Table.Td>
    </Table.Tr>
  );
}

/** Attendance by agency, recorded by the chair or a coordinator; read by every member. */
export function MeetingAttendance({ meeting: m }: { meeting: Meeting }) {
  if (m.attendance.length === 0) return <Text size="sm">The panel has no member organisations.</Text>;
  const editable = m.permissions.canRun;
  return (
    <Table.ScrollContainer minWidth={editable ? 820 : 620}>
      <Table fz="sm" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Agency</Table.Th>
            <Table.Th scope="col">{attendanceLabels.status}</Table.Th>
            <Table.Th scope="col">{attendanceLabels.attendees}</Table.Th>
            <Table.Th scope="col">{attendanceLabels.confidentialityAgreed}</Table.Th>
            {editable && <Table.Th scope="col">Save</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {m.attendance.map((row) =>
            editable ? (
              // Keyed by when it was saved, so a change from another desk resets the row to it.
              <AttendanceRow key={`${row.organisation.id}-${row.updatedAt ?? 'none'}`} meetingId={m.id} row={row} />
            ) : (
              <ReadOnlyRow key={row.organisation.id} row={row} />
            ),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
