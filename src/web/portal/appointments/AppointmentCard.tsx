import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { portalAppointment, type PortalAppointment } from '../../../shared/api/portal.ts';
import { ApiError } from '../../api/errors.ts';
import { call, portalKeys } from '../api.ts';
import { ErrorSummary, problemFor, type Problem } from '../components/ErrorSummary.tsx';
import { TextareaField } from '../components/fields.tsx';
import { dateInWords, dayInWords, momentInWords, timeInWords } from '../dates.ts';

/** One appointment, and for one still to come a way to ask for another time. */
export function AppointmentCard({ appointment: a, canRearrange }: { appointment: PortalAppointment; canRearrange: boolean }) {
  const [asking, setAsking] = useState(false);
  const cancelled = a.status === 'cancelled';
  const when = momentInWords(a.startsAt);
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          {dayInWords(a.startsAt)}
          {cancelled && <> <strong className="govuk-tag govuk-tag--grey">Cancelled</strong></>}
        </h3>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Time</dt>
            <dd className="govuk-summary-list__value">{timeInWords(a.startsAt)}{a.endsAt ? ` to ${timeInWords(a.endsAt)}` : ''}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Place</dt>
            <dd className="govuk-summary-list__value portal-lines">{a.place}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">With</dt>
            <dd className="govuk-summary-list__value">{a.withWhom}</dd>
          </div>
          {a.details && (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Details</dt>
              <dd className="govuk-summary-list__value portal-lines">{a.details}</dd>
            </div>
          )}
        </dl>
        {a.rearrangeRequest && (
          <div className="govuk-inset-text">
            You asked to rearrange this on {dateInWords(a.rearrangeRequest.at)}: “{a.rearrangeRequest.reason}”. Your keyworker will be in touch.
          </div>
        )}
        {canRearrange && !asking && (
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => setAsking(true)}>
            Ask to rearrange<span className="govuk-visually-hidden"> the appointment on {when}</span>
          </button>
        )}
        {canRearrange && asking && <RearrangeForm appointment={a} onDone={() => setAsking(false)} />}
      </div>
    </div>
  );
}

function RearrangeForm({ appointment, onDone }: { appointment: PortalAppointment; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [sending, setSending] = useState(false);
  const field = `reason-${appointment.id}`;
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setProblems([{ field, text: 'Enter why you need to rearrange' }]);
    if (reason.length > 1000) return setProblems([{ field, text: 'Your reason must be 1,000 characters or fewer' }]);
    setSending(true);
    try {
      const updated = await call('POST', `/appointments/${appointment.id}/rearrange`, portalAppointment, { reason });
      queryClient.setQueryData(portalKeys.appointments, (list: { items: PortalAppointment[] } | undefined) =>
        list && { items: list.items.map((a) => (a.id === updated.id ? updated : a)) });
      onDone();
    } catch (error) {
      setProblems([{ field, text: error instanceof ApiError ? error.message : 'Something went wrong. Please try again.' }]);
    } finally {
      setSending(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary problems={problems} />
      <TextareaField
        id={field}
        ref={box}
        label="Why do you need to rearrange?"
        hint="For example, a day or time that suits you better"
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={problemFor(problems, field)}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={sending}>Send request</button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
