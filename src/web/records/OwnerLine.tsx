import { Text, type TextProps } from '@mantine/core';
import type { Owner } from '../../shared/api/records.ts';

/** Who holds a record: "Tenancy team · Demo Housing Association". */
export function ownerText(owner: Owner): string {
  return `${owner.team.name} · ${owner.organisation.name}`;
}

export function OwnerLine({ owner, label = 'Held by', ...props }: { owner: Owner; label?: string } & TextProps) {
  return (
    <Text size="sm" {...props}>
      {label}: {ownerText(owner)}
    </Text>
  );
}
