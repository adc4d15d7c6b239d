import { z } from 'zod';

/**
 * The shape an incoming activity must have before any turn runs. Only the fields the bot and botbuilder read
 * are checked; everything else passes through. Limits sit above what any channel sends (Teams ids with a
 * message id run to a few hundred characters; Telegram text to 4,096) and bound what a caller can make us hold.
 */
export const ACTIVITY_LIMITS = {
  id: 1024,
  type: 64,
  channelId: 64,
  locale: 64,
  serviceUrl: 2048,
  /** A hard cap at the edge; each question caps its own answers lower. */
  text: 100_000,
  name: 1024,
  shortField: 256,
  entities: 64,
  members: 1000,
  attachments: 100,
} as const;

/** Channels send no nulls, but a null for an optional field is read as absent, never as a value. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined);
}

const text = (max: number) => z.string().max(max);

const account = z.looseObject({
  id: text(ACTIVITY_LIMITS.id).min(1),
  name: optional(text(ACTIVITY_LIMITS.name)),
  role: optional(text(ACTIVITY_LIMITS.shortField)),
  aadObjectId: optional(text(ACTIVITY_LIMITS.shortField)),
});

const conversation = z.looseObject({
  id: text(ACTIVITY_LIMITS.id).min(1),
  name: optional(text(ACTIVITY_LIMITS.name)),
  isGroup: optional(z.boolean()),
  conversationType: optional(text(ACTIVITY_LIMITS.shortField)),
  tenantId: optional(text(ACTIVITY_LIMITS.shortField)),
});

const entity = z.looseObject({ type: text(ACTIVITY_LIMITS.shortField) });

const attachment = z.looseObject({
  contentType: text(ACTIVITY_LIMITS.shortField),
  contentUrl: optional(text(8192)),
  name: optional(text(ACTIVITY_LIMITS.name)),
});

/** Service URLs already seen to be http(s): a bot hears from a few channels, so each is parsed once, not per turn. */
const knownHttpUrls = new Set<string>();
const MAX_KNOWN_URLS = 64;

function isHttpUrl(value: string): boolean {
  if (knownHttpUrls.has(value)) return true;
  let ok: boolean;
  try {
    ok = ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    ok = false;
  }
  if (ok && knownHttpUrls.size < MAX_KNOWN_URLS) knownHttpUrls.add(value);
  return ok;
}

const httpUrl = text(ACTIVITY_LIMITS.serviceUrl).refine(isHttpUrl, 'expected an http(s) URL');

export const incomingActivitySchema = z.looseObject({
  type: text(ACTIVITY_LIMITS.type).min(1),
  id: optional(text(ACTIVITY_LIMITS.id)),
  serviceUrl: httpUrl,
  channelId: text(ACTIVITY_LIMITS.channelId).min(1),
  from: account,
  recipient: account,
  conversation,
  locale: optional(text(ACTIVITY_LIMITS.locale)),
  text: optional(text(ACTIVITY_LIMITS.text)),
  textFormat: optional(text(ACTIVITY_LIMITS.shortField)),
  replyToId: optional(text(ACTIVITY_LIMITS.id)),
  name: optional(text(ACTIVITY_LIMITS.name)),
  action: optional(text(ACTIVITY_LIMITS.shortField)),
  timestamp: optional(text(ACTIVITY_LIMITS.shortField)),
  localTimestamp: optional(text(ACTIVITY_LIMITS.shortField)),
  localTimezone: optional(text(ACTIVITY_LIMITS.shortField)),
  entities: optional(z.array(entity).max(ACTIVITY_LIMITS.entities)),
  membersAdded: optional(z.array(account).max(ACTIVITY_LIMITS.members)),
  membersRemoved: optional(z.array(account).max(ACTIVITY_LIMITS.members)),
  attachments: optional(z.array(attachment).max(ACTIVITY_LIMITS.attachments)),
  channelData: optional(z.record(z.string(), z.unknown())),
});

export type IncomingActivity = z.infer<typeof incomingActivitySchema>;

export type ActivityCheck = { ok: true; activity: IncomingActivity } | { ok: false; problems: string[] };

/** The problems name fields and rules only, never values: a refused activity's text stays out of the logs. */
export function checkIncomingActivity(body: unknown): ActivityCheck {
  const parsed = incomingActivitySchema.safeParse(body);
  if (parsed.success) return { ok: true, activity: parsed.data };
  const problems = parsed.error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.code}`);
  return { ok: false, problems };
}
