import { Anchor } from '@mantine/core';

const url = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'])/g;

/**
 * Plain text with its web addresses made into links. The text is never treated as HTML, so a
 * message cannot inject markup into the page.
 */
export function LinkedText({ text }: { text: string }) {
  const parts = text.split(url);
  return (
    <>
      {parts.map((part, i) =>
        // split() with a capturing group puts the matches at the odd positions.
        i % 2 === 1 ? (
          <Anchor key={i} href={part} style={{ wordBreak: 'break-all' }}>
            {part}
          </Anchor>
        ) : (
          part
        ),
      )}
    </>
  );
}
