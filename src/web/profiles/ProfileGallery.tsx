import { Link } from 'react-router';
import { Anchor, Avatar, Badge, Card, Group, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { profileRoleLabels } from '../../shared/records.ts';
import type { ProfileSummary } from '../../shared/api/profiles.ts';
import { formatDate } from '../components/format.ts';
import { ageText } from '../records/ageText.ts';
import { RiskBadge } from '../records/RiskBadge.tsx';
import { WarningMarkerBadges } from '../records/WarningMarkers.tsx';
import { fullName } from './labels.ts';
import { initials } from './PhotoPanel.tsx';

/** One person of the gallery: markers and risk before the photo, so that on a phone, cards one under another, they come first. */
function ProfileCard({ profile: p }: { profile: ProfileSummary }) {
  const name = fullName(p);
  return (
    <Card component="li" withBorder padding="md" radius="sm" aria-label={name}>
      <Stack gap={6} align="flex-start">
        <Title order={2} size="h4">
          <Anchor component={Link} to={`/profiles/${p.id}`} inherit>
            {name}
          </Anchor>
        </Title>
        <WarningMarkerBadges markers={p.warningMarkers} />
        <RiskBadge level={p.riskLevel} />
      </Stack>
      <Group align="flex-start" wrap="nowrap" gap="md" mt="sm">
        {p.thumbnailUrl ? (
          <Image src={p.thumbnailUrl} alt="" w={72} h={72} radius="sm" fit="cover" />
        ) : (
          <Avatar size={72} radius="sm" color="blue" aria-hidden="true">
            {initials(p)}
          </Avatar>
        )}
        <Stack gap={6} align="flex-start" style={{ minWidth: 0 }}>
          <Text size="sm">Age: {ageText(p)}</Text>
          {p.roles.length > 0 && (
            <Group gap={4} component="ul" aria-label="Roles" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {p.roles.map((r) => (
                <Badge component="li" key={r} variant="outline" color="gray">
                  {profileRoleLabels[r]}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
      </Group>
      <Text size="xs" c="dimmed" mt="sm">
        {p.owner.team.name} · updated {formatDate(p.updatedAt)}
      </Text>
    </Card>
  );
}

/** A caseload at a glance: the person's face, age, roles, risk and markers. */
export function ProfileGallery({ items }: { items: ProfileSummary[] }) {
  return (
    <SimpleGrid component="ul" cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((p) => (
        <ProfileCard key={p.id} profile={p} />
      ))}
    </SimpleGrid>
  );
}
