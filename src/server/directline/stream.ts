import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ConversationStore, StoredActivity } from './conversation-store';
import { DIRECT_LINE_PATH, STREAM_PATH } from './client-routes';

/** Streams one conversation may have open (a customer with several tabs); the oldest is closed beyond it. */
const MAX_STREAMS_PER_CONVERSATION = 8;
/** A client that reads nothing while this much waits is dropped rather than held in memory. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

function frame(activities: StoredActivity[], watermark: number): string {
  return JSON.stringify({ activities, watermark: String(watermark) });
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The activity stream: `{ activities, watermark }` frames over a WebSocket, first what the client has not seen
 * (after its watermark; everything kept when it gives none), then each new activity as it arrives.
 */
export class ActivityStreams {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });

  constructor(private readonly store: ConversationStore) {}

  /** Takes the upgrades for the stream path; leaves other paths to whoever else listens. */
  attach(server: HttpServer): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      if (!url.pathname.startsWith(`${DIRECT_LINE_PATH}/`)) return;
      const match = STREAM_PATH.exec(url.pathname);
      if (!match) return refuseUpgrade(socket, 404, 'Not Found');
      const conversation = this.store.conversationOfToken(url.searchParams.get('t') ?? '');
      if (!conversation || conversation.id !== match[1]) return refuseUpgrade(socket, 403, 'Forbidden');
      const watermark = url.searchParams.get('watermark') ?? undefined;
      this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, conversation.id, watermark));
    });
  }

  private open(ws: WebSocket, conversationId: string, watermark: string | undefined): void {
    const conversation = this.store.get(conversationId);
    if (!conversation) return ws.close(1011, 'conversation ended');
    const send = (activities: StoredActivity[], mark: number) => {
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return ws.terminate();
      ws.send(frame(activities, mark));
    };
    const listener = (activity: StoredActivity, mark: number) => send([activity], mark);
    const close = () => ws.close(1000, 'conversation ended');
    if (conversation.closers.size >= MAX_STREAMS_PER_CONVERSATION) [...conversation.closers][0]?.();
    conversation.listeners.add(listener);
    conversation.closers.add(close);
    ws.on('close', () => {
      conversation.listeners.delete(listener);
      conversation.closers.delete(close);
    });
    // Pings from the client are empty frames; nothing the client sends on the stream means anything.
    ws.on('message', () => this.store.get(conversationId));
    ws.on('error', () => ws.terminate());
    const backlog = this.store.since(conversation, watermark);
    if (backlog.activities.length > 0) send(backlog.activities, backlog.watermark);
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}
