import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Text } from '@mantine/core';
import { londonDayAndTime } from '../actions/london.ts';
import { useMe } from '../app/session.ts';
import { Page } from '../components/Page.tsx';
import { startingValues } from './keyIn.ts';
import { KeyInForm } from './KeyInForm.tsx';

/** Keying in a referral taken by phone or on paper: it lands on the chosen desk as if it came online. */
export function KeyInPage() {
  const me = useMe();
  const [params] = useSearchParams();
  const [initial] = useState(() => startingValues(params.get('teamId') ?? me.team.id, londonDayAndTime(new Date())));
  return (
    <Page title="Key in a referral">
      <Text>For a referral taken by phone, on paper, by email or in person. It goes on the desk you choose, with the clock started from when it was received.</Text>
      <KeyInForm initial={initial} />
    </Page>
  );
}
