import { z } from 'zod';

/** Everything the bot reads from the environment, validated once at start-up. */
const configSchema = z.object({
  OPENCART_URL: z.url({ protocol: /^https?$/ }).optional(),
  OPENCART_API_USERNAME: z.string().min(1).default('Default'),
  OPENCART_API_KEY: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  DEFAULT_LOCALE: z.enum(['en', 'ru', 'de']).default('en'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppTenantId: z.string().optional(),
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
  if (config.OPENCART_URL && !config.OPENCART_API_KEY) {
    throw new ConfigError(['OPENCART_API_KEY: required when OPENCART_URL is set']);
  }
  return config;
}
