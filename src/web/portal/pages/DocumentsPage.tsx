import { useQuery } from '@tanstack/react-query';
import { sharedDocumentList } from '../../../shared/api/portal.ts';
import { formatBytes, typeName } from '../../documents/api.ts';
import { fileUrl, get, portalKeys } from '../api.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { dateInWords } from '../dates.ts';

/** The documents the keyworker has chosen to share, to download. */
export function DocumentsPage() {
  const { data, error } = useQuery({ queryKey: portalKeys.documents, queryFn: () => get('/documents', sharedDocumentList) });
  return (
    <>
      <PageHeading>Documents</PageHeading>
      {error && <p className="govuk-error-message">{error.message}</p>}
      {!data && !error && <p className="govuk-body">Loading your documents…</p>}
      {data && data.items.length === 0 && <p className="govuk-body">No documents have been shared with you yet.</p>}
      {data && data.items.length > 0 && (
        <ul className="govuk-list govuk-list--spaced">
          {data.items.map((d) => (
            <li key={d.id}>
              <a className="govuk-link" href={fileUrl(`/documents/${d.id}/file`)} download={d.fileName}>{d.title}</a>
              <br />
              <span className="govuk-body-s">{typeName(d.contentType)}, {formatBytes(d.size)}, shared on {dateInWords(d.sharedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
