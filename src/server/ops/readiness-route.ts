import type { HttpServer } from '../http/app';
import type { ReadinessReport } from './readiness';

export const READY_PATH = '/readyz';

/** GET /readyz: 200 when state storage and OpenCart answer, 503 naming which does not; no secrets in either. */
export function readinessRoute(ready: () => Promise<ReadinessReport>): (server: HttpServer) => void {
  return (server) => {
    server.get(READY_PATH, async (_req, res) => {
      const report = await ready();
      const body = JSON.stringify({ status: report.ready ? 'ready' : 'not ready', storage: report.storage, store: report.store });
      res.statusCode = report.ready ? 200 : 503;
      res.setHeader('content-type', 'application/json');
      res.setHeader('cache-control', 'no-store');
      res.end(body);
    });
  };
}
