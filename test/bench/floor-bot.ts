import pino from 'pino';
import { ActivityHandler, type TurnContext } from 'botbuilder';
import { ComponentDialog, DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { systemClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { createCloudAdapter } from '../../src/server/adapter';
import { startServer } from '../../src/server/server';
import { createStorage } from '../../src/storage';
import { LeanConversationState, LeanUserState } from '../../src/storage/lean-state';

/**
 * The framework floor: what any dialog bot on this stack pays before it does any work of its own. The echo bot's
 * stack (CloudAdapter, the same server) plus the bot's state (LeanConversationState and LeanUserState over the
 * durable FileStorage in STATE_DIR) and one ComponentDialog whose waterfall asks a TextPrompt every turn: each turn
 * reads and writes both states, continues the dialog and sends one reply, as the echo bot does.
 */
interface LoopOptions {
  turn: number;
  last?: string;
}

const LOOP = 'loop';
const ASK = 'ask';
const TEXT = 'text';

class LoopDialog extends ComponentDialog {
  constructor() {
    super(LOOP);
    this.addDialog(new TextPrompt(TEXT));
    this.addDialog(new WaterfallDialog(ASK, [(step) => this.ask(step), (step) => this.again(step)]));
    this.initialDialogId = ASK;
  }

  private ask(step: WaterfallStepContext) {
    const { turn } = step.options as LoopOptions;
    return step.prompt(TEXT, { prompt: `Turn ${turn}: say something.` });
  }

  private again(step: WaterfallStepContext) {
    const { turn } = step.options as LoopOptions;
    const last = String(step.result ?? '').slice(0, 200);
    return step.replaceDialog(ASK, { turn: turn + 1, last } satisfies LoopOptions);
  }
}

interface Profile {
  turns: number;
}

class FloorBot extends ActivityHandler {
  private readonly dialogs: DialogSet;

  constructor(
    private readonly conversationState: LeanConversationState,
    private readonly userState: LeanUserState,
  ) {
    super();
    this.dialogs = new DialogSet(conversationState.createProperty('dialogState'));
    this.dialogs.add(new LoopDialog());
    const profile = userState.createProperty<Profile>('profile');
    this.onMessage(async (context, next) => {
      const seen = await profile.get(context, { turns: 0 });
      seen.turns += 1;
      const dc = await this.dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog(LOOP, { turn: 1 } satisfies LoopOptions);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await context.sendActivity('Hello!');
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context);
    await this.userState.saveChanges(context);
  }
}

async function main(): Promise<void> {
  const logger = pino({ level: 'warn' });
  if (!process.env.STATE_DIR) throw new Error('STATE_DIR is required');
  // The bot's own storage settings (file storage in STATE_DIR by default), read as npm start reads them.
  const storage = createStorage(loadConfig(process.env), { logger, clock: systemClock });
  const bot = new FloorBot(new LeanConversationState(storage), new LeanUserState(storage));
  const adapter = createCloudAdapter({ credentials: {}, logger });
  const server = await startServer({ bot, adapter, logger, port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  const stop = () => void server.close().then(() => storage.close()).then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
