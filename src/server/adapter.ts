import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { AppConfig } from '../config';
import type { Logger } from '../log';
import { createTurnErrorHandler, type TurnErrorText } from './turn-error';

/** The Bot Framework credentials out of the validated config; all empty means anonymous local use. */
export type BotCredentials = Pick<
  AppConfig,
  'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId'
>;

/** Only the keys that are set, so the SDK's own defaults apply to the rest. */
export function botAuthOptions(credentials: BotCredentials): ConfigurationBotFrameworkAuthenticationOptions {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {};
  for (const [key, value] of Object.entries(credentials)) {
    if (typeof value === 'string' && value.trim() !== '') options[key] = value;
  }
  return options;
}

/** True when no app id is configured: the SDK then accepts unauthenticated requests (local use only). */
export function isAnonymous(credentials: BotCredentials): boolean {
  return !credentials.MicrosoftAppId?.trim();
}

/** The bot's adapter; it knows whether it runs without credentials, so the edge can keep replies on loopback. */
export class BotCloudAdapter extends CloudAdapter {
  constructor(
    auth: ConstructorParameters<typeof CloudAdapter>[0],
    readonly anonymous: boolean,
  ) {
    super(auth);
  }
}

/** Any adapter not built here is treated as anonymous: the stricter edge rules apply to it. */
export function adapterIsAnonymous(adapter: CloudAdapter): boolean {
  return adapter instanceof BotCloudAdapter ? adapter.anonymous : true;
}

/** The SDK's AuthenticationError (botframework-connector, not a direct dependency): an Error with statusCode 401. */
export function isAuthenticationFailure(error: unknown): boolean {
  return error instanceof Error && 'statusCode' in error && (error.statusCode === 401 || error.statusCode === 403);
}

export interface CloudAdapterOptions {
  credentials: BotCredentials;
  logger: Logger;
  /** The "something went wrong" text in the customer's language; see turn-error.ts. */
  errorText?: TurnErrorText;
  /** Run after the customer was told, e.g. to keep state consistent. */
  afterError?: (context: TurnContext, error: unknown) => Promise<void>;
}

export function createCloudAdapter(options: CloudAdapterOptions): BotCloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(botAuthOptions(options.credentials));
  const adapter = new BotCloudAdapter(auth, isAnonymous(options.credentials));
  adapter.onTurnError = createTurnErrorHandler({
    logger: options.logger,
    errorText: options.errorText,
    afterError: options.afterError,
  });
  return adapter;
}
