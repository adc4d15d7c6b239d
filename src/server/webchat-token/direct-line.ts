import { z } from 'zod';

/** What Direct Line 3.0's tokens/generate answers; other fields it may add are ignored. */
const generatedTokenSchema = z.object({
  conversationId: z.string().min(1).max(200),
  token: z.string().min(1).max(8192),
  expires_in: z.number().int().positive().max(86_400),
});

export type GeneratedToken = z.infer<typeof generatedTokenSchema>;

export type DirectLineFailure = 'unreachable' | 'timeout' | 'refused' | 'bad-answer';

export type GenerateResult = { ok: true; value: GeneratedToken } | { ok: false; reason: DirectLineFailure; status?: number };

export interface GenerateTokenRequest {
  /** e.g. https://directline.botframework.com, no trailing slash. */
  baseUrl: string;
  secret: string;
  userId: string;
  trustedOrigins: string[];
  timeoutMs: number;
}

const MAX_ANSWER_BYTES = 64 * 1024;

/** Reads at most maxBytes of the answer; undefined when it is longer. */
async function readBounded(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseAnswer(text: string | undefined): GeneratedToken | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = generatedTokenSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * POST {baseUrl}/v3/directline/tokens/generate with the secret as bearer: a token for one conversation,
 * bound to `userId` and to the shop's origins. Never throws; the secret is in no result.
 */
export async function generateDirectLineToken(request: GenerateTokenRequest): Promise<GenerateResult> {
  let response: Response;
  try {
    response = await fetch(`${request.baseUrl}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${request.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: request.userId }, trustedOrigins: request.trustedOrigins }),
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { ok: false, reason: timedOut ? 'timeout' : 'unreachable' };
  }
  try {
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, reason: 'refused', status: response.status };
    }
    const value = parseAnswer(await readBounded(response, MAX_ANSWER_BYTES));
    return value ? { ok: true, value } : { ok: false, reason: 'bad-answer', status: response.status };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { ok: false, reason: timedOut ? 'timeout' : 'unreachable' };
  }
}
