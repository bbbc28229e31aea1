import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Button, Group, Text } from '@mantine/core';
import type { z } from 'zod';
import { call } from '../api/client.ts';
import type { Labels } from './forms.ts';
import { formatDateTime } from './format.ts';
import { notifySaved } from './notify.ts';
import { useFieldErrors } from './useFieldErrors.ts';
import { changedFrom, useLeaveGuard } from './useLeaveGuard.tsx';
import { useVersionedForm } from './useVersionedForm.ts';

/** A partnership's settings as the server presents them (`platform/partnership-settings.ts`). */
interface PartnershipSettings {
  version: number;
  isDefault: boolean;
  updatedAt: string | null;
  permissions: { canEdit: boolean };
}

interface SettingsFormOptions<S extends PartnershipSettings, V extends object> {
  record: S;
  valuesOf: (settings: S) => V;
  schema: z.ZodType<S>;
  /** Where the settings are read and saved, e.g. `/portal-settings`. */
  path: string;
  queryKey: QueryKey;
  labels: Labels;
  /** As in "Portal settings saved." */
  what: string;
}

/**
 * The editing of a partnership's settings, the same on every settings page: the values from the
 * version read, field errors, a guard on leaving with unsaved changes, and the save, whose 409
 * shows the comparison and whose 422 puts each problem under its field.
 */
export function useSettingsForm<S extends PartnershipSettings, V extends object>(options: SettingsFormOptions<S, V>) {
  const queryClient = useQueryClient();
  const form = useVersionedForm(options.record, options.valuesOf, options.schema);
  const errors = useFieldErrors(options.labels);
  const guard = useLeaveGuard(changedFrom(options.valuesOf(form.base), form.values));
  const save = useMutation({
    mutationFn: (body: unknown) => call('PUT', options.path, options.schema, { body }),
    onSuccess: (saved) => {
      guard.allow();
      queryClient.setQueryData(options.queryKey, saved);
      notifySaved(`${options.what} saved.`);
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });
  return { form, errors, guard, save, canEdit: options.record.permissions.canEdit };
}

/** Whether the partnership has changed the defaults, and the save button for those who may. */
export function SettingsFooter({ record, pending }: { record: PartnershipSettings; pending: boolean }) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {record.isDefault || !record.updatedAt ? 'Concord’s defaults: nobody has changed them yet.' : `Last changed ${formatDateTime(record.updatedAt)}.`}
      </Text>
      {record.permissions.canEdit && (
        <Button type="submit" loading={pending}>
          Save settings
        </Button>
      )}
    </Group>
  );
}
