import { Button, Code, CopyButton, Group, VisuallyHidden } from '@mantine/core';

interface Props {
  value: string;
  /** What is shown; defaults to the value itself. */
  display?: string;
  /** Names the button for screen readers, e.g. "Copy the API token". */
  copyLabel: string;
}

export function CopyField({ value, display, copyLabel }: Props) {
  return (
    <CopyButton value={value} timeout={3000}>
      {({ copied, copy }) => (
        <Group gap="sm" wrap="nowrap" align="center">
          <Code block fz="md" style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {display ?? value}
          </Code>
          <Button variant={copied ? 'filled' : 'default'} onClick={copy} aria-label={copyLabel}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
          <VisuallyHidden role="status">{copied ? 'Copied' : ''}</VisuallyHidden>
        </Group>
      )}
    </CopyButton>
  );
}
