/**
 * The server secret the generator seeds the demo with and the runner starts the server with:
 * demo authenticator secrets are encrypted with a key derived from it, so both must agree.
 * Set SESSION_SECRET to use another. Benchmark data only; never a real installation's secret.
 */
export const benchSessionSecret = 'concord-benchmark-only-session-secret-0000';
