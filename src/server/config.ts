import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

const keyFormat = '32 bytes as base64 or 64 hex characters (openssl rand -base64 32)';

/** A data encryption key as configured: 64 hex characters, or the base64 (or base64url) of 32 bytes. */
function keyBytes(text: string): Buffer | undefined {
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
  // Node's decoder skips characters outside the alphabet, so a typo would otherwise pass as a shorter key.
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  const key = Buffer.from(text, 'base64');
  return key.length === 32 ? key : undefined;
}

const keyList = (text: string) => text.split(',').map((k) => k.trim());

// The message never repeats the value: it is a secret.
function refuseKey(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

const environment = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    CONCORD_DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    CONCORD_DEMO: z.preprocess(emptyAsUndefined, flag.default(true)),
    CONCORD_DEMO_DATA: z.preprocess(emptyAsUndefined, flag.default(true)),
    SESSION_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
    DATA_ENCRYPTION_KEY: z.preprocess(emptyAsUndefined, z.string().trim().transform((v, ctx) => keyBytes(v) ?? refuseKey(ctx, `must be ${keyFormat}`)).optional()),
    DATA_ENCRYPTION_PREVIOUS_KEYS: z.preprocess(emptyAsUndefined, z.string().transform((v, ctx) =>
      keyList(v).map((k, i) => keyBytes(k) ?? refuseKey(ctx, `key ${i + 1} must be ${keyFormat}`))).optional()),
    PUBLIC_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    TRUST_PROXY: z.preprocess(emptyAsUndefined, flag.default(false)),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SMTP_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().min(3).default('Concord <no-reply@concord.test>')),
    NOTIFY_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(20).optional()),
    NOTIFY_EMAIL_TEMPLATE_ID: z.preprocess(emptyAsUndefined, z.string().uuid().optional()),
    NOTIFY_SMS_TEMPLATE_ID: z.preprocess(emptyAsUndefined, z.string().uuid().optional()),
    MAP_TILE_URL: z.preprocess(emptyAsUndefined, z.string().url().regex(/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/, 'must be an http(s) tile URL with {z}, {x} and {y}')
      .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png')),
    MAP_ATTRIBUTION: z.preprocess(emptyAsUndefined, z.string().max(500).default('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors')),
    DOCUMENT_MAX_BYTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1024, 'must be at least 1024 bytes').max(1024 * 1024 * 1024, 'must be at most 1 GiB')
      .default(25 * 1024 * 1024)),
    CLAMAV_HOST: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    CLAMAV_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3310)),
    GEOCODER: z.preprocess(emptyAsUndefined, z.enum(['none', 'postcodes.io', 'os-places']).default('none')),
    GEOCODER_URL: z.preprocess(emptyAsUndefined, z.string().url().regex(/^https?:\/\//, 'must be an http(s) URL').optional()),
    OS_PLACES_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    REFERRAL_RATE_LIMIT_PER_ADDRESS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(10)),
    REFERRAL_RATE_LIMIT_PER_FORM: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(300)),
    WEBHOOK_ALLOW_PRIVATE_TARGETS: z.preprocess(emptyAsUndefined, flag.default(false)),
    OIDC_ALLOW_HTTP_ISSUERS: z.preprocess(emptyAsUndefined, flag.default(false)),
    FILE_STORAGE: z.preprocess(emptyAsUndefined, z.enum(['local', 's3']).default('local')),
    S3_BUCKET: z.preprocess(emptyAsUndefined, z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name: 3 to 63 lower-case letters, digits, dots and hyphens').optional()),
    S3_ENDPOINT: z.preprocess(emptyAsUndefined, z.string().url().regex(/^https?:\/\//, 'must be an http(s) URL').optional()),
    S3_REGION: z.preprocess(emptyAsUndefined, z.string().min(1).default('us-east-1')),
    S3_ACCESS_KEY_ID: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    S3_SECRET_ACCESS_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    S3_FORCE_PATH_STYLE: z.preprocess(emptyAsUndefined, flag.default(false)),
  })
  .superRefine((env, ctx) => {
    if (!env.CONCORD_DEMO && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required when CONCORD_DEMO is off' });
    }
    if (!env.CONCORD_DEMO && !env.DATA_ENCRYPTION_KEY) {
      ctx.addIssue({ code: 'custom', path: ['DATA_ENCRYPTION_KEY'], message: 'is required when CONCORD_DEMO is off' });
    }
    if (env.NOTIFY_API_KEY && !env.NOTIFY_EMAIL_TEMPLATE_ID) {
      ctx.addIssue({ code: 'custom', path: ['NOTIFY_EMAIL_TEMPLATE_ID'], message: 'is required with NOTIFY_API_KEY' });
    }
    if (env.GEOCODER === 'os-places' && !env.OS_PLACES_KEY) {
      ctx.addIssue({ code: 'custom', path: ['OS_PLACES_KEY'], message: 'is required with GEOCODER=os-places' });
    }
    if (env.FILE_STORAGE === 's3' && !env.S3_BUCKET) {
      ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'is required with FILE_STORAGE=s3' });
    }
    // Neither is fine: the SDK then finds credentials itself (an instance role, AWS_PROFILE).
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({ code: 'custom', path: [env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'], message: 'is required with the other S3 key' });
    }
  });

export type Environment = z.infer<typeof environment>;

/** Where postcodes are looked up: their coordinates from either, addresses and UPRNs from OS Places only. */
export type GeocoderConfig =
  | { provider: 'postcodes.io'; url: string }
  | { provider: 'os-places'; url: string; key: string };

const geocoderUrls = { 'postcodes.io': 'https://api.postcodes.io', 'os-places': 'https://api.os.uk/search/places/v1' } as const;

function geocoderOf(e: Environment): GeocoderConfig | undefined {
  if (e.GEOCODER === 'none') return undefined;
  const url = (e.GEOCODER_URL ?? geocoderUrls[e.GEOCODER]).replace(/\/+$/, '');
  return e.GEOCODER === 'os-places' ? { provider: 'os-places', url, key: e.OS_PLACES_KEY ?? '' } : { provider: 'postcodes.io', url };
}

/** An S3 bucket, at AWS or at any server that speaks its API (MinIO, Ceph, Garage). */
export interface S3Settings {
  bucket: string;
  /** Unset: AWS itself. */
  endpoint: string | undefined;
  region: string;
  /** Unset: the SDK's own search (environment, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Bucket in the path rather than the host name, as most servers other than AWS need. */
  forcePathStyle: boolean;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  /**
   * With the demo, whether Demo County also gets its made-up data set on first start (people,
   * cases, reports and the rest over two years, db/seed/demo-data); off, only the demo accounts.
   */
  demoData: boolean;
  /** Unset only in demo mode, where a random secret is generated and kept in the data directory. */
  sessionSecret: string | undefined;
  /**
   * The key-encryption keys of data sealed at rest (platform/crypto/envelope.ts): the current one,
   * unset only in demo mode (derived from the server's secret), and the ones it replaced, still
   * needed to open what they sealed.
   */
  dataEncryption: { key: Buffer | undefined; previousKeys: Buffer[] };
  publicUrl: string | undefined;
  trustProxy: boolean;
  logLevel: Environment['LOG_LEVEL'];
  mail: {
    from: string;
    smtpUrl: string | undefined;
    notifyApiKey: string | undefined;
    notifyEmailTemplateId: string | undefined;
    notifySmsTemplateId: string | undefined;
  };
  /** The map tiles the web app shows, and the credit their provider requires. */
  map: { tileUrl: string; attribution: string };
  /** Uploaded documents: the size limit, and the ClamAV daemon that scans them when one is set. */
  documents: { maxBytes: number; clamav: { host: string; port: number } | undefined };
  /** Unset: no postcode lookup, and the web app offers none. */
  geocoder: GeocoderConfig | undefined;
  /**
   * What the public referral forms take: sends from one address in 10 minutes, and sends to one
   * form in a minute, whoever they come from. Read at each send, so a test can lower them.
   */
  referralRateLimit: { perAddress: number; perForm: number };
  /**
   * Webhooks: whether a hook may aim at loopback, private and other non-public addresses, and
   * use plain http (tests, closed networks); and the waits before each retry of a failed
   * delivery, whose count is the number of retries. Read at each save and each attempt, so a
   * test can shorten the waits.
   */
  webhooks: { allowPrivateTargets: boolean; retryDelaysMs: number[] };
  /**
   * Single sign-on: whether an organisation's identity provider may be reached over plain http
   * (a provider on this machine, in development and tests); otherwise https only. Read at each
   * use, so a test can allow it.
   */
  oidc: { allowHttpIssuers: boolean };
  /**
   * Where uploaded files' bytes live: the data directory's `files` folder, or an S3 bucket, which
   * several instances of Concord can share.
   */
  files: { storage: 'local' } | ({ storage: 's3' } & S3Settings);
}

export class ConfigError extends Error {}

/** Parses the environment once at start; a bad setting stops the server with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Concord cannot start; fix these settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.CONCORD_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    demo: e.CONCORD_DEMO,
    demoData: e.CONCORD_DEMO_DATA,
    sessionSecret: e.SESSION_SECRET,
    dataEncryption: { key: e.DATA_ENCRYPTION_KEY, previousKeys: e.DATA_ENCRYPTION_PREVIOUS_KEYS ?? [] },
    publicUrl: e.PUBLIC_URL,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    mail: {
      from: e.MAIL_FROM,
      smtpUrl: e.SMTP_URL,
      notifyApiKey: e.NOTIFY_API_KEY,
      notifyEmailTemplateId: e.NOTIFY_EMAIL_TEMPLATE_ID,
      notifySmsTemplateId: e.NOTIFY_SMS_TEMPLATE_ID,
    },
    map: { tileUrl: e.MAP_TILE_URL, attribution: e.MAP_ATTRIBUTION },
    documents: {
      maxBytes: e.DOCUMENT_MAX_BYTES,
      clamav: e.CLAMAV_HOST ? { host: e.CLAMAV_HOST, port: e.CLAMAV_PORT } : undefined,
    },
    geocoder: geocoderOf(e),
    referralRateLimit: { perAddress: e.REFERRAL_RATE_LIMIT_PER_ADDRESS, perForm: e.REFERRAL_RATE_LIMIT_PER_FORM },
    // 1 minute, 5 minutes, 30 minutes, 2 hours, 8 hours: a receiver down for a working day is given up on.
    webhooks: { allowPrivateTargets: e.WEBHOOK_ALLOW_PRIVATE_TARGETS, retryDelaysMs: [60_000, 300_000, 1_800_000, 7_200_000, 28_800_000] },
    oidc: { allowHttpIssuers: e.OIDC_ALLOW_HTTP_ISSUERS },
    files: e.FILE_STORAGE === 's3'
      ? {
          storage: 's3',
          bucket: e.S3_BUCKET ?? '',
          endpoint: e.S3_ENDPOINT,
          region: e.S3_REGION,
          credentials: e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY } : undefined,
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
        }
      : { storage: 'local' },
  };
}
