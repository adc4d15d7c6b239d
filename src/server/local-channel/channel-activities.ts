import type { Activity, ChannelAccount, ConversationAccount } from 'botbuilder';
import type { Button } from './card-text';

/**
 * Builds the activities a channel would post to the bot, with the customer's locale where that channel puts
 * it (DESIGN.md, channel facts): webchat activity.locale; Teams entities[clientInfo]; Telegram channelData.
 */

export const LOCAL_CHANNELS = ['webchat', 'msteams', 'telegram'] as const;
export type LocalChannelId = (typeof LOCAL_CHANNELS)[number];

export interface ChannelActivityOptions {
  channel: LocalChannelId;
  locale: string;
  serviceUrl: string;
  /** Distinguishes conversations of one run; ids are derived from it. */
  conversationKey: string;
  userName?: string;
  now?: () => Date;
}

/** Form values typed for a card's inputs, by input id. */
export type InputValues = Record<string, string>;

export interface ChannelActivityFactory {
  readonly channel: LocalChannelId;
  readonly conversationId: string;
  /** What a channel sends when the conversation opens: conversationUpdate, or "/start" on Telegram. */
  start(): Partial<Activity>;
  text(text: string): Partial<Activity>;
  /** null for buttons the channel handles itself (open URL, show card). */
  click(button: Button, inputs?: InputValues): Partial<Activity> | null;
}

interface ChannelProfile {
  ids(key: string): { conversation: ConversationAccount; user: ChannelAccount; bot: ChannelAccount };
  /** Channel-specific fields for a message or update; `click` holds the pressed button's payload. */
  decorate(activity: Partial<Activity>, ctx: DecorateContext): void;
  start(base: Partial<Activity>, ctx: DecorateContext): Partial<Activity>;
  click(button: Button, inputs: InputValues): ClickPayload | null;
}

interface DecorateContext {
  locale: string;
  user: ChannelAccount;
  conversation: ConversationAccount;
  bot: ChannelAccount;
  sequence: number;
  now: Date;
  callbackData?: string;
}

interface ClickPayload {
  text?: string;
  value?: unknown;
  /** Telegram: the button came from an inline keyboard, so it arrives as a callback_query. */
  callbackData?: string;
}

/** How Web Chat turns a button into an activity; Teams does the same, plus the `msteams` submit keys. */
function webChatClick(button: Button, inputs: InputValues): ClickPayload | null {
  const action = button.action;
  switch (action.kind) {
    case 'imBack':
      return { text: action.value };
    case 'postBack':
      return typeof action.value === 'string' ? { text: action.value } : { value: action.value };
    case 'messageBack':
      return { text: action.text, value: action.value };
    case 'submit':
      if (typeof action.data === 'string') return { text: action.data };
      return { value: { ...(isRecord(action.data) ? action.data : {}), ...inputs } };
    default:
      return null;
  }
}

function teamsClick(button: Button, inputs: InputValues): ClickPayload | null {
  const action = button.action;
  if (action.kind === 'submit' && isRecord(action.data) && isRecord(action.data.msteams)) {
    const msteams = action.data.msteams;
    if (msteams.type === 'imBack') return { text: String(msteams.value ?? '') };
    if (msteams.type === 'messageBack') {
      const { msteams: _drop, ...rest } = action.data;
      const value = isRecord(msteams.value) ? msteams.value : rest;
      return { text: typeof msteams.text === 'string' ? msteams.text : undefined, value: { ...value, ...inputs } };
    }
  }
  return webChatClick(button, inputs);
}

/** Telegram: inline-keyboard buttons come back as callback_query data; the reply keyboard sends the label. */
function telegramClick(button: Button, inputs: InputValues): ClickPayload | null {
  if (button.source === 'suggested') return { text: button.label };
  const action = button.action;
  switch (action.kind) {
    case 'imBack':
      return { text: action.value, callbackData: action.value };
    case 'postBack':
    case 'messageBack': {
      const data = action.kind === 'messageBack' ? (action.text ?? stringify(action.value)) : stringify(action.value);
      return { text: data, callbackData: data };
    }
    case 'submit': {
      const payload = webChatClick(button, inputs);
      return payload && { ...payload, callbackData: payload.text ?? stringify(payload.value) };
    }
    default:
      return null;
  }
}

const PROFILES: Record<LocalChannelId, ChannelProfile> = {
  webchat: {
    ids: (key) => ({
      conversation: { id: `local-webchat-${key}`, isGroup: false, conversationType: 'personal', name: '' },
      user: { id: `dl_${key}`, name: 'You', role: 'user' },
      bot: { id: 'local-bot', name: 'Bot', role: 'bot' },
    }),
    decorate: (activity, ctx) => {
      activity.locale = ctx.locale;
      activity.textFormat = 'plain';
    },
    start: (base, ctx) => ({ ...base, type: 'conversationUpdate', locale: ctx.locale, membersAdded: [ctx.bot, ctx.user] }),
    click: webChatClick,
  },
  msteams: {
    ids: (key) => ({
      conversation: { id: `a:local-teams-${key}`, isGroup: false, conversationType: 'personal', tenantId: 'local-tenant', name: '' },
      user: { id: `29:local-user-${key}`, name: 'You', aadObjectId: `00000000-0000-4000-8000-${hex12(key)}`, role: 'user' },
      bot: { id: '28:local-bot', name: 'Bot', role: 'bot' },
    }),
    decorate: (activity, ctx) => {
      activity.entities = [{ type: 'clientInfo', locale: ctx.locale, platform: 'Web', timezone: 'Europe/Berlin' }];
      activity.channelData = { tenant: { id: 'local-tenant' } };
      activity.textFormat = 'plain';
    },
    start: (base, ctx) => ({ ...base, type: 'conversationUpdate', membersAdded: [ctx.bot, ctx.user] }),
    click: teamsClick,
  },
  telegram: {
    ids: (key) => ({
      conversation: { id: String(telegramId(key)), isGroup: false, conversationType: 'personal', name: '' },
      user: { id: String(telegramId(key)), name: 'local_user', role: 'user' },
      bot: { id: 'local_order_bot', name: 'Bot', role: 'bot' },
    }),
    decorate: (activity, ctx) => {
      const from = { id: Number(ctx.user.id), is_bot: false, first_name: 'Local', username: ctx.user.name, language_code: ctx.locale };
      const chat = { id: Number(ctx.conversation.id), type: 'private', first_name: 'Local', username: ctx.user.name };
      const date = Math.floor(ctx.now.getTime() / 1000);
      activity.channelData =
        ctx.callbackData === undefined
          ? { message: { message_id: ctx.sequence, from, chat, date, text: activity.text } }
          : {
              callback_query: {
                id: `${ctx.conversation.id}${ctx.sequence}`,
                from,
                message: { message_id: ctx.sequence, chat, date },
                chat_instance: ctx.conversation.id,
                data: ctx.callbackData,
              },
            };
    },
    start: (base) => ({ ...base, type: 'message', text: '/start' }),
    click: telegramClick,
  },
};

export function createChannelActivityFactory(options: ChannelActivityOptions): ChannelActivityFactory {
  const profile = PROFILES[options.channel];
  const { conversation, user, bot } = profile.ids(options.conversationKey);
  if (options.userName && options.channel !== 'telegram') user.name = options.userName;
  const now = options.now ?? (() => new Date());
  let sequence = 0;

  const base = (callbackData?: string): { activity: Partial<Activity>; ctx: DecorateContext } => {
    sequence += 1;
    const at = now();
    const activity: Partial<Activity> = {
      id: `${conversation.id}|${String(sequence).padStart(7, '0')}`,
      timestamp: at,
      channelId: options.channel,
      serviceUrl: options.serviceUrl,
      from: { ...user },
      recipient: { ...bot },
      conversation: { ...conversation },
    };
    return { activity, ctx: { locale: options.locale, user, bot, conversation, sequence, now: at, callbackData } };
  };

  return {
    channel: options.channel,
    conversationId: conversation.id,
    start() {
      const { activity, ctx } = base();
      const started = profile.start(activity, ctx);
      profile.decorate(started, ctx);
      return started;
    },
    text(text) {
      const { activity, ctx } = base();
      activity.type = 'message';
      activity.text = text;
      profile.decorate(activity, ctx);
      return activity;
    },
    click(button, inputs = {}) {
      const payload = profile.click(button, inputs);
      if (!payload) return null;
      const { activity, ctx } = base(payload.callbackData);
      activity.type = 'message';
      if (payload.text !== undefined) activity.text = payload.text;
      if (payload.value !== undefined) activity.value = payload.value;
      profile.decorate(activity, ctx);
      return activity;
    },
  };
}

function telegramId(key: string): number {
  let hash = 7;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) % 900_000_000;
  return 100_000_000 + hash;
}

function hex12(key: string): string {
  return telegramId(key).toString(16).padStart(12, '0').slice(-12);
}

function stringify(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
