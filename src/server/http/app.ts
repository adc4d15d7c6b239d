import { createServer as createNodeServer, type IncomingMessage, type Server as NodeServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Router } from 'express';

/** A request as the routes see it: Node's, plus the path's named parameters. */
export type Request = IncomingMessage & { params: Record<string, string> };
export type Response = ServerResponse;
export type Handler = (req: Request, res: Response) => unknown;

/**
 * The bot's HTTP server: express 5 routing (Node 20, 22 and 24; restify 11 does not load on 24) behind the few
 * verbs the routes use, on Node's own request and response. A GET or HEAD path ending in `/*` is a fallback: it
 * is tried after every other route, whatever the order routes were added in. Errors answer 500 without details.
 */
export class HttpServer {
  readonly server: NodeServer;
  private readonly specific: Router = express.Router();
  private readonly fallback: Router = express.Router();

  constructor(onError: (error: unknown) => void = () => undefined) {
    const app = express();
    app.disable('x-powered-by');
    app.disable('etag');
    app.set('query parser', false);
    app.use(this.specific);
    app.use(this.fallback);
    app.use((_req: IncomingMessage, res: ServerResponse) => answer(res, 404, 'not found'));
    app.use((error: unknown, _req: IncomingMessage, res: ServerResponse, _next: NextFunction) => {
      onError(error);
      if (!res.headersSent) answer(res, 500, 'internal');
      else res.destroy();
    });
    this.server = createNodeServer(app);
  }

  get(path: string, handler: Handler): void {
    this.route('get', path, handler);
  }

  head(path: string, handler: Handler): void {
    this.route('head', path, handler);
  }

  post(path: string, handler: Handler): void {
    this.route('post', path, handler);
  }

  put(path: string, handler: Handler): void {
    this.route('put', path, handler);
  }

  del(path: string, handler: Handler): void {
    this.route('delete', path, handler);
  }

  opts(path: string, handler: Handler): void {
    this.route('options', path, handler);
  }

  listen(port: number, host: string | undefined, ready: () => void): void {
    if (host) this.server.listen(port, host, ready);
    else this.server.listen(port, ready);
  }

  address(): AddressInfo | null {
    return this.server.address() as AddressInfo | null;
  }

  once(event: 'error', listener: (error: Error) => void): void {
    this.server.once(event, listener);
  }

  close(done: () => void): void {
    this.server.close(() => done());
  }

  private route(method: 'get' | 'head' | 'post' | 'put' | 'delete' | 'options', path: string, handler: Handler): void {
    const wildcard = path.endsWith('/*');
    // A page catch-all goes last; any other wildcard (a preflight for a prefix) stays with the specific routes,
    // so that express's automatic OPTIONS answer for them never wins.
    const isFallback = wildcard && (method === 'get' || method === 'head');
    const router = isFallback ? this.fallback : this.specific;
    const pattern = wildcard ? `${path.slice(0, -2)}/{*rest}` : path;
    router[method](pattern, async (req, res, next) => {
      try {
        await handler(req as unknown as Request, res);
      } catch (error) {
        next(error);
      }
    });
  }
}

function answer(res: ServerResponse, status: number, error: string): void {
  const body = JSON.stringify({ error });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}
