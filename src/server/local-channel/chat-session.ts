import type { Activity } from 'botbuilder';
import { renderActivities, renderShowCard, type Button, type RenderedTurn } from './card-text';
import { createChannelActivityFactory, type ChannelActivityFactory, type InputValues, type LocalChannelId } from './channel-activities';
import type { LocalConnector } from './connector';

/**
 * One customer talking to the bot over real HTTP, the way a channel does: activities are POSTed to the bot's
 * /api/messages, and the bot's replies arrive at the local connector. The bot answers the POST only after the
 * turn ended, so every reply of a turn has arrived by then.
 */

export interface ChatTurn {
  /** Activities the bot sent during this turn, in order. */
  activities: Partial<Activity>[];
  rendered: RenderedTurn;
}

export interface ChatSessionOptions {
  botUrl: string;
  connector: LocalConnector;
  channel: LocalChannelId;
  locale: string;
  conversationKey?: string;
  now?: () => Date;
}

export class BotRequestError extends Error {
  constructor(readonly status: number, readonly body: string) {
    super(`the bot answered HTTP ${status}${body ? `: ${body.slice(0, 200)}` : ''}`);
    this.name = 'BotRequestError';
  }
}

let sessionCounter = 0;

export class ChatSession {
  readonly factory: ChannelActivityFactory;
  /** The buttons of the last turn (or of an opened ShowCard), clickable by number or label. */
  lastTurn: ChatTurn = { activities: [], rendered: { lines: [], buttons: [] } };

  constructor(private readonly options: ChatSessionOptions) {
    sessionCounter += 1;
    this.factory = createChannelActivityFactory({
      channel: options.channel,
      locale: options.locale,
      serviceUrl: options.connector.serviceUrl,
      conversationKey: options.conversationKey ?? `${process.pid}-${sessionCounter}`,
      now: options.now,
    });
  }

  start(): Promise<ChatTurn> {
    return this.post(this.factory.start());
  }

  say(text: string): Promise<ChatTurn> {
    return this.post(this.factory.text(text));
  }

  /** Clicks a button of the last turn by number, exact label, or a pattern of its label. */
  click(selector: number | string | RegExp, inputs?: InputValues): Promise<ChatTurn> {
    return this.press(this.findButton(selector), inputs);
  }

  async press(button: Button, inputs?: InputValues): Promise<ChatTurn> {
    if (button.action.kind === 'showCard') {
      const rendered = renderShowCard(button.action.card, button.action.inputs);
      this.lastTurn = { activities: [], rendered };
      return this.lastTurn;
    }
    const activity = this.factory.click(button, inputs);
    if (!activity) return this.lastTurn;
    return this.post(activity);
  }

  findButton(selector: number | string | RegExp): Button {
    const buttons = this.lastTurn.rendered.buttons;
    const found =
      typeof selector === 'number'
        ? buttons.find((b) => b.number === selector)
        : typeof selector === 'string'
          ? (buttons.find((b) => b.label.toLowerCase() === selector.toLowerCase()) ??
            buttons.find((b) => b.label.toLowerCase().includes(selector.toLowerCase())))
          : buttons.find((b) => selector.test(b.label));
    if (!found) {
      const labels = buttons.map((b) => `[${b.number}] ${b.label}`).join(', ') || 'none';
      throw new Error(`no button ${String(selector)} in the last turn; buttons: ${labels}`);
    }
    return found;
  }

  /** The text of the last turn, one line per rendered line. */
  get transcript(): string {
    return this.lastTurn.rendered.lines.join('\n');
  }

  async post(activity: Partial<Activity>): Promise<ChatTurn> {
    const conversationId = this.factory.conversationId;
    const activities: Partial<Activity>[] = [];
    const stop = this.options.connector.onActivity((received) => {
      if (received.conversationId === conversationId) activities.push(received.activity);
    });
    try {
      const response = await fetch(this.options.botUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const body = await response.text();
      if (response.status >= 400) throw new BotRequestError(response.status, body);
    } finally {
      stop();
    }
    this.lastTurn = { activities, rendered: renderActivities(activities) };
    return this.lastTurn;
  }
}
