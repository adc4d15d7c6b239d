import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_LOCALES, type Translator } from '../i18n';
import { staticAsset, type StaticAsset } from './bundle';

/** What the page code reads; URLs are relative to the bot unless absolute. */
export interface WidgetConfig {
  bundleUrl: string;
  directLine: { domain: string; tokenUrl: string };
  labels: Record<string, Record<string, string>>;
}

export const WIDGET_PATH = '/widget.js';
/** Direct Line 3.0's path under its base URL (DIRECT_LINE_URL, by default https://directline.botframework.com). */
export const DIRECT_LINE_PATH = '/v3/directline';
/** The production token endpoint (exchanges DIRECT_LINE_SECRET server-side). */
export const TOKEN_PATH = '/api/webchat/token';

const LABEL_KEYS = ['launcher', 'open', 'close', 'title', 'botInitials', 'userInitials', 'failed'] as const;
const SOURCE = join(__dirname, 'widget.browser.js');
const PLACEHOLDER = '/*CONFIG*/null';

export interface WidgetConfigOptions {
  local: boolean;
  bundleUrl: string;
  translator: Translator;
  /** Production: Direct Line's base URL as DIRECT_LINE_URL gives it (a regional one, or a test's), no trailing slash. */
  directLineUrl: string;
}

/**
 * Locally the stand-in hands out tokens on the bot itself; in production the Direct Line that DIRECT_LINE_URL names,
 * with our token endpoint. The page code is the same: only these two URLs differ.
 */
export function widgetConfig(options: WidgetConfigOptions): WidgetConfig {
  const directLine = options.local
    ? { domain: DIRECT_LINE_PATH, tokenUrl: `${DIRECT_LINE_PATH}/tokens/generate` }
    : { domain: `${options.directLineUrl}${DIRECT_LINE_PATH}`, tokenUrl: TOKEN_PATH };
  const labels: Record<string, Record<string, string>> = {};
  for (const locale of SUPPORTED_LOCALES) {
    labels[locale] = Object.fromEntries(LABEL_KEYS.map((key) => [key, options.translator.t(locale, `widget.${key}`)]));
  }
  return { bundleUrl: options.bundleUrl, directLine, labels };
}

/** The widget's source with its config filled in; `<` escaped so the JSON can never end a script element. */
export function widgetSource(config: WidgetConfig): string {
  const source = readFileSync(SOURCE, 'utf8');
  if (!source.includes(PLACEHOLDER)) throw new Error('widget.browser.js lost its config placeholder');
  const json = JSON.stringify(config).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return source.replace(PLACEHOLDER, () => json);
}

export function widgetAsset(config: WidgetConfig): Promise<StaticAsset> {
  return staticAsset('application/javascript; charset=utf-8', Buffer.from(widgetSource(config)));
}
