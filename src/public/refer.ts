/**
 * The public referral pages' only script, and only an enhancement: every page works without it.
 * GOV.UK's page template marks the body with an inline script, which our Content-Security-Policy
 * refuses, so it is done here (a browser that runs a module supports what GOV.UK Frontend needs).
 */
import { initAll } from 'govuk-frontend';
import './refer.scss';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
