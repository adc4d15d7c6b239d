import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

export interface FakeDirectLine {
  url: string;
  requests: RecordedRequest[];
  /** What the next tokens/generate answers: a status and a body (JSON-encoded unless a string). */
  answer: { status: number; body: unknown };
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Direct Line's tokens/generate on loopback: records each call, answers what the test set. */
export async function startFakeDirectLine(): Promise<FakeDirectLine> {
  const requests: RecordedRequest[] = [];
  let server: Server | undefined;
  const fake: FakeDirectLine = {
    url: '',
    requests,
    answer: { status: 200, body: { conversationId: 'conv-1', token: 'dl-token-1', expires_in: 3600 } },
    close: () => new Promise((resolve) => server?.close(() => resolve())),
  };
  server = createServer(async (req, res) => {
    const text = await readBody(req);
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(text) });
    const body = typeof fake.answer.body === 'string' ? fake.answer.body : JSON.stringify(fake.answer.body);
    res.writeHead(fake.answer.status, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', () => resolve()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
