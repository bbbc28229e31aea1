/**
 * The server secret the generator seeds the demo with and the runner starts the server with:
 * demo authenticator secrets are encrypted with a key derived from it, so both must agree.
 * Set SESSION_SECRET to use another. Benchmark data only; never a real installation's secret.
 */
export const benchSessionSecret = 'concord-benchmark-only-session-secret-0000';

/**
 * The data encryption key the referrals benchmark starts the server with and seals its loaded
 * referrals under, so the server opens them. Set DATA_ENCRYPTION_KEY to use another (the same
 * one on every run against a database, or the loaded referrals cannot be opened).
 */
export const benchDataEncryptionKey = Buffer.from('concord-benchmark-only-data-key!').toString('hex');
