import type { HttpServer as Server, Request, Response } from '../server/http/app';
import type { Clock } from '../clock';
import type { AppConfig } from '../config';
import { createTranslator } from '../i18n';
import type { Logger } from '../log';
import { isAnonymous } from '../server/adapter';
import { createDirectLineStandIn } from '../server/directline';
import { webChatBundle, type StaticAsset } from './bundle';
import { mountDemoStorefront } from './demo-storefront';
import { IMMUTABLE, sendAsset } from './send-asset';
import { directLineBaseUrl } from '../server/webchat-token';
import { WIDGET_PATH, widgetAsset, widgetConfig } from './widget-script';

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
  /** With the local Direct Line stand-in: whether a Web Chat conversation is open now (for updates sent later). */
  conversationOpen?: (conversationId: string) => boolean;
  close(): Promise<void>;
}

/** Shops paste the widget's URL, so it cannot be versioned: cached briefly, revalidated by its ETag. */
const WIDGET_CACHE = 'public, max-age=300';

function assetRoute(asset: Promise<StaticAsset>, cacheControl: string, logger: Logger) {
  return async (req: Request, res: Response) => {
    try {
      sendAsset(req, res, await asset, cacheControl);
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.message : 'unknown' }, 'web chat asset unavailable');
      res.statusCode = 500;
      res.end();
    }
  };
}

const widgets = new Map<string, Promise<StaticAsset>>();

/** Built once per process for each setup (the local stand-in, or the Direct Line at a base URL). */
function widgetFor(local: boolean, directLineUrl: string, bundleUrl: string): Promise<StaticAsset> {
  const key = local ? 'local' : directLineUrl;
  let widget = widgets.get(key);
  if (!widget) {
    widget = widgetAsset(widgetConfig({ local, directLineUrl, bundleUrl, translator: createTranslator() }));
    widget.catch(() => undefined);
    widgets.set(key, widget);
  }
  return widget;
}

/**
 * What the bot serves for the chat widget: /widget.js and the Web Chat bundle from node_modules; locally (no
 * Bot Framework credentials) a Direct Line 3.0 stand-in; with the embedded demo store, its storefront at `/`.
 */
export function createWebChatSite(options: WebChatSiteOptions): WebChatSite {
  const { config, logger, clock } = options;
  const local = isAnonymous(config);
  const directLine = local ? createDirectLineStandIn({ logger, clock }) : undefined;
  const bundle = webChatBundle();
  const widget = widgetFor(local, directLineBaseUrl(config), bundle.path);
  const routes: ((server: Server) => void)[] = [];
  if (directLine) routes.push((server) => directLine.mount(server));
  routes.push((server) => {
    for (const method of ['get', 'head'] as const) {
      server[method](WIDGET_PATH, assetRoute(widget, WIDGET_CACHE, logger));
      server[method](bundle.path, assetRoute(bundle.asset, IMMUTABLE, logger));
    }
  });
  const storefront = options.demoStorefrontUrl;
  if (storefront) routes.push((server) => mountDemoStorefront(server, storefront, logger));
  return {
    routes,
    conversationOpen: directLine ? (id) => directLine.store.isOpen(id) : undefined,
    close: async () => {
      await directLine?.close();
    },
  };
}
