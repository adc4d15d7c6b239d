/**
 * Store texts (product names, options, addresses) are shown where the channel renders markdown: message text on
 * every channel, Adaptive Card TextBlocks and FactSets, Telegram's hero cards. A name like "Apple_Cinema *30*"
 * must show as typed and must not break the message (Telegram refuses a message with an unclosed entity).
 */
export type MarkdownEscaper = (text: string) => string;

/** CommonMark's inline specials (Web Chat's markdown-it, Adaptive Card markdown, Teams). */
const COMMONMARK_SPECIALS = /[\\`*_[\]<>~]/g;
/** Telegram's legacy Markdown: only these four can be escaped, and must be. */
const TELEGRAM_SPECIALS = /[_*`[]/g;

/** Channel => the characters its markdown needs escaped; channels not listed get CommonMark's. */
export const MARKDOWN_SPECIALS_BY_CHANNEL: Readonly<Record<string, RegExp>> = { telegram: TELEGRAM_SPECIALS };

export function markdownEscaper(channelId: string | undefined): MarkdownEscaper {
  const specials = (channelId && MARKDOWN_SPECIALS_BY_CHANNEL[channelId]) || COMMONMARK_SPECIALS;
  return (text) => text.replace(specials, (c) => `\\${c}`);
}

export function escapeMarkdown(channelId: string | undefined, text: string): string {
  return markdownEscaper(channelId)(text);
}
