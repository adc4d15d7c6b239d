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

const widgets = new Map<boolean, Promise<StaticAsset>>();

/** Built once per process for each of the two setups (local stand-in, production Direct Line). */
function widgetFor(local: boolean, bundleUrl: string): Promise<StaticAsset> {
  let widget = widgets.get(local);
  if (!widget) {
    widget = widgetAsset(widgetConfig({ local, bundleUrl, translator: createTranslator() }));
    widget.catch(() => undefined);
    widgets.set(local, widget);
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
  const widget = widgetFor(local, bundle.path);
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
    close: async () => {
      await directLine?.close();
    },
  };
}
