import { renderAdaptive } from './adaptive-renderer';
import { renderHero } from './hero-renderer';
import { markdownEscaper, type MarkdownEscaper } from './markdown';
import type { CardModel, RenderedMessage } from './model';

/** Renders a model; `escape` makes its texts safe for the channel's markdown (button titles are plain). */
export type CardRenderer = (model: CardModel, escape: MarkdownEscaper) => RenderedMessage;

/** Channel => renderer. Channels not listed (Telegram, unknown ones) get hero cards, which every channel shows. */
export const RENDERER_BY_CHANNEL: Readonly<Record<string, CardRenderer>> = {
  webchat: renderAdaptive,
  msteams: renderAdaptive,
  emulator: renderAdaptive,
  directline: renderAdaptive,
  telegram: renderHero,
};

export function rendererFor(channelId: string | undefined): CardRenderer {
  return (channelId && RENDERER_BY_CHANNEL[channelId]) || renderHero;
}

/** The message for this channel; its text is markdown (store texts escaped), marked so it is not escaped again. */
export function renderCard(channelId: string | undefined, model: CardModel): RenderedMessage {
  return { ...rendererFor(channelId)(model, markdownEscaper(channelId)), textFormat: 'markdown' };
}

export function supportsAdaptiveCards(channelId: string | undefined): boolean {
  return rendererFor(channelId) === renderAdaptive;
}
