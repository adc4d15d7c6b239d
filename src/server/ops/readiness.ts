import type { Storage } from 'botbuilder';
import type { Clock } from '../../clock';
import type { OpenCartSessionFactory, OpenCartSessionState } from '../../opencart/api';
import type { StoreAccess } from '../store-check';

export interface ReadinessReport {
  ready: boolean;
  storage: 'ok' | 'unreachable';
  store: StoreAccess;
}

export interface ReadinessChecks {
  /** Resolves when conversation state can be read. */
  storage(): Promise<void>;
  store(): Promise<StoreAccess>;
}

/**
 * /readyz's answer, computed at most once per `ttlMs` however often it is asked (load balancers probe often),
 * and shared by callers that ask while a check is running.
 */
export function createReadiness(checks: ReadinessChecks, options: { clock: Clock; ttlMs?: number }): () => Promise<ReadinessReport> {
  const ttlMs = options.ttlMs ?? 5_000;
  let last: { at: number; report: ReadinessReport } | null = null;
  let running: Promise<ReadinessReport> | null = null;

  const measure = async (): Promise<ReadinessReport> => {
    const [storage, store] = await Promise.all([
      checks.storage().then(
        () => 'ok' as const,
        () => 'unreachable' as const,
      ),
      checks.store().catch(() => 'unreachable' as const),
    ]);
    return { ready: storage === 'ok' && store === 'ok', storage, store };
  };

  return () => {
    if (last && options.clock.now() - last.at < ttlMs) return Promise.resolve(last.report);
    running ??= measure()
      .then((report) => {
        last = { at: options.clock.now(), report };
        return report;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
}

/** Reads one key: a storage that answers at all is reachable (a missing key is an empty answer). */
export function storageCheck(storage: Storage): () => Promise<void> {
  return async () => {
    await storage.read(['readiness-probe']);
  };
}

/**
 * One OpenCart API session kept for the probe: a read-only call per check, and a login only when OpenCart has
 * forgotten the session (the client renews it), so probing does not fill the store's session table.
 */
export function storeCheck(sessions: OpenCartSessionFactory): () => Promise<StoreAccess> {
  let state: OpenCartSessionState | null = null;
  return async () => {
    const api = sessions(state);
    try {
      const answer = await api.cartProducts();
      if (answer.ok) return 'ok';
      if (answer.code === 'IP_NOT_ALLOWED') return 'ip-not-allowed';
      if (answer.code === 'BAD_KEY') return 'bad-key';
      return 'refused';
    } finally {
      state = api.state;
    }
  };
}
