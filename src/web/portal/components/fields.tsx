import { Fragment, type ComponentProps, type ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: ReactNode;
  /** A label that stands as the question of its part of the page. */
  labelSize?: 'm';
  hint?: ReactNode;
  error?: string;
}

/** The GOV.UK form group around one field: its label, hint and error, in that order. */
function Group({ id, label, labelSize, hint, error, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className={`govuk-label${labelSize ? ` govuk-label--${labelSize}` : ''}`} htmlFor={id}>{label}</label>
      {hint && <div className="govuk-hint" id={`${id}-hint`}>{hint}</div>}
      {error && (
        <p className="govuk-error-message" id={`${id}-error`}>
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      {children}
    </div>
  );
}

const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

export function TextField({ id, label, labelSize, hint, error, className, ...input }: FieldProps & ComponentProps<'input'>) {
  return (
    <Group id={id} label={label} labelSize={labelSize} hint={hint} error={error}>
      <input
        {...input}
        id={id}
        name={input.name ?? id}
        className={`govuk-input${error ? ' govuk-input--error' : ''}${className ? ` ${className}` : ''}`}
        aria-describedby={describedBy(id, hint, error)}
      />
    </Group>
  );
}

export function TextareaField({ id, label, labelSize, hint, error, ...textarea }: FieldProps & ComponentProps<'textarea'>) {
  return (
    <Group id={id} label={label} labelSize={labelSize} hint={hint} error={error}>
      <textarea
        {...textarea}
        id={id}
        name={textarea.name ?? id}
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
      />
    </Group>
  );
}

export function FileField({ id, label, labelSize, hint, error, ...input }: FieldProps & ComponentProps<'input'>) {
  return (
    <Group id={id} label={label} labelSize={labelSize} hint={hint} error={error}>
      <input
        {...input}
        type="file"
        id={id}
        name={input.name ?? id}
        className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
      />
    </Group>
  );
}

export interface RadioOption<V extends string> {
  value: V;
  label: string;
  /** What choosing it reveals beneath it (GOV.UK's conditional reveal). */
  reveals?: ReactNode;
}

/** GOV.UK radios in a fieldset; the first radio carries the id the error summary links to. */
export function Radios<V extends string>({ id, legend, error, options, value, onChange }: {
  id: string;
  legend: string;
  error?: string;
  options: RadioOption<V>[];
  value: V | null;
  onChange: (value: V) => void;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
        {error && (
          <p className="govuk-error-message" id={`${id}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className="govuk-radios">
          {options.map((option, index) => {
            const inputId = index === 0 ? id : `${id}-${option.value}`;
            const revealId = `${inputId}-conditional`;
            return (
              <Fragment key={option.value}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={inputId}
                    name={id}
                    type="radio"
                    value={option.value}
                    checked={value === option.value}
                    onChange={() => onChange(option.value)}
                    aria-controls={option.reveals ? revealId : undefined}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={inputId}>{option.label}</label>
                </div>
                {option.reveals && (
                  <div className={`govuk-radios__conditional${value === option.value ? '' : ' govuk-radios__conditional--hidden'}`} id={revealId}>
                    {option.reveals}
                  </div>
                )}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
