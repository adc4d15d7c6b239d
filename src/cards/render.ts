import { renderAdaptive } from './adaptive-renderer';
import { renderHero } from './hero-renderer';
import type { CardModel, RenderedMessage } from './model';

export type CardRenderer = (model: CardModel) => RenderedMessage;

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

export function renderCard(channelId: string | undefined, model: CardModel): RenderedMessage {
  return rendererFor(channelId)(model);
}

export function supportsAdaptiveCards(channelId: string | undefined): boolean {
  return rendererFor(channelId) === renderAdaptive;
}
