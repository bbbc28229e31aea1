import { Link } from 'react-router';
import { Anchor, Text } from '@mantine/core';
import { Page } from '../components/Page.tsx';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <Text>There is no page at this address. If you typed it, check it is right; if you followed a link, it may be out of date.</Text>
      <Anchor component={Link} to="/">
        Go to the home page
      </Anchor>
    </Page>
  );
}
