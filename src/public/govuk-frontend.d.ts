// GOV.UK Frontend ships no types; Concord calls only this.
declare module 'govuk-frontend' {
  export function initAll(config?: Record<string, unknown>): void;

  /** The client portal leaves by replacing its page (web/portal/components/ExitThisPage.tsx), so it reaches these. */
  export class ExitThisPage {
    constructor($root: Element, config?: Record<string, unknown>);
    $button: HTMLAnchorElement;
    $updateSpan: HTMLElement | null;
    $overlay: HTMLElement | null;
    i18n: { t(key: string): string };
    exitPage(): void;
  }
}
