import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { clientTask, clientTaskList, type ClientTask } from '../../../shared/api/portal.ts';
import { call, get, portalKeys } from '../api.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { dateInWords } from '../dates.ts';

/** The tasks that are the client's own: still to do first, each with "Mark as done"; then those done. */
export function TasksPage() {
  const queryClient = useQueryClient();
  const { data, error } = useQuery({ queryKey: portalKeys.tasks, queryFn: () => get('/tasks', clientTaskList) });
  const done = useMutation({
    mutationFn: (id: string) => call('POST', `/tasks/${id}/done`, clientTask),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: portalKeys.tasks });
      // The button has gone with the task: focus goes back to the top of the list.
      document.getElementById('to-do')?.focus();
    },
  });
  const toDo = data?.items.filter((t) => !t.done) ?? [];
  const finished = data?.items.filter((t) => t.done) ?? [];

  const task = (t: ClientTask) => (
    <div key={t.id} className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">{t.title}</h3>
      </div>
      <div className="govuk-summary-card__content">
        {t.description && <p className="govuk-body portal-lines">{t.description}</p>}
        <p className="govuk-body">
          {t.done && t.doneAt ? `Done on ${dateInWords(t.doneAt)}` : `To do by ${dateInWords(t.dueOn)}`}
        </p>
        {!t.done && (
          <button
            type="button"
            className="govuk-button govuk-!-margin-bottom-0"
            disabled={done.isPending && done.variables === t.id}
            onClick={() => done.mutate(t.id)}
          >
            Mark as done<span className="govuk-visually-hidden"> {t.title}</span>
          </button>
        )}
      </div>
    </div>
  );

  return (
    <>
      <PageHeading>Things to do</PageHeading>
      <div className="govuk-visually-hidden" role="status">{done.isSuccess ? `Marked as done: ${done.data.title}` : ''}</div>
      {(error ?? done.error) && <p className="govuk-error-message">{(error ?? done.error)?.message}</p>}
      {!data && !error && <p className="govuk-body">Loading your things to do…</p>}
      {data && (
        <>
          <h2 className="govuk-heading-m portal-heading" id="to-do" tabIndex={-1}>To do</h2>
          {toDo.length === 0 ? <p className="govuk-body">You have nothing to do at the moment.</p> : toDo.map(task)}
          {finished.length > 0 && (
            <>
              <h2 className="govuk-heading-m">Done</h2>
              {finished.map(task)}
            </>
          )}
        </>
      )}
    </>
  );
}
