import type { TurnContext } from 'botbuilder';

/**
 * The typing indicator, sent only when the customer would otherwise wait: a dialog about to call OpenCart arms it,
 * and it goes out after TYPING_DELAY_MS unless the bot has said something meanwhile (as botbuilder's
 * ShowTypingMiddleware, 500 ms). A quick answer thus costs no extra message; a slow one shows "typing…".
 * At most one is armed at a time; the bot ends it with the turn (`endTyping`), so no timer outlives its turn.
 */
export const TYPING_DELAY_MS = 500;

const TYPING_KEY = Symbol.for('orderBot.typing');

interface TypingState {
  timer: ReturnType<typeof setTimeout> | null;
  /** The indicator on its way, awaited at the turn's end. */
  sending: Promise<void> | null;
  ended: boolean;
}

export function armTyping(ctx: TurnContext, delayMs = TYPING_DELAY_MS): void {
  const state = typingState(ctx);
  if (state.timer || state.ended) return;
  state.timer = setTimeout(() => {
    state.timer = null;
    if (state.ended) return;
    // Nothing to tell the customer when it fails: the answer that follows is what counts.
    state.sending = ctx.sendActivity({ type: 'typing' }).then(
      () => undefined,
      () => undefined,
    );
  }, delayMs);
  state.timer.unref?.();
}

/** The turn is over: nothing armed is sent any more, and an indicator on its way has arrived. */
export async function endTyping(ctx: TurnContext): Promise<void> {
  const state = ctx.turnState.get(TYPING_KEY) as TypingState | undefined;
  if (!state) return;
  state.ended = true;
  disarm(state);
  await state.sending;
}

function typingState(ctx: TurnContext): TypingState {
  let state = ctx.turnState.get(TYPING_KEY) as TypingState | undefined;
  if (state) return state;
  const created: TypingState = { timer: null, sending: null, ended: false };
  ctx.turnState.set(TYPING_KEY, created);
  // Anything else the bot says ends the wait the indicator was for.
  ctx.onSendActivities(async (_context, activities, next) => {
    if (activities.some((activity) => activity.type !== 'typing')) disarm(created);
    return next();
  });
  return created;
}

function disarm(state: TypingState): void {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
}
