import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryStorage, type Activity } from 'botbuilder';
import { decodeAction, type CardActionName } from '../../src/cards/actions';
import { botUnderTest, buttons, shown, type BotUnderTest, type ChannelId } from '../dialogs/harness';
import { FakeCheckout } from '../dialogs/fakes';
import { junkInputs } from './junk-inputs';

type Locale = 'en' | 'ru' | 'de';
/**
 * One step of the order: something typed, or a button pressed by its action (whatever its label in the language).
 * 'macbook' finds several products (a pick); the contact and address fields are typed one at a time, the forms'
 * typed path on webchat and msteams (each form's first field answered by typing), questions one by one on Telegram.
 */
type Step = { say: string } | { press: CardActionName[]; value?: string };
const ORDER: Step[] = [
  { say: 'macbook' },
  { press: ['pick'] },
  { say: '1' },
  { press: ['checkout'] },
  { say: 'Jane' },
  { say: 'Doe' },
  { say: 'jane@example.com' },
  { say: '+49 30 901820' },
  { say: 'Germany' },
  { say: 'Berlin' },
  { say: 'Berlin' },
  { say: 'Unter den Linden 1' },
  { say: '10117' },
  // Delivery to the billing address and no code are the summary's defaults now: no questions of their own.
  { press: ['ship'] },
  { press: ['pay'] },
  // At the summary: the code question, reached by its 'Add a coupon or gift voucher' button, then no code.
  { press: ['chg'], value: 'codes' },
  { press: ['skip', 'no'] },
  // 'Deliver elsewhere': the delivery address form, typed in one message (several fields), then shipping again.
  { press: ['chg'], value: 'shippingAddress' },
  { say: 'Friedrichstr. 10, 10117 Berlin, Germany' },
  { press: ['ship'] },
  { press: ['place'] },
];
const COMBOS = (['en', 'ru', 'de'] as const).flatMap((locale) => (['webchat', 'msteams', 'telegram'] as const).map((channel) => ({ locale, channel })));
const CARRIES: Record<ChannelId, (tag: string) => Partial<Activity>> = {
  webchat: (tag) => ({ locale: tag }),
  msteams: (tag) => ({ locale: 'en-US', entities: [{ type: 'clientInfo', locale: tag }] }),
  telegram: (tag) => ({ locale: 'en-US', channelData: { message: { from: { language_code: tag } } } }),
};

/** The channel's language fields stay when an input brings channelData or entities of its own. */
function withLanguage(template: Partial<Activity>, activity: Partial<Activity>): Partial<Activity> {
  const channelData = template.channelData || activity.channelData ? { ...template.channelData, ...activity.channelData } : undefined;
  const entities = template.entities || activity.entities ? [...(template.entities ?? []), ...(activity.entities ?? [])] : undefined;
  return { ...template, ...activity, ...(channelData ? { channelData } : {}), ...(entities ? { entities } : {}) };
}

/** Conversation state that can be put back: every junk input is judged at the same question. */
class SnapshotStorage extends MemoryStorage {
  snapshot(): Record<string, string> {
    return { ...this.memory };
  }
  restore(saved: Record<string, string>): void {
    this.memory = { ...saved };
  }
}

/** English texts of the locale files that differ in the other language, cut at interpolations: none may show in it. */
function englishOnly(locale: Locale): string[] {
  const dir = (lng: string) => path.join(__dirname, '..', '..', 'locales', lng);
  const flat = (value: unknown, key: string, into: Map<string, string>) => {
    if (typeof value === 'string') into.set(key, value);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flat(v, `${key}.${k}`, into);
  };
  const read = (lng: string) => {
    const texts = new Map<string, string>();
    for (const file of readdirSync(dir(lng))) flat(JSON.parse(readFileSync(path.join(dir(lng), file), 'utf8')), file, texts);
    return texts;
  };
  const english = read('en');
  const other = read(locale);
  const pieces = new Set<string>();
  for (const [key, text] of english) {
    if (other.get(key) === text || key.endsWith('Words')) continue;
    for (const piece of text.split(/\{\{[^}]*\}\}|\$t\([^)]*\)|\n/)) if (piece.trim().length >= 14) pieces.add(piece.trim());
  }
  return [...pieces];
}
const ENGLISH_ONLY: Record<Locale, string[]> = { en: [], ru: englishOnly('ru'), de: englishOnly('de') };
const STACK_OR_RAW = /\n\s+at .+:\d+:\d+|TypeError|ReferenceError|Error:|Warning:|<b>Notice|\[object Object\]|\bundefined\b|\bNaN\b|\{\{/;

/** Plays one step; a press uses a button of `from` (the replies the customer sees at that question). */
async function step(bot: BotUnderTest, s: Step, from: Partial<Activity>[]): Promise<Partial<Activity>[]> {
  if ('say' in s) return bot.say(s.say);
  const button = buttons(from).find((b) => {
    const decoded = decodeAction(b.press as { value?: unknown; text?: string });
    if (decoded.kind !== 'action' || !s.press.includes(decoded.action.a)) return false;
    return s.value === undefined || decoded.action.v === s.value;
  });
  if (!button) throw new Error(`no ${s.press.join('/')}${s.value ? `:${s.value}` : ''} button in:\n${shown(from)}`);
  return bot.send(button.press);
}

describe('junk at every question, in every language and channel', () => {
  const inputs = junkInputs();

  it(`${inputs.length} inputs at each of ${ORDER.length} questions: no crash, no stack or raw text, the customer's language, and the order completes`, async () => {
    const counts = { conversations: 0, junkTurns: 0, replies: 0, orders: 0 };
    const problems: string[] = [];
    for (const [question] of ORDER.entries()) {
      for (const [c, { locale, channel }] of COMBOS.entries()) {
        // Covering design: input i goes to question q in combination (i + q) mod 9.
        const mine = inputs.filter((input, i) => (i + question) % COMBOS.length === c);
        const storage = new SnapshotStorage();
        const bot = botUnderTest(channel, { storage, template: CARRIES[channel](locale), conversationId: `junk-${question}-${c}` });
        counts.conversations++;
        let atQuestionReplies: Partial<Activity>[] = [];
        for (const s of ORDER.slice(0, question)) atQuestionReplies = await step(bot, s, atQuestionReplies);
        const atQuestion = storage.snapshot();
        for (const input of mine) {
          storage.restore(atQuestion);
          let replies: Partial<Activity>[];
          try {
            replies = await bot.send(withLanguage(CARRIES[channel](locale), input.activity));
          } catch (error) {
            problems.push(`q${question} ${locale}/${channel} ${input.name}: threw ${String(error)}`);
            continue;
          }
          counts.junkTurns++;
          counts.replies += replies.length;
          const text = shown(replies);
          if (STACK_OR_RAW.test(withoutEcho(text, input.activity.text))) problems.push(`q${question} ${locale}/${channel} ${input.name}: ${text.slice(0, 300)}`);
          const english = ENGLISH_ONLY[locale].find((piece) => text.includes(piece));
          if (english) problems.push(`q${question} ${locale}/${channel} ${input.name}: English "${english}" in ${text.slice(0, 300)}`);
        }
        // Then the customer answers properly again, from the open question, and the order completes.
        storage.restore(atQuestion);
        const placedBefore = bot.checkout instanceof FakeCheckout ? bot.checkout.placedOrders : 0;
        try {
          await finish(bot, question, atQuestionReplies);
          counts.orders++;
        } catch (error) {
          problems.push(`q${question} ${locale}/${channel}: ${String(error)}`);
        }
        if (bot.checkout instanceof FakeCheckout && bot.checkout.placedOrders !== placedBefore + 1) problems.push(`q${question} ${locale}/${channel}: placed ${bot.checkout.placedOrders - placedBefore} orders at the end`);
      }
    }
    console.log(`junk: inputs ${inputs.length}, questions ${ORDER.length}, language/channel combinations ${COMBOS.length}, conversations ${counts.conversations}, junk turns ${counts.junkTurns}, replies ${counts.replies}, orders completed afterwards ${counts.orders}, problems ${problems.length}`);
    expect(problems.slice(0, 100)).toEqual([]);
  }, 180_000);
});

/** Plays the rest of the order from `question` on; the last answer must show an order number. */
async function finish(bot: BotUnderTest, question: number, atQuestion: Partial<Activity>[]): Promise<void> {
  let replies = atQuestion;
  for (const s of ORDER.slice(question)) replies = await step(bot, s, replies);
  const text = shown(replies);
  if (!/\d/.test(text)) throw new Error(`the order did not complete after junk at question ${question}:\n${text}`);
}

/** The reply without the customer's own words echoed back (e.g. "nothing found for 'undefined'"). */
function withoutEcho(reply: string, typed: string | undefined): string {
  let rest = reply;
  for (const part of (typed ?? '').split(/\s*\n\s*/).map((p) => p.trim()).filter(Boolean)) rest = rest.split(part).join('');
  return rest;
}
