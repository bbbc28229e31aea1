import { Link, useParams } from 'react-router';
import { Anchor, Box, Button, Group, Text } from '@mantine/core';
import { Details } from '../components/Details.tsx';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { fullName } from '../profiles/labels.ts';
import { RecordUnavailable } from '../profiles/RecordUnavailable.tsx';
import { useProfile } from '../profiles/useProfile.ts';
import { contactsCsvHref, useVictimCare } from './api.ts';
import { ContactRecord } from './ContactRecord.tsx';
import classes from './ContactRecordPage.module.css';
import { counted, dayText } from './labels.ts';
import { channelText } from './plan.ts';

/**
 * The victim's record of contacts on a page of its own, to print (only the record goes on paper)
 * or download: what a victim asking "who has been in touch with me, and when" is given.
 */
export function ContactRecordPage() {
  const { id = '' } = useParams();
  const profile = useProfile(id);
  const care = useVictimCare(id);
  const p = profile.data;
  if (!p) return <RecordUnavailable id={id} isPending={profile.isPending} error={profile.error} onRetry={() => void profile.refetch()} />;
  const plan = care.data?.plan;
  return (
    <Page
      title={`Record of contacts: ${fullName(p)}`}
      actions={
        <Group gap="sm" className={classes.screenOnly}>
          <Button onClick={() => window.print()}>Print</Button>
          <Button component="a" href={contactsCsvHref(id)} download variant="default">
            Download CSV
          </Button>
        </Group>
      }
    >
      <Anchor component={Link} to={`/profiles/${id}?section=victim-care`} className={classes.screenOnly}>
        Back to {fullName(p)}&apos;s victim care
      </Anchor>
      <Box className={classes.record}>
        {plan && (
          <Details
            items={[
              { label: 'Agreed contact', value: `Every ${counted(plan.frequencyDays, 'day', 'days')}, ${channelText(plan.preferredChannel).toLowerCase()}` },
              { label: 'Last contact', value: plan.lastContactAt ? formatDateTime(plan.lastContactAt) : 'None yet' },
              { label: 'Next contact due', value: dayText(plan.nextContactDue) },
            ]}
          />
        )}
        <Text size="sm" my="sm">
          As at {formatDateTime(new Date().toISOString())}: contacts recorded by every agency working with {p.firstName}, and attempts that did not reach them.
        </Text>
        <ContactRecord profileId={id} />
      </Box>
    </Page>
  );
}
