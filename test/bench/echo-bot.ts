import pino from 'pino';
import { ActivityHandler } from 'botbuilder';
import { createCloudAdapter } from '../../src/server/adapter';
import { startServer } from '../../src/server/server';

/** The floor: an echo bot on the bot's own stack (botbuilder CloudAdapter + the same express server), anonymous. */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const said = context.activity.text ?? JSON.stringify(context.activity.value ?? '');
      await context.sendActivity(`You said: ${said.slice(0, 200)}`);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await context.sendActivity('Hello!');
      await next();
    });
  }
}

async function main(): Promise<void> {
  const logger = pino({ level: 'warn' });
  const adapter = createCloudAdapter({ credentials: {}, logger });
  const server = await startServer({ bot: new EchoBot(), adapter, logger, port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
