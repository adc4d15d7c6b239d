import type { OpenCartApi, OpenCartSessionState } from '../opencart/api';
import type { Logger } from '../log';
import { describeError } from './turn-error';

export type StoreAccess = 'ok' | 'bad-key' | 'ip-not-allowed' | 'refused' | 'unreachable';

/** Logs in once at start-up so the operator sees a wrong key or a missing IP allow-list entry right away. */
export async function checkStoreAccess(
  openSession: (state: OpenCartSessionState | null) => Pick<OpenCartApi, 'login'>,
  logger: Logger,
): Promise<StoreAccess> {
  try {
    const outcome = await openSession(null).login();
    if (outcome.ok) {
      logger.info('OpenCart API login works');
      return 'ok';
    }
    if (outcome.code === 'IP_NOT_ALLOWED') {
      logger.error({ ip: outcome.ip }, "OpenCart refused this bot's IP: add it to the API user's allowed IPs (System > Users > API)");
      return 'ip-not-allowed';
    }
    if (outcome.code === 'BAD_KEY') {
      logger.error('OpenCart refused the API key: check OPENCART_API_USERNAME and OPENCART_API_KEY');
      return 'bad-key';
    }
    logger.error({ code: outcome.code }, 'OpenCart refused the API login');
    return 'refused';
  } catch (error) {
    logger.warn({ err: describeError(error) }, 'OpenCart is not reachable yet; customers will be told when they order');
    return 'unreachable';
  }
}
