import { LOCAL_CHANNELS, type LocalChannelId } from './channel-activities';
import type { CardInput } from './card-text';

/** The pure parts of `npm run chat`: flags and form answers, kept out of the readline loop to be testable. */

export const DEFAULT_BOT_URL = 'http://localhost:3978/api/messages';
const LOCALES = ['en', 'ru', 'de'] as const;

export interface ChatArgs {
  channel: LocalChannelId;
  locale: string;
  botUrl: string;
}

export type ParsedArgs = { ok: true; args: ChatArgs } | { ok: false; problem: string };

export function parseChatArgs(argv: string[], env: NodeJS.ProcessEnv = {}): ParsedArgs {
  const args: ChatArgs = { channel: 'webchat', locale: 'en', botUrl: env.BOT_URL || DEFAULT_BOT_URL };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[++i];
    if (flag === '--channel') {
      if (!(LOCAL_CHANNELS as readonly string[]).includes(value ?? '')) {
        return { ok: false, problem: `--channel must be one of ${LOCAL_CHANNELS.join(', ')}` };
      }
      args.channel = value as LocalChannelId;
    } else if (flag === '--locale') {
      if (!(LOCALES as readonly string[]).includes(value ?? '')) return { ok: false, problem: `--locale must be one of ${LOCALES.join(', ')}` };
      args.locale = value;
    } else if (flag === '--bot-url') {
      if (!value) return { ok: false, problem: '--bot-url needs a URL' };
      args.botUrl = value;
    } else {
      return { ok: false, problem: `unknown flag ${argv[i]}` };
    }
  }
  return { ok: true, args };
}

/** What the user typed for one form input: a choice number or title, free text, or empty for the default. */
export type InputAnswer = { ok: true; value: string | undefined } | { ok: false; problem: string };

export function answerInput(input: CardInput, typed: string): InputAnswer {
  const text = typed.trim();
  if (!text) {
    if (input.defaultValue !== undefined) return { ok: true, value: input.defaultValue };
    return input.required ? { ok: false, problem: `${input.label} is required` } : { ok: true, value: undefined };
  }
  if (!input.choices.length) return { ok: true, value: text };
  const picks = input.multiSelect ? text.split(',').map((p) => p.trim()).filter(Boolean) : [text];
  const values: string[] = [];
  for (const pick of picks) {
    const byNumber = /^\d+$/.test(pick) ? input.choices[Number(pick) - 1] : undefined;
    const choice = byNumber ?? input.choices.find((c) => c.title.toLowerCase() === pick.toLowerCase() || c.value === pick);
    if (!choice) return { ok: false, problem: `"${pick}" is not one of the choices` };
    values.push(choice.value);
  }
  return { ok: true, value: values.join(',') };
}

/** How a form input is asked for in the terminal. */
export function inputQuestion(input: CardInput): string {
  const choices = input.choices.map((c, i) => `  ${i + 1}. ${c.title}`);
  const hint = input.defaultValue !== undefined ? ` [${input.defaultValue}]` : input.required ? '' : ' (optional)';
  return [`${input.label}${hint}:`, ...choices].join('\n');
}
