import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { LeanConversationState, LeanUserState } from '../../src/storage/lean-state';
import pino from 'pino';
import { createOrderBot } from '../../src/bot';
import type { Catalog } from '../../src/catalog/types';
import type { StorefrontUploader } from '../../src/catalog/upload';
import { ManualClock } from '../../src/clock';
import type { CheckoutService } from '../../src/domain/checkout-port';
import type { SupportedLocale } from '../../src/i18n';
import type { Logger } from '../../src/log';
import { FakeCatalog, FakeCheckout } from './fakes';

export const CHANNELS = ['webchat', 'msteams', 'telegram'] as const;
export type ChannelId = (typeof CHANNELS)[number];

type Json = Record<string, unknown>;
export interface Button {
  title: string;
  press: Partial<Activity>;
}

/** Everything a reply shows, flattened to text: message text, card texts, facts, and buttons as [title]. */
export function shown(replies: Partial<Activity>[]): string {
  return replies.map(describe).join('\n');
}

function describe(activity: Partial<Activity>): string {
  const parts = [activity.text ?? ''];
  for (const attachment of activity.attachments ?? []) {
    const content = attachment.content as Json;
    if (attachment.contentType.includes('adaptive')) parts.push(describeAdaptive(content));
    else parts.push([content.title, content.subtitle, content.text, ...((content.buttons as Json[]) ?? []).map((b) => `[${String(b.title)}]`)].filter(Boolean).join('\n'));
  }
  for (const action of activity.suggestedActions?.actions ?? []) parts.push(`[${action.title}]`);
  return parts.filter(Boolean).join('\n');
}

function describeAdaptive(node: unknown): string {
  if (Array.isArray(node)) return node.map(describeAdaptive).filter(Boolean).join('\n');
  if (typeof node !== 'object' || node === null) return '';
  const el = node as Json;
  if (el.type === 'TextBlock') return String(el.text);
  if (el.type === 'FactSet') return (el.facts as Json[]).map((f) => `${String(f.title)}: ${String(f.value)}`).join('\n');
  if (el.type === 'Action.Submit') return `[${String(el.title)}]`;
  return ['body', 'items', 'columns', 'actions'].map((k) => describeAdaptive(el[k])).filter(Boolean).join('\n');
}

/** The buttons of all replies, each with the activity its press sends on this channel. */
export function buttons(replies: Partial<Activity>[]): Button[] {
  const found: Button[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const el = node as Json;
    if (el.type === 'Action.Submit') found.push({ title: String(el.title), press: { type: 'message', value: el.data } });
    else if (el.type === 'postBack' || el.type === 'imBack') found.push({ title: String(el.title), press: { type: 'message', text: String(el.value) } });
    else Object.values(el).forEach(walk);
  };
  for (const a of replies) {
    walk(a.attachments?.map((x) => x.content));
    walk(a.suggestedActions?.actions);
  }
  return found;
}

export interface BotUnderTestOptions {
  catalog?: Catalog;
  checkout?: CheckoutService;
  storage?: MemoryStorage;
  defaultLocale?: SupportedLocale;
  /** Extra fields on every message (locale, entities, channelData). */
  template?: Partial<Activity>;
  userId?: string;
  conversationId?: string;
  /** The storefront's tool/upload; file options are taken in the chat only with one. */
  uploader?: StorefrontUploader;
  /** SHOP_SHARED_SECRET, for signed-in customers passed by the widget. */
  shopSecret?: string;
  clock?: ManualClock;
  logger?: Logger;
}

/** A bot on a TestAdapter for one channel, with fakes; `say` and `press` return the bot's replies (no typing). */
export function botUnderTest(channelId: ChannelId, options: BotUnderTestOptions = {}) {
  const storage = options.storage ?? new MemoryStorage();
  const catalog = options.catalog ?? new FakeCatalog();
  const checkout = options.checkout ?? new FakeCheckout();
  const bot = createOrderBot({
    conversationState: new LeanConversationState(storage),
    userState: new LeanUserState(storage),
    catalog,
    checkout,
    logger: options.logger ?? pino({ level: 'silent' }),
    defaultLocale: options.defaultLocale ?? 'en',
    clock: options.clock ?? new ManualClock(),
    uploader: options.uploader,
    shopSecret: options.shopSecret,
  });
  const adapter = new TestAdapter(async (ctx) => bot.run(ctx), { channelId });
  if (options.userId) adapter.conversation.user = { id: options.userId, name: options.userId };
  if (options.conversationId) adapter.conversation.conversation = { id: options.conversationId, isGroup: false, conversationType: 'personal', name: '' };
  let last: Partial<Activity>[] = [];
  const send = async (activity: Partial<Activity>) => {
    await adapter.processActivity({ type: 'message', ...options.template, ...activity });
    const replies: Partial<Activity>[] = [];
    while (adapter.activeQueue.length) {
      const reply = adapter.activeQueue.shift()!;
      if (reply.type !== 'typing') replies.push(reply);
    }
    last = replies;
    return replies;
  };
  return {
    adapter,
    catalog,
    checkout,
    storage,
    say: (text: string) => send({ text }),
    send,
    /** Presses the first button titled `title` (or matching it) in the last replies. */
    press: (title: string | RegExp, from?: Partial<Activity>[], nth = 0) => {
      const all = buttons(from ?? last);
      const button = all.filter((b) => (typeof title === 'string' ? b.title === title : title.test(b.title)))[nth];
      if (!button) throw new Error(`no button ${String(title)} in: ${all.map((b) => b.title).join(', ')}`);
      return send(button.press);
    },
    get last() {
      return last;
    },
  };
}
export type BotUnderTest = ReturnType<typeof botUnderTest>;
