import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/**
 * A stand-in for the Bot Connector service on loopback: the bot sends its replies here, as it would to a
 * real channel. Used by `npm run chat` and by the end-to-end tests.
 */

export type ConnectorOperation = 'sendToConversation' | 'replyToActivity' | 'updateActivity';

export interface ReceivedActivity {
  operation: ConnectorOperation;
  conversationId: string;
  /** The activity id in the URL (reply-to or updated activity). */
  activityId?: string;
  activity: Partial<Activity>;
}

export interface LocalConnector {
  /** Put this in activity.serviceUrl; ends without a slash. */
  serviceUrl: string;
  /** Everything received so far, oldest first. */
  received: ReceivedActivity[];
  onActivity(listener: (received: ReceivedActivity) => void): () => void;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export async function startLocalConnector(options: { host?: string; port?: number } = {}): Promise<LocalConnector> {
  const host = options.host ?? '127.0.0.1';
  const received: ReceivedActivity[] = [];
  const listeners = new Set<(r: ReceivedActivity) => void>();
  let nextId = 1;

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://connector').pathname;
    const match = ROUTE.exec(path);
    if (!match) return answer(res, 404, { error: { code: 'NotFound', message: 'unknown connector route' } });
    const conversationId = decodeURIComponent(match[1]);
    const activityId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
    if (req.method === 'DELETE' && activityId) return answer(res, 200, {});
    const operation = operationFor(req.method, activityId);
    if (!operation) return answer(res, 405, { error: { code: 'MethodNotAllowed', message: req.method ?? '' } });

    readJson(req)
      .then((activity) => {
        const id = operation === 'updateActivity' && activityId ? activityId : `local-${nextId++}`;
        const entry: ReceivedActivity = { operation, conversationId, activityId, activity: { ...activity, id } };
        received.push(entry);
        for (const listener of listeners) listener(entry);
        answer(res, 200, { id });
      })
      .catch(() => answer(res, 400, { error: { code: 'BadArgument', message: 'body is not a JSON activity' } }));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    received,
    onActivity(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function operationFor(method: string | undefined, activityId: string | undefined): ConnectorOperation | null {
  if (method === 'POST') return activityId ? 'replyToActivity' : 'sendToConversation';
  if (method === 'PUT' && activityId) return 'updateActivity';
  return null;
}

function readJson(req: http.IncomingMessage): Promise<Partial<Activity>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      try {
        const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not an object');
        resolve(body as Partial<Activity>);
      } catch (error) {
        reject(error);
      }
    });
  });
}

function answer(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
