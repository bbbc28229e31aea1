import { useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { message as messageSchema, messageAttachment } from '../../../shared/api/portal.ts';
import { portalLimits } from '../../../shared/portal.ts';
import { ApiError } from '../../api/errors.ts';
import { call, portalKeys, postFile } from '../api.ts';
import { ErrorSummary, problemFor, type Problem } from '../components/ErrorSummary.tsx';
import { FileField, TextareaField } from '../components/fields.tsx';

/** Writing to the team: the files go first, then the message that carries them. */
export function MessageForm({ onSent }: { onSent: () => void }) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const files = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = [...(files.current?.files ?? [])];
    const found: Problem[] = [];
    if (!body.trim()) found.push({ field: 'message', text: 'Enter your message' });
    else if (body.length > portalLimits.messageLength) found.push({ field: 'message', text: `Your message must be ${portalLimits.messageLength.toLocaleString('en-GB')} characters or fewer` });
    if (chosen.length > portalLimits.attachmentsPerMessage) found.push({ field: 'files', text: `Choose ${portalLimits.attachmentsPerMessage} files or fewer` });
    setProblems(found);
    if (found.length > 0) return;
    setSending(true);
    let stage: 'files' | 'message' = 'files';
    try {
      const attachmentIds: string[] = [];
      for (const file of chosen) attachmentIds.push((await postFile('/attachments', file, messageAttachment)).id);
      stage = 'message';
      await call('POST', '/messages', messageSchema, { body, attachmentIds });
      setBody('');
      if (files.current) files.current.value = '';
      onSent();
      await queryClient.invalidateQueries({ queryKey: portalKeys.messages });
    } catch (error) {
      const text = error instanceof ApiError ? error.message : 'Something went wrong. Please try again.';
      setProblems([{ field: stage === 'files' ? 'files' : 'message', text }]);
    } finally {
      setSending(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="govuk-!-margin-top-6">
      <ErrorSummary problems={problems} />
      <TextareaField
        id="message"
        label="Write a message"
        labelSize="m"
        rows={5}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={problemFor(problems, 'message')}
      />
      <FileField
        id="files"
        label="Attach files (optional)"
        hint={`Up to ${portalLimits.attachmentsPerMessage} files, such as photos or documents`}
        multiple
        ref={files}
        error={problemFor(problems, 'files')}
      />
      <button type="submit" className="govuk-button" disabled={sending}>{sending ? 'Sending…' : 'Send message'}</button>
    </form>
  );
}
