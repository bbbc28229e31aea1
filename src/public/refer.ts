/**
 * The public referral pages' only script, and only an enhancement: every page works without it.
 * GOV.UK's page template marks the body with an inline script, which our Content-Security-Policy
 * refuses, so it is done here (a browser that runs a module supports what GOV.UK Frontend needs).
 */
import { createAll, ExitThisPage, initAll } from 'govuk-frontend';
import { ExitWithoutHistory } from './exit-without-history.ts';
import './refer.scss';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
// Ours first: GOV.UK's own would leave the page one Back away, and it refuses a button already started.
createAll(ExitWithoutHistory);
initAll({ onError: (error: unknown, context: { component?: unknown }) => context.component === ExitThisPage || console.log(error) });
