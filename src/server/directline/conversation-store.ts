import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../clock';
import type { AttachmentLimits } from './attachment-store';

/** An activity as the stand-in keeps it: plain JSON with the id and timestamp it assigned. */
export type StoredActivity = Record<string, unknown> & { id: string };

/** Uploaded files count as the conversation's too: they are dropped with it (see AttachmentStore). */
export interface DirectLineLimits extends AttachmentLimits {
  /** Conversations kept at once; the least recently used one is dropped to make room. */
  maxConversations: number;
  /** Activities kept per conversation, and their size as JSON; the oldest are dropped (watermarks keep counting). */
  maxActivitiesPerConversation: number;
  maxBytesPerConversation: number;
  /** A conversation nobody touched for this long is forgotten. */
  idleMs: number;
  /** Lifetime of a token (Direct Line's is 3600 s). */
  tokenTtlMs: number;
  /** Live tokens kept per conversation (each refresh adds one). */
  maxTokensPerConversation: number;
}

export const DEFAULT_LIMITS: DirectLineLimits = {
  maxConversations: 256,
  maxActivitiesPerConversation: 300,
  maxBytesPerConversation: 2 * 1024 * 1024,
  idleMs: 60 * 60 * 1000,
  tokenTtlMs: 60 * 60 * 1000,
  maxTokensPerConversation: 4,
  maxFileBytes: 4 * 1024 * 1024,
  maxUploadBytesPerConversation: 8 * 1024 * 1024,
  maxUploadBytesTotal: 64 * 1024 * 1024,
  maxFilesTotal: 512,
};

export type ActivityListener = (activity: StoredActivity, watermark: number) => void;

export interface Conversation {
  id: string;
  /** The user id the tokens are bound to (`dl_<uuid>`, as Direct Line names token-bound users). */
  userId: string;
  /** True once a client started it (POST /conversations), i.e. the bot was told of the members. */
  started: boolean;
  activities: StoredActivity[];
  /** JSON length of each kept activity, and their sum. */
  sizes: number[];
  bytes: number;
  /** Watermark of activities[0]: how many were dropped before it. */
  firstWatermark: number;
  lastUsedAt: number;
  listeners: Set<ActivityListener>;
  /** Ends the open streams when the conversation is forgotten. */
  closers: Set<() => void>;
}

export interface IssuedToken {
  token: string;
  conversationId: string;
  expiresInSeconds: number;
}

interface TokenRecord {
  conversationId: string;
  expiresAt: number;
}

/** Conversations, their tokens and activities, in memory and bounded; nothing here knows HTTP. */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly tokensOf = new Map<string, string[]>();
  private readonly forgetListeners = new Set<(conversationId: string) => void>();

  constructor(private readonly clock: Clock, readonly limits: DirectLineLimits = DEFAULT_LIMITS) {}

  get size(): number {
    return this.conversations.size;
  }

  /** Calls the listener whenever a conversation is forgotten (idle, evicted, cleared). */
  onForget(listener: (conversationId: string) => void): void {
    this.forgetListeners.add(listener);
  }

  /** A new conversation and its first token. */
  create(): { conversation: Conversation; token: IssuedToken } {
    this.sweep();
    while (this.conversations.size >= this.limits.maxConversations) {
      const oldest = this.conversations.keys().next().value;
      if (oldest === undefined) break;
      this.forget(oldest);
    }
    const conversation: Conversation = {
      id: randomBytes(16).toString('base64url'),
      userId: `dl_${randomUUID()}`,
      started: false,
      activities: [],
      sizes: [],
      bytes: 0,
      firstWatermark: 0,
      lastUsedAt: this.clock.now(),
      listeners: new Set(),
      closers: new Set(),
    };
    this.conversations.set(conversation.id, conversation);
    return { conversation, token: this.issueToken(conversation) };
  }

  /** The live conversation, marked as used; undefined when unknown or idle too long. */
  get(conversationId: string): Conversation | undefined {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return undefined;
    if (this.clock.now() - conversation.lastUsedAt > this.limits.idleMs) {
      this.forget(conversationId);
      return undefined;
    }
    conversation.lastUsedAt = this.clock.now();
    // Re-inserting keeps the map in least-recently-used order for eviction.
    this.conversations.delete(conversationId);
    this.conversations.set(conversationId, conversation);
    return conversation;
  }

  /** Whether a client has the conversation open now (a stream connected, not idle too long); nothing is touched. */
  isOpen(conversationId: string): boolean {
    const conversation = this.conversations.get(conversationId);
    if (!conversation || this.clock.now() - conversation.lastUsedAt > this.limits.idleMs) return false;
    return conversation.listeners.size > 0;
  }

  /** The conversation a token is bound to, or undefined when the token is unknown or expired. */
  conversationOfToken(token: string): Conversation | undefined {
    const record = this.tokens.get(token);
    if (!record) return undefined;
    if (record.expiresAt <= this.clock.now()) {
      this.tokens.delete(token);
      return undefined;
    }
    return this.get(record.conversationId);
  }

  issueToken(conversation: Conversation): IssuedToken {
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { conversationId: conversation.id, expiresAt: this.clock.now() + this.limits.tokenTtlMs });
    const issued = [...(this.tokensOf.get(conversation.id) ?? []), token];
    while (issued.length > this.limits.maxTokensPerConversation) this.tokens.delete(issued.shift() ?? '');
    this.tokensOf.set(conversation.id, issued);
    return { token, conversationId: conversation.id, expiresInSeconds: Math.floor(this.limits.tokenTtlMs / 1000) };
  }

  /** Stores an activity under the next id, stamps it, and hands it to the open streams. */
  append(conversation: Conversation, activity: Record<string, unknown>): StoredActivity {
    const watermark = conversation.firstWatermark + conversation.activities.length;
    const stored: StoredActivity = {
      ...activity,
      id: `${conversation.id}|${String(watermark).padStart(7, '0')}`,
      timestamp: new Date(this.clock.now()).toISOString(),
      conversation: { id: conversation.id },
      channelId: 'directline',
    };
    const size = JSON.stringify(stored).length;
    conversation.activities.push(stored);
    conversation.sizes.push(size);
    conversation.bytes += size;
    const { maxActivitiesPerConversation, maxBytesPerConversation } = this.limits;
    while (conversation.activities.length > maxActivitiesPerConversation || (conversation.bytes > maxBytesPerConversation && conversation.activities.length > 1)) {
      conversation.activities.shift();
      conversation.bytes -= conversation.sizes.shift() ?? 0;
      conversation.firstWatermark++;
    }
    for (const listener of conversation.listeners) listener(stored, watermark + 1);
    return stored;
  }

  /** Activities after the watermark (all kept ones for none or a bad one) and the watermark to ask from next. */
  since(conversation: Conversation, watermark: string | undefined): { activities: StoredActivity[]; watermark: number } {
    const end = conversation.firstWatermark + conversation.activities.length;
    const from = parseWatermark(watermark, end);
    const skip = Math.max(0, from - conversation.firstWatermark);
    return { activities: conversation.activities.slice(skip), watermark: end };
  }

  /** Forgets idle conversations and expired tokens. */
  sweep(): void {
    const now = this.clock.now();
    for (const [id, conversation] of this.conversations) {
      if (now - conversation.lastUsedAt > this.limits.idleMs) this.forget(id);
    }
    for (const [token, record] of this.tokens) if (record.expiresAt <= now) this.tokens.delete(token);
  }

  /** Drops everything and closes every stream. */
  clear(): void {
    for (const id of [...this.conversations.keys()]) this.forget(id);
  }

  private forget(conversationId: string): void {
    const conversation = this.conversations.get(conversationId);
    this.conversations.delete(conversationId);
    for (const token of this.tokensOf.get(conversationId) ?? []) this.tokens.delete(token);
    this.tokensOf.delete(conversationId);
    if (!conversation) return;
    for (const listener of this.forgetListeners) listener(conversationId);
    conversation.listeners.clear();
    for (const close of conversation.closers) close();
    conversation.closers.clear();
  }
}

/** A watermark is a count of activities; anything else (or one from the future) means "from the start". */
function parseWatermark(watermark: string | undefined, end: number): number {
  if (!watermark || watermark.length > 12 || !/^\d+$/.test(watermark)) return 0;
  const value = Number(watermark);
  return value > end ? 0 : value;
}
