import { DEFAULT_TASK_QUEUE } from '../../workflows/contracts/task-queue.js';
import { parsePayloadKeys } from '../engine/payload-codec.js';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBoolean = ({ value }: { value: unknown }) =>
  value === 'false' || value === '0' ? false : value === 'true' || value === '1' ? true : value;

/** Process configuration, read from the environment once at boot and validated. */
export class AppConfig {
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(1)
  HOST = '0.0.0.0';

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL!: string;

  @IsString()
  @Matches(/^\S+:\d+$/, { message: 'TEMPORAL_ADDRESS must be host:port' })
  TEMPORAL_ADDRESS = '127.0.0.1:7233';

  @IsString()
  @MinLength(1)
  TEMPORAL_NAMESPACE = 'default';

  @IsString()
  @MinLength(1)
  TEMPORAL_TASK_QUEUE = DEFAULT_TASK_QUEUE;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @IsUrl({ require_tld: false }, { message: 'JWT_JWKS_URL must be a URL' })
  JWT_JWKS_URL?: string;

  @IsString()
  @MinLength(1)
  JWT_ISSUER = 'data-sharing-approvals';

  @IsString()
  @MinLength(1)
  JWT_AUDIENCE = 'data-sharing-approvals-api';

  /** The longest a token may live (from `iat` to `exp`); a token without `exp` or `iat` is refused. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  JWT_MAX_LIFETIME_HOURS = 12;

  /**
   * Working days for steps whose text sets no deadline, by target key (e.g.
   * {"default":10,"share-request.review":5}); the API marks them administrative.
   */
  @Transform(({ value }) => (typeof value === 'string' ? parseTargets(value) : value))
  @IsObject({ message: 'ADMINISTRATIVE_TARGETS must be a JSON object of positive whole numbers of working days' })
  ADMINISTRATIVE_TARGETS: Record<string, number> = { default: 10 };

  /**
   * Keys that encrypt payloads in the engine (AES-256-GCM): a JSON object of
   * key id → 32 bytes in base64. Without it, payloads are stored in clear.
   */
  @IsOptional()
  @Matches(/^\{.*\}$/s, { message: 'PAYLOAD_KEYS must be a JSON object of key id → 32 bytes in base64' })
  PAYLOAD_KEYS?: string;

  /** The key new payloads are encrypted with (the last of PAYLOAD_KEYS by default). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  PAYLOAD_KEY_ID?: string;

  /**
   * Case starts one API instance works on at once; past that a start is answered at once with 503 and
   * Retry-After instead of queueing for seconds behind the others (load shedding).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  START_CONCURRENCY = 16;

  /**
   * When recent starts took longer than START_LATENCY_TARGET_MS (0: never), the system is saturated: then only
   * START_SATURATED_CONCURRENCY starts run at once and the rest are shed, and one taken on (or any, while more than
   * that are in flight) waits for its first step only up to the target from its request's arrival (then answered
   * 202, received), so that a start's wait stays near the target instead of growing with the queue.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  START_LATENCY_TARGET_MS = 1000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  START_SATURATED_CONCURRENCY = 8;

  /**
   * A start whose request waited in the API longer than this before its turn (the process busy with other
   * requests) is shed with 503 + Retry-After: its answer is already late, and taking it on would make the next one
   * later still. 0: never.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  START_QUEUE_LIMIT_MS = 500;

  /**
   * Where the worker serves the Temporal SDK's Prometheus metrics (`/metrics`: workflow and activity task
   * latencies, slots, poll failures, schedule-to-start); empty switches them off.
   */
  @IsString()
  @Matches(/^$|^[\w.-]+:\d{1,5}$/, { message: 'WORKER_METRICS_ADDRESS is host:port (e.g. 127.0.0.1:9464), or empty' })
  WORKER_METRICS_ADDRESS = '127.0.0.1:9464';

  /** Origins allowed to call the API from a browser (the Temporal Web UI, for the codec endpoint). */
  @IsString()
  TEMPORAL_UI_ORIGIN = 'http://localhost:8233';

  /** How long the engine keeps a closed case (the namespace's retention); the audit archive keeps it after that. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  TEMPORAL_RETENTION_DAYS = 30;

  /**
   * Every request is answered within this many milliseconds of its arrival (0: no limit): past it, 503 + Retry-After
   * instead of a request left hanging on a database or an engine that stopped answering. The work goes on.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  REQUEST_TIMEOUT_MS = 15_000;

  /**
   * How often this API process looks for cases registered but never started (the API killed half-way through a
   * start, or the engine out of reach then) and starts their workflows; 0: never.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(24 * 3600)
  UNSTARTED_SWEEP_SECONDS = 30;

  /** Whether this process runs the audit archiver (one or more API processes may; appends are serialized). */
  @Transform(toBoolean)
  @IsBoolean()
  ARCHIVER_ENABLED = true;

  /** How often the archiver copies closed cases' histories into the audit archive. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  ARCHIVE_INTERVAL_SECONDS = 60;

  /** Where notifications are delivered as signed webhooks (comma-separated http(s) URLs); empty: none. */
  @IsString()
  @Matches(/^$|^https?:\/\/[^\s,]+(,\s*https?:\/\/[^\s,]+)*$/, {
    message: 'WEBHOOK_URLS is a comma-separated list of http(s) URLs, or empty',
  })
  WEBHOOK_URLS = '';

  /** The HMAC-SHA256 key of the webhooks' `X-Webhook-Signature`; required with WEBHOOK_URLS. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'WEBHOOK_SECRET must be at least 32 characters' })
  WEBHOOK_SECRET?: string;

  /** Whether this process delivers the outbox's webhooks (any number of processes may; rows are leased). */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_DELIVERY_ENABLED = true;

  /** Loading a year's schedule: open cases told at once, the pause between batches, batches per workflow run. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000)
  RECOMPUTE_BATCH_SIZE = 200;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  RECOMPUTE_PAUSE_MS = 500;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  RECOMPUTE_BATCHES_PER_RUN = 10;

  /** The first retry's delay; each further one doubles it, up to an hour. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_BACKOFF_MS = 5_000;

  /** Attempts before a delivery goes to the dead-letter list for operators. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  WEBHOOK_MAX_ATTEMPTS = 10;

  /** How often the outbox is polled for deliveries due. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(600_000)
  WEBHOOK_POLL_MS = 1_000;

  /** Development only: the console's demo-user sign-in (`/dev/users`, `/dev/tokens`); never in production. */
  @Transform(toBoolean)
  @IsBoolean()
  DEV_LOGIN_ENABLED = false;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
}

export class ConfigError extends Error {}

function parseTargets(raw: string): Record<string, number> | string {
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return raw;
    const valid = Object.values(parsed).every(
      (days) => Number.isInteger(days) && (days as number) > 0 && (days as number) <= 250,
    );
    return valid ? { default: 10, ...(parsed as Record<string, number>) } : raw;
  } catch {
    return raw;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, present, { excludeExtraneousValues: false });
  const problems = validateSync(config).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((m) => `${error.property}: ${m}`),
  );
  if (!config.JWT_SECRET && !config.JWT_JWKS_URL) problems.push('JWT_SECRET or JWT_JWKS_URL must be set');
  if (config.WEBHOOK_URLS.trim() && !config.WEBHOOK_SECRET)
    problems.push('WEBHOOK_SECRET must be set with WEBHOOK_URLS');
  if (config.PAYLOAD_KEYS) {
    try {
      const keys = parsePayloadKeys(config.PAYLOAD_KEYS);
      if (config.PAYLOAD_KEY_ID && !keys.has(config.PAYLOAD_KEY_ID))
        problems.push(`PAYLOAD_KEY_ID: no key ${config.PAYLOAD_KEY_ID} in PAYLOAD_KEYS`);
      if (keys.size === 0) problems.push('PAYLOAD_KEYS: no key');
    } catch (error) {
      problems.push(`PAYLOAD_KEYS: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  return config;
}
