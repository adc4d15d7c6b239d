import type { Activity, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { choiceCard } from '../../src/cards';
import { languageKnown } from '../../src/i18n';
import { cardActivity, translate, type DialogDeps } from '../turn';

/**
 * First contact: what the bot can do, in the customer's language, with a way in for those without words; a customer
 * signed in on the storefront is greeted by their first name.
 */
export function greetingActivity(ctx: TurnContext, deps: DialogDeps, name?: string): Partial<Activity> {
  const t = translate(ctx, deps.translator);
  const card = choiceCard({
    title: name ? t('greeting.titleNamed', { name }) : t('greeting.title'),
    text: t('greeting.body'),
    choices: [{ title: t('cards.browseCategories'), action: { a: 'cats' } }],
  });
  return cardActivity(ctx, card);
}

/**
 * Greets in the language the turn's messages would get. Teams and Direct Line send the conversation update
 * without any locale (msteams-docs#896, botframework-sdk#6484): then the greeting waits for the first message,
 * which carries it, instead of greeting in DEFAULT_LOCALE.
 */
export class Greeter {
  private readonly owed: StatePropertyAccessor<boolean>;

  constructor(conversationState: ConversationState, private readonly deps: DialogDeps) {
    this.owed = conversationState.createProperty<boolean>('greetingOwed');
  }

  /** New members joined: greet now if their language is known, else on their first message. */
  async onJoin(ctx: TurnContext): Promise<void> {
    const { chosenLocale } = await this.deps.store.flow(ctx);
    if (languageKnown(ctx.activity, chosenLocale)) await this.greet(ctx);
    else await this.owed.set(ctx, true);
  }

  /** Before the first message is answered: the greeting that waited for its language. */
  async beforeMessage(ctx: TurnContext): Promise<void> {
    if (!(await this.owed.get(ctx, false))) return;
    await this.greet(ctx);
  }

  async greet(ctx: TurnContext, name?: string): Promise<void> {
    await this.owed.delete(ctx);
    const greeting = greetingActivity(ctx, this.deps, name);
    await ctx.sendActivity(greeting);
    dropRepeatsThisTurn(ctx, greeting);
  }
}

const GREETED = Symbol.for('orderBot.greeted');

/**
 * The owed greeting went out before the message was answered; when that message is itself a "hello", its answer
 * is the same greeting card again: it is left out, so the customer is greeted once.
 */
function dropRepeatsThisTurn(ctx: TurnContext, greeting: Partial<Activity>): void {
  if (ctx.turnState.get(GREETED)) return;
  ctx.turnState.set(GREETED, true);
  const sent = JSON.stringify(greeting.attachments ?? null);
  ctx.onSendActivities(async (_context, activities, next) => {
    const others = activities.filter((a) => a.type !== 'message' || !a.attachments || JSON.stringify(a.attachments) !== sent);
    if (others.length === activities.length) return next();
    activities.splice(0, activities.length, ...others);
    return others.length ? next() : [];
  });
}
