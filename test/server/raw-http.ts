import net from 'node:net';

/** What came back on a raw connection: the first response (if any) and whether the server closed it. */
export interface RawResponse {
  /** 0 when the server closed the connection without answering. */
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RawConnection {
  socket: net.Socket;
  /** The first complete response, or what there was when the connection closed. */
  response: Promise<RawResponse>;
  /** Resolves when the server closed the connection, with the milliseconds since it was opened. */
  closed: Promise<number>;
  write(data: string | Buffer): void;
}

/** A TCP connection to the server, to send exactly the bytes a hostile or broken client would. */
export function openRaw(port: number): RawConnection {
  const socket = net.connect(port, '127.0.0.1');
  const opened = Date.now();
  let buffer = Buffer.alloc(0);
  let settle: (response: RawResponse) => void = () => undefined;
  const response = new Promise<RawResponse>((resolve) => (settle = resolve));
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - opened)));
  socket.on('error', () => undefined);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    const parsed = parseResponse(buffer);
    if (parsed) settle(parsed);
  });
  socket.once('close', () => settle(parseResponse(buffer, true) ?? { status: 0, headers: {}, body: '' }));
  return {
    socket,
    response,
    closed,
    write: (data) => {
      if (!socket.destroyed) socket.write(data);
    },
  };
}

function parseResponse(buffer: Buffer, atClose = false): RawResponse | null {
  const end = buffer.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine, ...headerLines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = buffer.subarray(end + 4);
  const length = Number(headers['content-length'] ?? NaN);
  if (!atClose && !(body.length >= length)) return null;
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  return { status, headers, body: body.subarray(0, Number.isNaN(length) ? undefined : length).toString('utf8') };
}

/** One whole request on its own connection; resolves with the first response. */
export async function sendRaw(port: number, request: string | Buffer): Promise<RawResponse & { closed: Promise<number> }> {
  const connection = openRaw(port);
  connection.write(request);
  const response = await connection.response;
  connection.socket.end();
  return { ...response, closed: connection.closed };
}

/** Request head for POST /api/messages with the given headers; content-length is added for a string body. */
export function post(path: string, headers: Record<string, string>, body?: string | Buffer): Buffer {
  const all: Record<string, string> = { host: '127.0.0.1', ...headers };
  if (body !== undefined && !('transfer-encoding' in all) && !('content-length' in all)) {
    all['content-length'] = String(Buffer.byteLength(body));
  }
  const head = [`POST ${path} HTTP/1.1`, ...Object.entries(all).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), body === undefined ? Buffer.alloc(0) : Buffer.from(body)]);
}
