import type { CardAction } from './actions';

/** A channel-neutral card: card modules build this from data; a renderer turns it into the channel's format. */
export interface CardButton {
  title: string;
  action: CardAction;
  /**
   * The title where the button stands apart from its item, in one keyboard for the whole card ("Change: Contact",
   * "Remove: Canon EOS 5D"); `title` where it is shown under its item.
   */
  fullTitle?: string;
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
  /**
   * Items are pictures to browse (products found): where a channel sends one message per card (Telegram), they stay
   * one card each with their photo. Otherwise such a channel gets the whole card as one message.
   */
  gallery?: boolean;
  /** Inputs and their submit button (Adaptive Card channels only: the dialogs ask Telegram in words). */
  form?: CardForm;
}

/** One input of a form: its value prefilled, and the reason it was refused shown next to it. */
export interface FormField {
  id: string;
  label: string;
  kind: 'text' | 'email' | 'tel' | 'choice';
  value?: string;
  placeholder?: string;
  maxLength?: number;
  required?: boolean;
  choices?: { title: string; value: string }[];
  error?: string;
}

export interface CardForm {
  fields: FormField[];
  submit: CardButton;
  /** Shown by the client when a required field is left empty. */
  requiredText?: string;
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
