import { Button, Group, Image, Modal } from '@mantine/core';
import type { Document } from '../../shared/api/documents.ts';
import { documentContentUrl } from './api.ts';

/**
 * A PDF or an image shown in the browser, straight from the server (each opening is an audited
 * download). PDFs open in the browser's own viewer, in a frame only Concord may use.
 */
export function PreviewModal({ document: d, onClose }: { document: Document | null; onClose: () => void }) {
  const title = d?.title ?? 'Document';
  const url = d ? documentContentUrl(d.id, { inline: true }) : '';
  return (
    <Modal opened={d !== null} onClose={onClose} title={`Preview: ${title}`} size="xl" closeButtonProps={{ 'aria-label': 'Close the preview' }}>
      {d && (d.contentType === 'application/pdf' ? (
        <iframe title={`Preview of ${title}`} src={url} style={{ width: '100%', height: '70vh', border: 0 }} />
      ) : (
        <Image src={url} alt={title} fit="contain" mah="70vh" />
      ))}
      {d && (
        <Group justify="flex-end" mt="md">
          <Button component="a" href={documentContentUrl(d.id)} variant="default">
            Download
          </Button>
          <Button onClick={onClose}>Close</Button>
        </Group>
      )}
    </Modal>
  );
}
