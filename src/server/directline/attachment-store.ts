import { randomBytes } from 'node:crypto';

/** A file a customer uploaded, kept until its conversation is forgotten or newer files need the room. */
export interface StoredFile {
  id: string;
  conversationId: string;
  name: string;
  contentType: string;
  bytes: Buffer;
}

export interface AttachmentLimits {
  /** One file at most this large (413 above it). */
  maxFileBytes: number;
  /** Files of one conversation together; one upload above it is refused, older files make room for a new one. */
  maxUploadBytesPerConversation: number;
  /** Files of every conversation together, and their number; the oldest are dropped to make room. */
  maxUploadBytesTotal: number;
  maxFilesTotal: number;
}

export type PutResult = { ok: true; files: StoredFile[] } | { ok: false; reason: 'tooLarge' };

/** Uploaded files in memory, bounded per file, per conversation and in all; the ids are random and unguessable. */
export class AttachmentStore {
  /** Insertion order is age: the first is the oldest. */
  private readonly files = new Map<string, StoredFile>();
  private readonly idsOf = new Map<string, string[]>();
  private readonly bytesOf = new Map<string, number>();
  private total = 0;

  constructor(readonly limits: AttachmentLimits) {}

  get size(): number {
    return this.files.size;
  }

  /** Keeps the files of one upload, all or none. */
  put(conversationId: string, uploads: Omit<StoredFile, 'id' | 'conversationId'>[]): PutResult {
    const incoming = uploads.reduce((sum, file) => sum + file.bytes.length, 0);
    const { maxFileBytes, maxUploadBytesPerConversation, maxUploadBytesTotal, maxFilesTotal } = this.limits;
    const tooLarge = uploads.some((file) => file.bytes.length > maxFileBytes)
      || incoming > Math.min(maxUploadBytesPerConversation, maxUploadBytesTotal)
      || uploads.length > maxFilesTotal;
    if (tooLarge) return { ok: false, reason: 'tooLarge' };
    while ((this.bytesOf.get(conversationId) ?? 0) + incoming > maxUploadBytesPerConversation) {
      this.drop(this.idsOf.get(conversationId)?.[0] ?? '');
    }
    while (this.total + incoming > maxUploadBytesTotal || this.files.size + uploads.length > maxFilesTotal) {
      this.drop(this.files.keys().next().value ?? '');
    }
    const files = uploads.map((upload) => {
      // The copy lets the request's body buffer go.
      const file: StoredFile = { ...upload, bytes: Buffer.from(upload.bytes), id: randomBytes(24).toString('base64url'), conversationId };
      this.files.set(file.id, file);
      this.idsOf.set(conversationId, [...(this.idsOf.get(conversationId) ?? []), file.id]);
      this.bytesOf.set(conversationId, (this.bytesOf.get(conversationId) ?? 0) + file.bytes.length);
      this.total += file.bytes.length;
      return file;
    });
    return { ok: true, files };
  }

  get(id: string): StoredFile | undefined {
    return this.files.get(id);
  }

  /** Drops every file of a conversation (it ended or was forgotten). */
  dropConversation(conversationId: string): void {
    for (const id of this.idsOf.get(conversationId) ?? []) this.drop(id);
  }

  clear(): void {
    for (const id of [...this.files.keys()]) this.drop(id);
  }

  private drop(id: string): void {
    const file = this.files.get(id);
    if (!file) return;
    this.files.delete(id);
    this.total -= file.bytes.length;
    const left = (this.idsOf.get(file.conversationId) ?? []).filter((kept) => kept !== id);
    if (left.length === 0) {
      this.idsOf.delete(file.conversationId);
      this.bytesOf.delete(file.conversationId);
    } else {
      this.idsOf.set(file.conversationId, left);
      this.bytesOf.set(file.conversationId, (this.bytesOf.get(file.conversationId) ?? 0) - file.bytes.length);
    }
  }
}
