import { useQuery } from '@tanstack/react-query';
import { safetyPlan } from '../../../shared/api/portal.ts';
import { get, portalKeys } from '../api.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { dateInWords } from '../dates.ts';

/** 999 is always the first number, whatever the plan holds. */
const emergencyServices = { name: 'Police, fire or ambulance', phone: '999' };

const dialled = (phone: string) => phone.replace(/[^0-9+]/g, '');

function Call({ name, phone }: { name: string; phone: string }) {
  return (
    <a className="govuk-link" href={`tel:${dialled(phone)}`}>
      <span className="govuk-visually-hidden">Call {name} on </span>
      {phone}
    </a>
  );
}

/** The plan the keyworker wrote with the client, to read and print: steps, safe contacts, emergency numbers. */
export function SafetyPlanPage() {
  const { data: plan, error } = useQuery({ queryKey: portalKeys.safetyPlan, queryFn: () => get('/safety-plan', safetyPlan) });
  const emergency = [emergencyServices, ...(plan?.emergencyContacts ?? []).filter((c) => dialled(c.phone) !== '999')];

  return (
    <>
      <PageHeading>Your safety plan</PageHeading>
      <h2 className="govuk-heading-m">Emergency numbers</h2>
      <ul className="govuk-list govuk-list--spaced">
        {emergency.map((c) => (
          <li key={c.name + c.phone}>
            <strong>{c.name}</strong>: <Call name={c.name} phone={c.phone} />
          </li>
        ))}
      </ul>
      {error && <p className="govuk-error-message">{error.message}</p>}
      {!plan && !error && <p className="govuk-body">Loading your safety plan…</p>}
      {plan && plan.version === 0 && <p className="govuk-body">Your keyworker has not written a safety plan with you yet.</p>}
      {plan && plan.version > 0 && (
        <>
          <h2 className="govuk-heading-m">Steps to stay safe</h2>
          {plan.steps.length > 0 ? (
            <ol className="govuk-list govuk-list--number govuk-list--spaced">
              {plan.steps.map((step, i) => <li key={i} className="portal-lines">{step}</li>)}
            </ol>
          ) : (
            <p className="govuk-body">There are no steps in your plan yet.</p>
          )}
          <h2 className="govuk-heading-m">People you can contact</h2>
          {plan.safeContacts.length > 0 ? (
            <ul className="govuk-list govuk-list--spaced">
              {plan.safeContacts.map((c) => (
                <li key={c.name + c.phone}>
                  <strong>{c.name}</strong>: <Call name={c.name} phone={c.phone} />
                  {c.note && <><br /><span className="portal-lines">{c.note}</span></>}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">There are no contacts in your plan yet.</p>
          )}
          {plan.updatedAt && (
            <p className="govuk-body-s">
              Last updated on {dateInWords(plan.updatedAt)}{plan.updatedBy ? ` by ${plan.updatedBy.name}` : ''}.
            </p>
          )}
        </>
      )}
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-display-none-print" onClick={() => window.print()}>
        Print your safety plan
      </button>
    </>
  );
}
