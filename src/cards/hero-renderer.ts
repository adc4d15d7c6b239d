import { encodeAction } from './actions';
import type { MarkdownEscaper } from './markdown';
import type { CardButton, CardItem, CardModel, RenderedMessage } from './model';

/** Telegram (and unknown channels): hero cards whose buttons become an inline keyboard; never an Adaptive Card. */
export const HERO_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.hero';
/** Telegram caps a message at 4096 characters. */
export const MAX_TEXT_LENGTH = 4096;

function buttons(list: CardButton[] | undefined) {
  return (list ?? []).map((b) => ({ type: 'postBack', title: b.title, value: encodeAction(b.action) }));
}

function itemText(item: CardItem, md: MarkdownEscaper): string {
  const lines = [md(item.text ?? ''), ...(item.facts ?? []).map((f) => `${md(f.label)}: ${md(f.value)}`)];
  return lines.filter(Boolean).join('\n');
}

function heroItem(item: CardItem, md: MarkdownEscaper) {
  return {
    contentType: HERO_CARD_CONTENT_TYPE,
    content: {
      title: md(item.title),
      subtitle: item.subtitle && md(item.subtitle),
      text: itemText(item, md) || undefined,
      images: item.image ? [{ url: item.image, alt: item.title }] : undefined,
      buttons: buttons(item.buttons),
    },
  };
}

/** Telegram renders the message text and the cards' texts as markdown: escaped with `md`; button titles are plain. */
export function renderHero(model: CardModel, md: MarkdownEscaper = (text) => text): RenderedMessage {
  const head = [
    model.title ? `**${md(model.title)}**` : '',
    md(model.text ?? ''),
    ...(model.facts ?? []).map((f) => `${md(f.label)}: ${md(f.value)}`),
  ].filter(Boolean);
  const attachments = (model.items ?? []).map((item) => heroItem(item, md));
  if (model.buttons?.length) {
    attachments.push({ contentType: HERO_CARD_CONTENT_TYPE, content: { title: '', subtitle: undefined, text: undefined, images: undefined, buttons: buttons(model.buttons) } });
  }
  const text = head.join('\n').slice(0, MAX_TEXT_LENGTH);
  return { type: 'message', text: text || undefined, textFormat: 'markdown', attachments, attachmentLayout: 'list' };
}
