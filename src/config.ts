import { z } from 'zod';
import { isLoopbackUrl } from './server/http/loopback';
import { webchatTokenConfigProblems } from './server/webchat-token/settings';

/** Everything the bot reads from the environment, validated once at start-up. */
const configSchema = z.object({
  OPENCART_URL: z.url({ protocol: /^https?$/ }).optional(),
  OPENCART_API_USERNAME: z.string().min(1).default('Default'),
  OPENCART_API_KEY: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  /** The address the bot listens on; empty means every interface (what a container or App Service needs). */
  HOST: z.string().max(255).optional(),
  DEFAULT_LOCALE: z.enum(['en', 'ru', 'de']).default('en'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppTenantId: z.string().optional(),
  NODE_ENV: z.string().optional(),
  /** Message turns a conversation may send per minute (a burst of TURN_RATE_BURST first); 0 turns the limit off. */
  TURN_RATE_LIMIT: z.coerce.number().int().min(0).max(10_000).default(60),
  TURN_RATE_BURST: z.coerce.number().int().min(1).max(10_000).default(40),
  /** Turns run at once in the process; more wait their turn (MAX_WAITING_TURNS at most, then refused). */
  MAX_CONCURRENT_TURNS: z.coerce.number().int().min(1).max(10_000).default(32),
  MAX_WAITING_TURNS: z.coerce.number().int().min(0).max(100_000).default(1000),
  /** Lets a production start run without Bot Framework credentials (a local setup only). */
  ALLOW_ANONYMOUS: z.stringbool().default(false),

  /** Where conversation and user state live: a folder on local disk (default), memory, Azure Blob or Cosmos DB. */
  STATE_STORAGE: z.enum(['file', 'memory', 'blob', 'cosmos']).default('file'),
  STATE_DIR: z.string().min(1).default('.state'),
  /** Conversations untouched for longer than this are forgotten. */
  STATE_TTL_DAYS: z.coerce.number().positive().max(3650).default(30),
  AZURE_STORAGE_CONNECTION_STRING: z.string().optional(),
  AZURE_STORAGE_CONTAINER: z.string().min(3).max(63).default('bot-state'),
  COSMOS_DB_ENDPOINT: z.url().optional(),
  COSMOS_DB_KEY: z.string().optional(),
  COSMOS_DB_DATABASE: z.string().default('bot'),
  COSMOS_DB_CONTAINER: z.string().default('bot-state'),

  /** The web chat widget: the bot's public base URL, Direct Line secret (production) and the shop's origins. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DIRECT_LINE_SECRET: z.string().optional(),
  WEBCHAT_ALLOWED_ORIGINS: z.string().optional(),
  /** Direct Line's base URL for the token endpoint (a regional one); default https://directline.botframework.com. */
  DIRECT_LINE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Behind one reverse proxy (App Service): clients are told apart by X-Forwarded-For's last address. */
  TRUST_PROXY: z.stringbool().default(false),
  /** Shared with the OpenCart extension: signs the signed-in customer's identity passed to the widget. */
  SHOP_SHARED_SECRET: z.string().min(32).optional(),

  /** After the order: the status a customer's cancellation request sets (order/history); unset: the shop's contact instead. */
  CANCEL_REQUEST_STATUS_ID: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  /** The status the store gives new orders (OpenCart's config_order_status_id); only such orders may be asked to be cancelled. */
  ORDER_INITIAL_STATUS_ID: z.coerce.number().int().min(1).max(2_147_483_647).default(1),

  /** Updates sent to the customer: each order placed in the chat is watched (order/info polled with backoff). */
  ORDER_WATCH: z.stringbool().default(true),
  ORDER_WATCH_DAYS: z.coerce.number().positive().max(365).default(30),
  /** The first poll after placing (and after each change), doubling up to ORDER_WATCH_MAX_INTERVAL_MINUTES. */
  ORDER_WATCH_FIRST_INTERVAL_MINUTES: z.coerce.number().min(0.1).max(1440).default(5),
  ORDER_WATCH_MAX_INTERVAL_MINUTES: z.coerce.number().min(0.1).max(10_080).default(360),
  /** Orders watched at once; the oldest watch is dropped beyond it. */
  ORDER_WATCH_MAX_ORDERS: z.coerce.number().int().min(1).max(100_000).default(2000),
  /** Status ids after which nothing more happens (OpenCart 3.0's Complete, Canceled, Denied, Refunded, Reversed, ...). */
  ORDER_FINAL_STATUS_IDS: z
    .string()
    .max(500)
    .regex(/^\s*\d{1,10}(\s*,\s*\d{1,10})*\s*$/, 'a comma-separated list of status ids')
    .default('5,7,8,11,12,13,14,16'),
});

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; empty strings count as unset. Throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const config = parsed.data;
  const problems = [...storeProblems(config), ...credentialProblems(config), ...webchatTokenConfigProblems(config), ...aftersalesProblems(config)];
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The API key and the customers' data travel to the store: only over TLS, unless the store is on this machine. */
function storeProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  const url = config.OPENCART_URL;
  if (url && !url.toLowerCase().startsWith('https:') && !isLoopbackUrl(url)) {
    problems.push('OPENCART_URL: must be https:// (plain http only for localhost, 127.0.0.0/8 or [::1])');
  }
  if (url && !config.OPENCART_API_KEY) problems.push('OPENCART_API_KEY: required when OPENCART_URL is set');
  return problems;
}

/** A request that sets the status new orders have would look like no request at all. */
function aftersalesProblems(config: AppConfig): string[] {
  if (config.CANCEL_REQUEST_STATUS_ID !== config.ORDER_INITIAL_STATUS_ID) return [];
  return ['CANCEL_REQUEST_STATUS_ID: must differ from ORDER_INITIAL_STATUS_ID (the status new orders have)'];
}

/** Without an app id the bot accepts unsigned activities: in production only when asked for explicitly. */
function credentialProblems(config: AppConfig): string[] {
  const production = config.NODE_ENV?.trim().toLowerCase() === 'production';
  if (!production || config.ALLOW_ANONYMOUS) return [];
  const problems: string[] = [];
  if (!config.MicrosoftAppId?.trim()) {
    problems.push(
      'MicrosoftAppId: required when NODE_ENV=production (set MicrosoftAppId and MicrosoftAppPassword, ' +
        'or ALLOW_ANONYMOUS=true for a local setup only)',
    );
  } else if (config.MicrosoftAppType !== 'UserAssignedMSI' && !config.MicrosoftAppPassword?.trim()) {
    problems.push('MicrosoftAppPassword: required with MicrosoftAppId when NODE_ENV=production');
  }
  return problems;
}
