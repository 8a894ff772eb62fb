// process.env parsed by zod once at boot; a bad variable stops the start with one line naming it.
import { isIP } from 'node:net';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65_535);
/** JVM memory sizes as Neo4j and `-Xmx` take them: 512m, 2g. */
const memorySize = z.string().regex(/^\d+[kmgKMG]$/, 'must be a size such as 512m or 2g');

/** A comma-separated list, each entry trimmed and lower-cased, empty ones dropped. */
const commaSeparated = z.string().transform((text) =>
  text
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean),
);

/** One proxy as Express's `trust proxy` names it: a named range, an address, or a subnet. */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

export const Env = z
  .object({
    PORT: port.default(8080),
    HOST: z.string().min(1).default('127.0.0.1'),
    /**
     * Host names the explorer answers to, comma-separated, each `name:port` or `name` (any port).
     * Unset: 127.0.0.1, localhost and [::1] at PORT. Set it when HOST is not a loopback address.
     */
    ALLOWED_HOSTS: commaSeparated
      .pipe(z.array(z.string().regex(/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/, 'must be host names, each name or name:port, comma-separated')).min(1))
      .optional(),
    /** Graph requests per minute per client address; 0 turns the limit off (load tests). */
    RATE_LIMIT_QUERIES_PER_MIN: z.coerce.number().int().min(0).default(300),
    /** Sign-in attempts per minute per address and user name. */
    RATE_LIMIT_LOGIN_PER_MIN: z.coerce.number().int().min(0).default(10),
    /**
     * Each API request's whole budget, arrival to answer, Neo4j's own timeouts inside it. 7 s leaves
     * 3 s of the 10 s an analyst (or a proxy) is promised for a busy event loop and the way back.
     */
    REQUEST_BUDGET_S: z.coerce.number().int().min(1).max(600).default(7),
    /** On SIGTERM/SIGINT, how long requests in flight may take to finish before their connections are cut. */
    DRAIN_TIMEOUT_S: z.coerce.number().int().min(0).max(300).default(10),
    DATA_DIR: z.string().min(1).default('./data'),
    /** The local photo store: a Photo node's `file` is a path inside it. Default DATA_DIR/photos. */
    PHOTOS_DIR: z.string().min(1).optional(),
    /** Where Maven puts Neo4j's jars: a user-level cache shared by every clone. */
    XPF_CACHE_DIR: z
      .string()
      .min(1)
      .default(join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'xpf-explorer')),
    NEO4J_URI: z
      .string()
      .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'must be a neo4j:// or bolt:// URI')
      .optional(),
    NEO4J_USER: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().min(8, 'must be at least 8 characters (Neo4j refuses shorter ones)').optional(),
    NEO4J_BOLT_PORT: port.default(7687),
    NEO4J_HEAP: memorySize.default('512m'),
    NEO4J_PAGECACHE: memorySize.default('256m'),
    /**
     * More options for the embedded Neo4j's JVM, and for the offline importer's JVM that loads a new
     * store before it, separated by spaces. `-XX:TieredStopAtLevel=1` starts it about a fifth sooner and
     * plans its first queries a third sooner on a small, busy machine, for slower long-running queries
     * (the test suite gives it to the instances it starts).
     */
    NEO4J_JVM_OPTIONS: z
      .string()
      .default('')
      .transform((text) => text.split(/\s+/).filter(Boolean))
      .refine((options) => options.every((option) => option.startsWith('-')), 'must be JVM options, each beginning with "-"'),
    /** How long start-up waits for the embedded Neo4j to answer on Bolt. */
    NEO4J_START_TIMEOUT_S: z.coerce.number().int().min(5).max(600).default(120),
    /** Restarts of the embedded Neo4j tried in a row after it exits on its own; then the app stops (exit 1). */
    NEO4J_RESTART_ATTEMPTS: z.coerce.number().int().min(0).max(20).default(5),
    /** The first admin, created at start while no admin exists. There is no default. */
    ADMIN_USER: z.string().min(2).max(64).optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    /** REDACT=1: victims' personal data is withheld from everyone (a public demo). */
    REDACT: z.enum(['0', '1']).default('0'),
    /** Keys the detainee pseudonyms; by default a random key kept in DATA_DIR/redaction-secret. */
    REDACTION_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Largest file an analyst may upload for import, in megabytes. */
    IMPORT_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(100_000).default(200),
    /** Largest size an XLSX workbook may inflate to, in megabytes (a zip bomb is refused before it is read). */
    IMPORT_XLSX_MAX_MB: z.coerce.number().int().min(1).max(100_000).default(256),
    /**
     * The proxy in front that ends TLS, by address (Express's `trust proxy`): only a request from it has
     * its X-Forwarded-For believed. A hop count or `true` is refused: it believes the header from any
     * client that reaches the app directly, which can then rotate it past the sign-in limit.
     */
    TRUST_PROXY: commaSeparated
      .pipe(
        z
          .array(z.string())
          .min(1)
          .refine((entries) => entries.every(isProxyAddress), {
            message:
              'must name the proxy by address or range (loopback, uniquelocal, 10.0.0.5 or 10.0.0.0/8, comma-separated): a hop count or "true" would believe the X-Forwarded-For of any client that reaches the app directly',
          }),
      )
      .optional(),
  })
  .refine((env) => !env.ADMIN_USER === !env.ADMIN_PASSWORD, {
    path: ['ADMIN_PASSWORD'],
    message: 'ADMIN_USER and ADMIN_PASSWORD go together',
  })
  .refine((env) => !env.NEO4J_URI || env.NEO4J_PASSWORD, {
    path: ['NEO4J_PASSWORD'],
    message: 'is required when NEO4J_URI names an external server',
  })
  .transform((env) => ({
    ...env,
    DATA_DIR: resolve(env.DATA_DIR),
    PHOTOS_DIR: resolve(env.PHOTOS_DIR ?? join(env.DATA_DIR, 'photos')),
    XPF_CACHE_DIR: resolve(env.XPF_CACHE_DIR),
  }));
export type Env = z.infer<typeof Env>;

export class EnvError extends Error {}

/** Empty strings count as unset, as a shell `FOO= npm start` means. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = Env.safeParse(present);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new EnvError(`Invalid environment variable ${issue.path.join('.')}: ${issue.message}`);
}
