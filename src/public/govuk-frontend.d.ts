// GOV.UK Frontend ships no types; the public pages call only this.
declare module 'govuk-frontend' {
  export function initAll(config?: Record<string, unknown>): void;
}
