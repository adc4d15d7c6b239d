import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { armTyping, endTyping, TYPING_DELAY_MS } from '../../dialogs/typing';

/** A turn whose sent activities are recorded by type. */
function turn(): { ctx: TurnContext; sent: string[] } {
  const adapter = new TestAdapter();
  const ctx = new TurnContext(adapter, {
    type: 'message',
    text: 'canon',
    channelId: 'webchat',
    conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'u1', name: 'u' },
    recipient: { id: 'bot', name: 'bot' },
    serviceUrl: 'http://localhost',
  } as Activity);
  const sent: string[] = [];
  ctx.onSendActivities(async (_c, activities, next) => {
    sent.push(...activities.map((a) => String(a.type)));
    return next();
  });
  return { ctx, sent };
}

describe('typing indicator', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('is sent when the bot has said nothing for the delay, once however often it is armed', async () => {
    const { ctx, sent } = turn();
    armTyping(ctx);
    armTyping(ctx);
    await jest.advanceTimersByTimeAsync(TYPING_DELAY_MS - 1);
    expect(sent).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(['typing']);
    await ctx.sendActivity('Added to cart');
    await endTyping(ctx);
    expect(sent).toEqual(['typing', 'message']);
  });

  it('is not sent when an answer comes first, and can be armed again for the next wait of the turn', async () => {
    const { ctx, sent } = turn();
    armTyping(ctx);
    await jest.advanceTimersByTimeAsync(100);
    await ctx.sendActivity('Found 3 products');
    await jest.advanceTimersByTimeAsync(TYPING_DELAY_MS * 4);
    expect(sent).toEqual(['message']);

    armTyping(ctx); // the next OpenCart call of the same turn
    await jest.advanceTimersByTimeAsync(TYPING_DELAY_MS);
    expect(sent).toEqual(['message', 'typing']);
    await endTyping(ctx);
  });

  it('never outlives its turn: armed and then ended, nothing is sent and no timer is left', async () => {
    const { ctx, sent } = turn();
    armTyping(ctx);
    await endTyping(ctx);
    expect(jest.getTimerCount()).toBe(0);
    armTyping(ctx); // after the end: ignored
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(TYPING_DELAY_MS * 4);
    expect(sent).toEqual([]);
  });

  it('a turn that never armed it ends without a trace', async () => {
    const { ctx, sent } = turn();
    await endTyping(ctx);
    expect(sent).toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
