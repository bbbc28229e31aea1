import { useEffect, useRef } from 'react';

export interface Problem {
  /** The id of the field to go to. */
  field: string;
  text: string;
}

/**
 * GOV.UK's error summary: it takes focus when it appears, and each problem links to its field.
 * The links move focus themselves rather than change the address, which would add a page to
 * the browser's history.
 */
export function ErrorSummary({ problems }: { problems: Problem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {problems.map((p) => (
              <li key={p.field + p.text}>
                <a
                  href={`#${p.field}`}
                  onClick={(event) => {
                    event.preventDefault();
                    const field = document.getElementById(p.field);
                    field?.focus();
                    field?.closest('.govuk-form-group')?.scrollIntoView();
                  }}
                >
                  {p.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** The problem for one field, if any. */
export const problemFor = (problems: Problem[], field: string) => problems.find((p) => p.field === field)?.text;
