import type { Message } from '../../../shared/api/portal.ts';
import { formatBytes, typeName } from '../../documents/api.ts';
import { fileUrl } from '../api.ts';
import { momentInWords } from '../dates.ts';

/** One message: who wrote it and when, what it says, its files, and "Read" once the team has read one of the client's. */
export function MessageItem({ message }: { message: Message }) {
  const mine = message.sender === 'client';
  return (
    <li className={`portal-message ${mine ? 'portal-message--mine' : 'portal-message--team'}`}>
      <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
        {mine ? 'You' : message.author.name}
        <span className="govuk-body-s portal-message__time"> <time dateTime={message.sentAt}>{momentInWords(message.sentAt)}</time></span>
      </h2>
      <p className="govuk-body portal-message__body">{message.body}</p>
      {message.attachments.length > 0 && (
        <ul className="govuk-list">
          {message.attachments.map((a) => (
            <li key={a.id}>
              <a className="govuk-link" href={fileUrl(`/attachments/${a.id}`)} download={a.name}>
                {a.name}
              </a>{' '}
              <span className="govuk-body-s">({typeName(a.contentType)}, {formatBytes(a.size)})</span>
            </li>
          ))}
        </ul>
      )}
      {mine && message.readAt && <p className="govuk-body-s govuk-!-margin-bottom-0 portal-message__read">Read</p>}
    </li>
  );
}
