import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Activity, ConfigurationBotFrameworkAuthenticationOptions, InvokeResponse } from 'botbuilder';
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

type TurnLogic = (context: TurnContext) => Promise<void>;
type AuthResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/** jsonwebtoken's verdicts on a token (bad signature, not yet valid, expired): the caller's fault, never ours. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** 401 for a token the SDK refused; 503 when it could not decide (signing keys unreachable, or too slow). */
export function authFailureStatus(error: unknown): 401 | 503 {
  if (isAuthenticationFailure(error)) return 401;
  return error instanceof Error && TOKEN_ERRORS.has(error.name) ? 401 : 503;
}

class AuthDeadline extends Error {
  constructor(ms: number) {
    super(`authentication took longer than ${ms} ms`);
    this.name = 'AuthDeadline';
  }
}

/**
 * The bot's adapter. It knows whether it runs without credentials (the edge then keeps replies on loopback),
 * and it authenticates each request itself, before the turn: a refused token answers 401 whatever the SDK
 * threw (it lets a bad signature through as a 500), and a check that cannot finish answers 503 in bounded time.
 */
export class BotCloudAdapter extends CloudAdapter {
  constructor(
    auth: ConstructorParameters<typeof CloudAdapter>[0],
    readonly anonymous: boolean,
    private readonly options: { logger?: Logger; authTimeoutMs?: number } = {},
  ) {
    super(auth);
  }

  /** One ConnectorClient per service URL and audience for the process, instead of one (and its credentials) per turn. */
  private readonly connectors = new ConnectorClientCache();

  protected override processActivity(authHeader: string, activity: Activity, logic: TurnLogic): Promise<InvokeResponse | undefined>;
  protected override processActivity(result: AuthResult, activity: Activity, logic: TurnLogic): Promise<InvokeResponse | undefined>;
  protected override async processActivity(
    authorization: string | AuthResult,
    activity: Activity,
    logic: TurnLogic,
  ): Promise<InvokeResponse | undefined> {
    if (typeof authorization !== 'string') return super.processActivity(authorization, activity, logic);
    let result: AuthResult;
    try {
      result = await this.authenticate(activity, authorization);
    } catch (error) {
      const status = authFailureStatus(error);
      this.options.logger?.warn({ status, err: error instanceof Error ? error.name : 'unknown' }, 'request not authenticated');
      return { status, body: { error: status === 401 ? 'unauthorized' : 'authentication-unavailable' } };
    }
    return super.processActivity(this.connectors.around(result), activity, logic);
  }

  private authenticate(activity: Activity, authHeader: string): Promise<AuthResult> {
    const ms = this.options.authTimeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new AuthDeadline(ms)), ms);
    });
    const check = this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    return Promise.race([check, deadline]).finally(() => clearTimeout(timer));
  }
}

type ConnectorFactory = NonNullable<AuthResult['connectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>[0];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** Clients kept per process; past this the oldest is dropped (a bot talks to a few channels, under one app id). */
const MAX_KEPT_CLIENTS = 64;

/**
 * SDK clients that depend only on a key (not on the turn), made once and kept: bounded, the oldest dropped first,
 * and a failed creation is not kept (the next turn tries again).
 */
export class KeptClients<T> {
  private readonly clients = new Map<string, Promise<T>>();

  constructor(private readonly max = MAX_KEPT_CLIENTS) {}

  get size(): number {
    return this.clients.size;
  }

  get(key: string, make: () => Promise<T>): Promise<T> {
    const known = this.clients.get(key);
    if (known) return known;
    const made = make();
    if (this.clients.size >= this.max) this.clients.delete(this.clients.keys().next().value as string);
    this.clients.set(key, made);
    made.catch(() => {
      if (this.clients.get(key) === made) this.clients.delete(key);
    });
    return made;
  }
}

/**
 * The SDK builds a ConnectorFactory per request, and from it a ConnectorClient with its credentials per turn (an
 * HTTP pipeline each time). Neither depends on the turn: the client is made for the bot's app id (the token's
 * audience), the channel's service URL and the audience of outgoing calls, and its credentials refresh their own
 * token. So the clients are kept per process under that key.
 */
class ConnectorClientCache {
  private readonly clients = new KeptClients<ConnectorClient>();

  around(result: AuthResult): AuthResult {
    const inner = result.connectorFactory;
    if (!inner) return result;
    const appId = result.claimsIdentity.getClaimValue('aud') ?? '';
    const create = (serviceUrl: string, audience?: string): Promise<ConnectorClient> => {
      const key = JSON.stringify([appId, serviceUrl, audience ?? null]);
      return this.clients.get(key, () => inner.create(serviceUrl, audience));
    };
    return { ...result, connectorFactory: { create } };
  }
}

/**
 * The SDK's authentication, with the user-token client kept per app id. CloudAdapter asks for one on every turn
 * (for sign-in cards, which this bot does not send), and each is a new token API client with its own HTTP
 * pipeline: about 3 % of a turn's CPU. It depends only on the app id, and its credentials refresh their own token.
 */
export class BotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  readonly userTokenClients = new KeptClients<UserTokenClient>();

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    // As the SDK finds the app id: the audience claim from a channel, the appid claim from the Emulator.
    const appId = claimsIdentity.getClaimValue('aud') ?? claimsIdentity.getClaimValue('appid') ?? '';
    return this.userTokenClients.get(appId, () => super.createUserTokenClient(claimsIdentity));
  }
}

/** Long enough to fetch the channel's signing keys once (they are cached for a day), short of a channel's retry. */
export const DEFAULT_AUTH_TIMEOUT_MS = 10_000;

/** Any adapter not built here is treated as anonymous: the stricter edge rules apply to it. */
export function adapterIsAnonymous(adapter: CloudAdapter): boolean {
  return adapter instanceof BotCloudAdapter ? adapter.anonymous : true;
}

/** The SDK's AuthenticationError (botframework-connector, not a direct dependency): an Error with statusCode 401. */
export function isAuthenticationFailure(error: unknown): boolean {
  return error instanceof Error && 'statusCode' in error && (error.statusCode === 401 || error.statusCode === 403);
}

/**
 * Where the channel's signing keys and token issuer are read from; tests serve them on loopback. Setting any
 * makes the SDK take every endpoint as given (unset ones stay unset), so set the issuer with the keys.
 */
export type AuthEndpoints = Pick<
  ConfigurationBotFrameworkAuthenticationOptions,
  'ToBotFromChannelOpenIdMetadataUrl' | 'ToBotFromEmulatorOpenIdMetadataUrl' | 'ToBotFromChannelTokenIssuer'
>;

export interface CloudAdapterOptions {
  credentials: BotCredentials;
  logger: Logger;
  /** The SDK's defaults (login.botframework.com, …) unless set. */
  authEndpoints?: AuthEndpoints;
  /** Bound on one request's authentication (503 after); default DEFAULT_AUTH_TIMEOUT_MS. */
  authTimeoutMs?: number;
  /** The "something went wrong" text in the customer's language; see turn-error.ts. */
  errorText?: TurnErrorText;
  /** Run after the customer was told, e.g. to keep state consistent. */
  afterError?: (context: TurnContext, error: unknown) => Promise<void>;
}

export function createCloudAdapter(options: CloudAdapterOptions): BotCloudAdapter {
  const auth = new BotFrameworkAuthentication({
    ...botAuthOptions(options.credentials),
    ...options.authEndpoints,
  });
  const adapter = new BotCloudAdapter(auth, isAnonymous(options.credentials), {
    logger: options.logger,
    authTimeoutMs: options.authTimeoutMs,
  });
  adapter.onTurnError = createTurnErrorHandler({
    logger: options.logger,
    errorText: options.errorText,
    afterError: options.afterError,
  });
  return adapter;
}
