import { Anchor, Button, Code, CopyButton, Group, Text, VisuallyHidden } from '@mantine/core';
import type { ReferralFormSummary } from '../../../shared/api/referrals.ts';

/**
 * Where the public finds the form, to copy into a website or a letter, and to open as they see
 * it. The page is the server's own (no sign-in), so it is an ordinary link out of the app.
 */
export function PublicLink({ form }: { form: Pick<ReferralFormSummary, 'name' | 'publicPath' | 'status'> }) {
  const url = `${window.location.origin}${form.publicPath}`;
  return (
    <Group gap="xs" wrap="wrap">
      <Code>{form.publicPath}</Code>
      <CopyButton value={url} timeout={3000}>
        {({ copied, copy }) => (
          <>
            <Button size="xs" variant={copied ? 'filled' : 'default'} onClick={copy} aria-label={`Copy the public link of ${form.name}`}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
            <VisuallyHidden role="status">{copied ? 'Copied' : ''}</VisuallyHidden>
          </>
        )}
      </CopyButton>
      {form.status === 'draft' ? (
        <Text size="sm" c="dimmed">
          Not published yet
        </Text>
      ) : (
        <Anchor href={form.publicPath} size="sm" aria-label={`Open the public page of ${form.name}`}>
          Open the public page
        </Anchor>
      )}
    </Group>
  );
}
