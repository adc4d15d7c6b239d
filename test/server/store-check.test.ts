import type { Outcome } from '../../src/opencart/api';
import { checkStoreAccess } from '../../src/server/store-check';
import { memoryLogger } from './helpers';

const sessionsAnswering = (login: () => Promise<Outcome<{ token: string }>>) => () => ({ login });

describe('start-up store check', () => {
  it('reports a working login', async () => {
    const { logger } = memoryLogger();
    expect(await checkStoreAccess(sessionsAnswering(async () => ({ ok: true, value: { token: 't0ken' } })), logger)).toBe('ok');
  });

  it('names the IP OpenCart saw when it is not allowed', async () => {
    const { logger, lines } = memoryLogger();
    const result = await checkStoreAccess(
      sessionsAnswering(async () => ({ ok: false, code: 'IP_NOT_ALLOWED', message: 'Warning: Your IP 10.1.2.3 is not allowed', ip: '10.1.2.3' })),
      logger,
    );
    expect(result).toBe('ip-not-allowed');
    expect(lines.join('\n')).toContain('10.1.2.3');
  });

  it('reports a bad key without logging it', async () => {
    const { logger, lines } = memoryLogger();
    const result = await checkStoreAccess(sessionsAnswering(async () => ({ ok: false, code: 'BAD_KEY', message: '[]' })), logger);
    expect(result).toBe('bad-key');
    expect(lines.join('\n')).toContain('OPENCART_API_KEY');
  });

  it('does not fail start-up when the store is down', async () => {
    const { logger } = memoryLogger();
    const result = await checkStoreAccess(sessionsAnswering(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:1'))), logger);
    expect(result).toBe('unreachable');
  });
});
