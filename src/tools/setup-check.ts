import pino from 'pino';
import { systemClock } from '../clock';
import type { AppConfig } from '../config';
import { createStorage } from '../storage';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What is wrong with the Bot Framework credentials' shape (no network: Azure is not asked), or null. */
export function credentialsProblem(config: AppConfig): string | null {
  const appId = config.MicrosoftAppId?.trim();
  if (!appId) {
    if (config.MicrosoftAppPassword) return 'MicrosoftAppPassword is set but MicrosoftAppId is empty';
    return null;
  }
  if (!GUID.test(appId)) return 'MicrosoftAppId is not an app id (a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301)';
  const type = config.MicrosoftAppType ?? 'MultiTenant';
  if (type !== 'UserAssignedMSI' && !config.MicrosoftAppPassword) return `MicrosoftAppPassword is empty (needed for ${type})`;
  if (type !== 'MultiTenant' && !GUID.test(config.MicrosoftAppTenantId ?? '')) {
    return `MicrosoftAppTenantId must be the directory (tenant) id for ${type}`;
  }
  return null;
}

/** What is wrong with the storefront widget's settings, or null. */
export function widgetProblem(config: AppConfig): string | null {
  const anonymous = !config.MicrosoftAppId?.trim();
  if (!anonymous && !config.DIRECT_LINE_SECRET) return 'DIRECT_LINE_SECRET is empty: the storefront widget cannot get Web Chat tokens';
  if (config.DIRECT_LINE_SECRET && config.PUBLIC_URL && !config.PUBLIC_URL.startsWith('https://')) {
    return 'PUBLIC_URL must be https: shop pages load the widget from it';
  }
  if (config.DIRECT_LINE_SECRET && !config.PUBLIC_URL) return 'PUBLIC_URL is empty: the shop cannot be given the widget\'s address';
  return null;
}

/** Writes, reads and deletes one probe entry in the configured state storage; the problem, or null. */
export async function storageProblem(config: AppConfig): Promise<string | null> {
  const storage = createStorage(config, { logger: pino({ level: 'silent' }), clock: systemClock });
  const key = `doctor-probe-${process.pid}`;
  try {
    await storage.write({ [key]: { probe: true, eTag: '*' } });
    const read = await storage.read([key]);
    await storage.delete([key]);
    return read[key] ? null : `state storage (${config.STATE_STORAGE}) did not keep what was written`;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : 'unknown error';
    return `state storage (${config.STATE_STORAGE}) is not usable: ${reason}`;
  } finally {
    await storage.close();
  }
}

/** The first setup problem, checked before OpenCart: credentials, widget, storage. */
export async function setupProblem(config: AppConfig): Promise<string | null> {
  return credentialsProblem(config) ?? widgetProblem(config) ?? (await storageProblem(config));
}
