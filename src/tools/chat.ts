import { createInterface } from 'node:readline';
import { stdin, stdout } from 'node:process';
import {
  ChatSession,
  startLocalConnector,
  type Button,
  type ChatTurn,
  type InputValues,
} from '../server/local-channel';
import { answerInput, inputQuestion, parseChatArgs } from '../server/local-channel/chat-cli';

/** `npm run chat -- --channel telegram --locale de`: talk to the running bot as a channel would. */
async function main(): Promise<void> {
  const parsed = parseChatArgs(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    console.error(`${parsed.problem}\nusage: npm run chat -- [--channel webchat|msteams|telegram] [--locale en|ru|de] [--bot-url URL]`);
    process.exit(2);
  }
  const { channel, locale, botUrl } = parsed.args;
  const connector = await startLocalConnector();
  const session = new ChatSession({ botUrl, connector, channel, locale });
  const rl = createInterface({ input: stdin, output: stdout, terminal: stdin.isTTY });
  // Reading through the iterator buffers lines typed (or piped) before the question is asked; null at end of input.
  const lines = rl[Symbol.asyncIterator]();
  const question = async (prompt: string): Promise<string | null> => {
    stdout.write(prompt);
    const next = await lines.next();
    return next.done ? null : next.value;
  };
  console.log(`chatting with ${botUrl} as ${channel} (${locale}); a number clicks a button, /quit ends.\n`);

  const show = (turn: ChatTurn): void => {
    for (const line of turn.rendered.lines) console.log(`bot> ${line}`);
  };

  const fillForm = async (button: Button): Promise<InputValues | null> => {
    if (button.action.kind !== 'submit') return {};
    const values: InputValues = {};
    for (const input of button.action.inputs) {
      for (;;) {
        const typed = await question(`${inputQuestion(input)}\n> `);
        if (typed === null || typed.trim() === '/cancel') return null;
        const answer = answerInput(input, typed);
        if (answer.ok) {
          if (answer.value !== undefined) values[input.id] = answer.value;
          break;
        }
        console.log(answer.problem);
      }
    }
    return values;
  };

  try {
    show(await session.start());
    for (;;) {
      const line = await question('you> ');
      if (line === null) break;
      const typed = line.trim();
      if (typed === '/quit' || typed === '/exit') break;
      if (!typed) continue;
      const button = /^\d+$/.test(typed) ? session.lastTurn.rendered.buttons.find((b) => b.number === Number(typed)) : undefined;
      if (button?.action.kind === 'openUrl') {
        console.log(`(open ${button.action.url} in a browser)`);
        continue;
      }
      if (button) {
        const inputs = await fillForm(button);
        if (inputs) show(await session.press(button, inputs));
      } else {
        show(await session.say(typed));
      }
    }
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    console.error(`cannot talk to the bot at ${botUrl}: ${error instanceof Error ? error.message : String(error)}${cause}`);
    console.error('is it running? start it with `npm start`.');
    process.exitCode = 1;
  } finally {
    rl.close();
    await connector.close();
  }
}

void main();
