import { Typography } from '@mantine/core';

/**
 * A report's formatted text. Rendering HTML is safe here only because the server sanitised it
 * on save to a short allow-list (paragraphs, emphasis, lists, quotes, headings, http/https/mailto
 * links): no script, event handler, style or other element survives. Never pass other HTML here.
 */
export function ReportBody({ html }: { html: string }) {
  return <Typography fz="sm" dangerouslySetInnerHTML={{ __html: html }} />;
}
