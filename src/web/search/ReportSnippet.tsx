import { Fragment } from 'react';
import { Mark, Text } from '@mantine/core';
import type { SnippetPart } from '../../shared/api/insights.ts';

/** The words around a match, the searched-for words marked; built from text runs, never from HTML. */
export function ReportSnippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <Text size="sm">
      {parts.map((part, i) => (part.match ? <Mark key={i}>{part.text}</Mark> : <Fragment key={i}>{part.text}</Fragment>))}
    </Text>
  );
}
