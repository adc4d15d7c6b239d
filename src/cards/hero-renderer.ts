import { encodeAction } from './actions';
import type { CardButton, CardItem, CardModel, RenderedMessage } from './model';

/** Telegram (and unknown channels): hero cards whose buttons become an inline keyboard; never an Adaptive Card. */
export const HERO_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.hero';
/** Telegram caps a message at 4096 characters. */
export const MAX_TEXT_LENGTH = 4096;

function buttons(list: CardButton[] | undefined) {
  return (list ?? []).map((b) => ({ type: 'postBack', title: b.title, value: encodeAction(b.action) }));
}

function itemText(item: CardItem): string {
  const lines = [item.text ?? '', ...(item.facts ?? []).map((f) => `${f.label}: ${f.value}`)];
  return lines.filter(Boolean).join('\n');
}

function heroItem(item: CardItem) {
  return {
    contentType: HERO_CARD_CONTENT_TYPE,
    content: {
      title: item.title,
      subtitle: item.subtitle,
      text: itemText(item) || undefined,
      images: item.image ? [{ url: item.image, alt: item.title }] : undefined,
      buttons: buttons(item.buttons),
    },
  };
}

export function renderHero(model: CardModel): RenderedMessage {
  const head = [
    model.title ? `**${model.title}**` : '',
    model.text ?? '',
    ...(model.facts ?? []).map((f) => `${f.label}: ${f.value}`),
  ].filter(Boolean);
  const attachments = (model.items ?? []).map(heroItem);
  if (model.buttons?.length) {
    attachments.push({ contentType: HERO_CARD_CONTENT_TYPE, content: { title: '', subtitle: undefined, text: undefined, images: undefined, buttons: buttons(model.buttons) } });
  }
  const text = head.join('\n').slice(0, MAX_TEXT_LENGTH);
  return { type: 'message', text: text || undefined, textFormat: 'markdown', attachments, attachmentLayout: 'list' };
}
