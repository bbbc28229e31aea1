import { useEffect, useRef } from 'react';
import { ExitWithoutHistory } from '../../../public/exit-without-history.ts';

/** Each element is started once, however often React runs the effect. */
const started = new WeakSet<Element>();

/**
 * GOV.UK's "Exit this page": the button always in view, three presses of Shift, and the skip link
 * (`.govuk-js-exit-this-page-skiplink`, which must be on the page before this starts). It is
 * rendered once for the life of the page, since GOV.UK's Shift listener stays with the first one;
 * the address it goes to may change (after sign-in, the partnership's own).
 */
export function ExitThisPage({ exitUrl }: { exitUrl: string }) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = root.current;
    if (!element || started.has(element)) return;
    started.add(element);
    new ExitWithoutHistory(element);
  }, []);
  return (
    <div className="govuk-exit-this-page govuk-!-display-none-print" data-module="govuk-exit-this-page" ref={root}>
      <a
        href={exitUrl}
        role="button"
        draggable="false"
        className="govuk-button govuk-button--warning govuk-exit-this-page__button govuk-js-exit-this-page-button"
        data-module="govuk-button"
        rel="nofollow noreferrer"
      >
        <span className="govuk-visually-hidden">Emergency</span> Exit this page
      </a>
    </div>
  );
}
