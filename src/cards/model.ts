import type { CardAction } from './actions';

/** A channel-neutral card: card modules build this from data; a renderer turns it into the channel's format. */
export interface CardButton {
  title: string;
  action: CardAction;
}

export interface CardFact {
  label: string;
  value: string;
}

export interface CardItem {
  title: string;
  subtitle?: string;
  text?: string;
  image?: string | null;
  facts?: CardFact[];
  buttons?: CardButton[];
}

export interface CardModel {
  title?: string;
  text?: string;
  facts?: CardFact[];
  items?: CardItem[];
  /** Buttons that act on the whole card ("more results", "checkout"). */
  buttons?: CardButton[];
}

/** Translate a key of locales/<lng>/*.json for the current customer. */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

/** Bot Framework attachment shape (structural, so this layer needs no botbuilder import). */
export interface CardAttachment {
  contentType: string;
  content: unknown;
}

export interface SuggestedActions {
  actions: { type: 'imBack' | 'postBack'; title: string; value: string }[];
  to: string[];
}

/** What a renderer produces: fields of a message activity. */
export interface RenderedMessage {
  type: 'message';
  text?: string;
  textFormat?: 'markdown' | 'plain';
  attachments: CardAttachment[];
  attachmentLayout?: 'list' | 'carousel';
  suggestedActions?: SuggestedActions;
}
