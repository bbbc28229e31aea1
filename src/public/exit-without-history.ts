import { ExitThisPage } from 'govuk-frontend';

/**
 * GOV.UK's "Exit this page", less one thing: it leaves by `location.href`, which keeps the page
 * one Back away. Replacing the page instead leaves no way back to it in the browser's history.
 * The referral pages and the client portal both leave this way.
 */
export class ExitWithoutHistory extends ExitThisPage {
  override exitPage() {
    if (!this.$updateSpan) return;
    this.$updateSpan.textContent = '';
    document.body.classList.add('govuk-exit-this-page-hide-content');
    const overlay = document.createElement('div');
    overlay.className = 'govuk-exit-this-page-overlay';
    overlay.setAttribute('role', 'alert');
    overlay.textContent = this.i18n.t('activated');
    this.$overlay = overlay;
    document.body.appendChild(overlay);
    window.location.replace(this.$button.href);
  }
}
