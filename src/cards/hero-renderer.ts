import { encodeAction } from './actions';
import type { MarkdownEscaper } from './markdown';
import type { CardAttachment, CardButton, CardFact, CardItem, CardModel, RenderedMessage } from './model';

/** Telegram (and unknown channels): hero cards whose buttons become an inline keyboard; never an Adaptive Card. */
export const HERO_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.hero';
/** Telegram caps a message at 4096 characters. */
export const MAX_TEXT_LENGTH = 4096;

interface HeroContent {
  title?: string;
  subtitle?: string;
  text?: string;
  images?: { url: string; alt: string }[];
  buttons: { type: 'postBack'; title: string; value: string }[];
}

function buttons(list: CardButton[]): HeroContent['buttons'] {
  return list.map((b) => ({ type: 'postBack', title: b.fullTitle ?? b.title, value: encodeAction(b.action) }));
}

function factLines(facts: CardFact[] | undefined, md: MarkdownEscaper): string[] {
  return (facts ?? []).map((f) => `${md(f.label)}: ${md(f.value)}`);
}

/** Whole lines up to Telegram's limit: a cut inside an escape or entity would make Telegram refuse the message. */
export function fitText(text: string, max = MAX_TEXT_LENGTH): string {
  if (text.length <= max) return text;
  const lines = text.split('\n');
  while (lines.length > 1 && lines.join('\n').length + 2 > max) lines.pop();
  const kept = lines.join('\n');
  return kept.length + 2 > max ? '…' : `${kept}\n…`;
}

/** Hero card content without empty strings: Telegram refuses a card whose only texts are empty. */
function hero(content: HeroContent): CardAttachment {
  const defined = Object.fromEntries(Object.entries(content).filter(([, v]) => v !== undefined && v !== ''));
  return { contentType: HERO_CARD_CONTENT_TYPE, content: defined };
}

function headLines(model: CardModel, md: MarkdownEscaper): string[] {
  return [model.title ? `**${md(model.title)}**` : '', md(model.text ?? ''), ...factLines(model.facts, md)].filter(Boolean);
}

function itemSection(item: CardItem, md: MarkdownEscaper): string {
  return [`**${md(item.title)}**`, md(item.subtitle ?? ''), md(item.text ?? ''), ...factLines(item.facts, md)].filter(Boolean).join('\n');
}

/**
 * Telegram sends every card as its own message. The whole card is one message: its texts (items as sections) and
 * one inline keyboard with every button, item buttons under their full titles ("Remove: Canon EOS 5D").
 */
function renderOne(model: CardModel, md: MarkdownEscaper): RenderedMessage {
  const items = model.items ?? [];
  const text = fitText([headLines(model, md).join('\n'), ...items.map((item) => itemSection(item, md))].filter(Boolean).join('\n\n'));
  const all = [...items.flatMap((item) => item.buttons ?? []), ...(model.buttons ?? [])];
  if (!all.length) return { type: 'message', text: text || undefined, textFormat: 'markdown', attachments: [] };
  return { type: 'message', textFormat: 'markdown', attachments: [hero({ text, buttons: buttons(all) })], attachmentLayout: 'list' };
}

/** Products to browse: one photo card each with its button, then the card's own buttons. */
function renderGallery(model: CardModel, md: MarkdownEscaper): RenderedMessage {
  const attachments = (model.items ?? []).map((item) =>
    hero({
      title: md(item.title),
      subtitle: item.subtitle && md(item.subtitle),
      text: [md(item.text ?? ''), ...factLines(item.facts, md)].filter(Boolean).join('\n'),
      images: item.image ? [{ url: item.image, alt: item.title }] : undefined,
      buttons: buttons((item.buttons ?? []).map((b) => ({ ...b, fullTitle: undefined }))),
    }),
  );
  if (model.buttons?.length) attachments.push(hero({ buttons: buttons(model.buttons) }));
  const text = fitText(headLines(model, md).join('\n'));
  return { type: 'message', text: text || undefined, textFormat: 'markdown', attachments, attachmentLayout: 'list' };
}

/** Telegram renders the message text and the cards' texts as markdown: escaped with `md`; button titles are plain. */
export function renderHero(model: CardModel, md: MarkdownEscaper = (text) => text): RenderedMessage {
  return model.gallery ? renderGallery(model, md) : renderOne(model, md);
}

type MessageLike = { text?: string; attachments?: { contentType: string; content?: unknown }[] };

/**
 * Puts a (markdown) line before a rendered message. A message that is one hero card and no text of its own gets the
 * line inside the card, so Telegram still shows one message; otherwise it goes before the message's text.
 */
export function prependText<M extends MessageLike>(message: M, line: string): M {
  const only = message.attachments?.length === 1 ? message.attachments[0] : undefined;
  if (!message.text && only?.contentType === HERO_CARD_CONTENT_TYPE) {
    const content = only.content as HeroContent;
    const text = fitText(content.text ? `${line}\n\n${content.text}` : line);
    return { ...message, attachments: [{ ...only, content: { ...content, text } }] };
  }
  return { ...message, text: message.text ? `${line}\n\n${message.text}` : line };
}
