import type { Activity, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { z } from 'zod';

/** The event the storefront widget sends once connected, on every page: which page the customer is on. */
export const WEBCHAT_JOIN_EVENT = 'webchat/join';

/** Each field on its own: a bad one is dropped, the rest kept. Data attributes arrive as strings. */
export const pageContextSchema = z.object({
  language: z.string().max(20).regex(/^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8}){0,3}$/).optional().catch(undefined),
  currency: z.string().regex(/^[A-Z]{3}$/).optional().catch(undefined),
  productId: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  pageUrl: z.url({ protocol: /^https?$/ }).max(2000).optional().catch(undefined),
});

export type PageContext = z.infer<typeof pageContextSchema>;

const TURN_PAGE = Symbol.for('orderBot.webChatPage');

/** The page the customer is on this turn (set by the bot before the dialogs run); undefined outside the widget. */
export function pageOf(ctx: TurnContext): PageContext | undefined {
  return ctx.turnState.get(TURN_PAGE) as PageContext | undefined;
}

function setTurnPage(ctx: TurnContext, page: PageContext | undefined): void {
  ctx.turnState.set(TURN_PAGE, page);
}

export function isWebChatJoin(activity: Partial<Activity>): boolean {
  return activity.type === 'event' && activity.name === WEBCHAT_JOIN_EVENT;
}

export function parsePageContext(value: unknown): PageContext {
  const parsed = pageContextSchema.safeParse(typeof value === 'object' && value !== null ? value : {});
  return parsed.success ? parsed.data : {};
}

/**
 * Keeps the widget's page context in its own conversation-state property. The first join of a conversation
 * is when the bot greets (the conversation update has no language yet); a join after moving to another page
 * or reloading only updates the context.
 */
export class WebChatJoin {
  private readonly page: StatePropertyAccessor<PageContext>;

  constructor(conversationState: ConversationState) {
    this.page = conversationState.createProperty<PageContext>('webChatPage');
  }

  /** Stores the page context; `first` when this conversation had not joined before (greet then). */
  async join(ctx: TurnContext): Promise<{ first: boolean; before: PageContext | undefined; page: PageContext }> {
    const stored = await this.page.get(ctx);
    const before = stored === undefined ? undefined : parsePageContext(stored);
    const page = parsePageContext(ctx.activity.value);
    await this.page.set(ctx, page);
    setTurnPage(ctx, page);
    return { first: before === undefined, before, page };
  }

  /**
   * The page the customer was last on (a join event: the page it names), checked again when loaded (a deploy may
   * change its shape); also what `pageOf` answers for the rest of the turn.
   */
  async current(ctx: TurnContext): Promise<PageContext | undefined> {
    const stored = isWebChatJoin(ctx.activity) ? ctx.activity.value : await this.page.get(ctx);
    const page = stored === undefined ? undefined : parsePageContext(stored);
    setTurnPage(ctx, page);
    return page;
  }
}
