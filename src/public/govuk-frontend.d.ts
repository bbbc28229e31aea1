// GOV.UK Frontend ships no types; Concord calls only this.
declare module 'govuk-frontend' {
  export function initAll(config?: Record<string, unknown> & { onError?: (error: unknown, context: { component?: unknown }) => void }): void;
  export function createAll(component: typeof ExitThisPage): unknown[];

  /** The referral pages and the portal leave by replacing the page (src/public/exit-without-history.ts), so it reaches these. */
  export class ExitThisPage {
    constructor($root: Element, config?: Record<string, unknown>);
    $button: HTMLAnchorElement;
    $updateSpan: HTMLElement | null;
    $overlay: HTMLElement | null;
    i18n: { t(key: string): string };
    exitPage(): void;
  }
}
