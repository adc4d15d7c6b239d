import type { Server } from 'restify';
import type { Clock } from '../clock';
import type { AppConfig } from '../config';
import type { Logger } from '../log';
import { isAnonymous } from '../server/adapter';
import { createDirectLineStandIn } from '../server/directline';

export interface WebChatSiteOptions {
  config: AppConfig;
  logger: Logger;
  clock: Clock;
  /** The embedded demo store's base URL, whose storefront pages the bot shows at `/`. */
  demoStorefrontUrl?: string;
}

export interface WebChatSite {
  /** For ServerOptions.extraRoutes. */
  routes: ((server: Server) => void)[];
  close(): Promise<void>;
}

/**
 * What the bot serves for the chat widget: locally (no Bot Framework credentials) a Direct Line 3.0 stand-in.
 */
export function createWebChatSite(options: WebChatSiteOptions): WebChatSite {
  const { config, logger, clock } = options;
  const directLine = isAnonymous(config) ? createDirectLineStandIn({ logger, clock }) : undefined;
  const routes: ((server: Server) => void)[] = [];
  if (directLine) routes.push((server) => directLine.mount(server));
  return {
    routes,
    close: async () => {
      await directLine?.close();
    },
  };
}
