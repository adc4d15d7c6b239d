import type { Activity, Attachment, CardAction } from 'botbuilder';

/**
 * Renders what a bot sent as plain text with numbered buttons, the way a terminal (or a test) can read it:
 * text, typing, suggested actions, hero/thumbnail cards and Adaptive Cards (texts, facts, inputs, actions).
 */

export interface InputChoice {
  title: string;
  value: string;
}

/** One input of an Adaptive Card form; Action.Submit sends its value under `id`. */
export interface CardInput {
  id: string;
  type: string;
  label: string;
  required: boolean;
  choices: InputChoice[];
  multiSelect: boolean;
  defaultValue?: string;
}

export type ButtonAction =
  | { kind: 'imBack'; value: string }
  | { kind: 'postBack'; value: unknown }
  | { kind: 'messageBack'; text?: string; value?: unknown; displayText?: string }
  /** Action.Submit / Action.Execute: `inputs` are the card's form fields, sent merged into `data`. */
  | { kind: 'submit'; data: unknown; inputs: CardInput[] }
  | { kind: 'openUrl'; url: string }
  | { kind: 'showCard'; card: AdaptiveCardJson; inputs: CardInput[] };

export interface Button {
  /** 1-based, as shown. */
  number: number;
  label: string;
  /** Suggested actions are a reply keyboard on Telegram: tapping sends the label. */
  source: 'card' | 'suggested';
  action: ButtonAction;
}

export interface RenderedTurn {
  lines: string[];
  buttons: Button[];
}

export type AdaptiveCardJson = Record<string, unknown>;

type Json = Record<string, unknown>;

class TurnRenderer {
  readonly lines: string[] = [];
  readonly buttons: Button[] = [];

  addButton(label: string, source: Button['source'], action: ButtonAction, indent: string): void {
    const number = this.buttons.length + 1;
    this.buttons.push({ number, label, source, action });
    this.lines.push(`${indent}[${number}] ${label}${action.kind === 'openUrl' ? ` → ${action.url}` : ''}`);
  }

  activity(activity: Partial<Activity>): void {
    if (activity.type === 'typing') {
      this.lines.push('… typing');
      return;
    }
    if (activity.type !== 'message') return;
    if (activity.text) this.lines.push(activity.text);
    for (const attachment of activity.attachments ?? []) this.attachment(attachment);
    const suggested = activity.suggestedActions?.actions ?? [];
    for (const action of suggested) this.cardAction(action, 'suggested', '  ');
  }

  attachment(attachment: Attachment): void {
    const content = isJson(attachment.content) ? attachment.content : {};
    switch (attachment.contentType) {
      case 'application/vnd.microsoft.card.adaptive':
        this.adaptiveCard(content, []);
        return;
      case 'application/vnd.microsoft.card.hero':
      case 'application/vnd.microsoft.card.thumbnail':
        this.heroCard(content);
        return;
      default:
        this.lines.push(`[${attachment.contentType}${attachment.name ? `: ${attachment.name}` : ''}]`);
    }
  }

  heroCard(card: Json): void {
    this.lines.push('┌─');
    for (const key of ['title', 'subtitle', 'text']) {
      const value = card[key];
      if (typeof value === 'string' && value) this.lines.push(`│ ${value}`);
    }
    for (const action of asArray(card.buttons)) this.cardAction(action as CardAction, 'card', '│ ');
    this.lines.push('└─');
  }

  cardAction(action: CardAction, source: Button['source'], indent: string): void {
    const label = action.title || String(action.value ?? '');
    switch (action.type) {
      case 'postBack':
        return this.addButton(label, source, { kind: 'postBack', value: action.value }, indent);
      case 'messageBack':
        return this.addButton(label, source, { kind: 'messageBack', text: action.text, value: action.value, displayText: action.displayText }, indent);
      case 'openUrl':
        return this.addButton(label, source, { kind: 'openUrl', url: String(action.value) }, indent);
      default:
        return this.addButton(label, source, { kind: 'imBack', value: String(action.value ?? action.title ?? '') }, indent);
    }
  }

  /** `outerInputs` come from parent cards: Action.Submit in a ShowCard also sends its parents' inputs. */
  adaptiveCard(card: Json, outerInputs: CardInput[]): void {
    const inputs = [...outerInputs];
    collectInputs(asArray(card.body), inputs);
    this.lines.push('┌─');
    this.elements(asArray(card.body), inputs, '│ ');
    this.actions(asArray(card.actions), inputs, '│ ');
    this.lines.push('└─');
  }

  elements(elements: unknown[], inputs: CardInput[], indent: string): void {
    for (const element of elements) {
      if (!isJson(element) || element.isVisible === false) continue;
      this.element(element, inputs, indent);
    }
  }

  element(element: Json, inputs: CardInput[], indent: string): void {
    const type = String(element.type ?? '');
    if (type === 'TextBlock' && typeof element.text === 'string') this.lines.push(`${indent}${element.text}`);
    else if (type === 'RichTextBlock') this.lines.push(`${indent}${asArray(element.inlines).map(inlineText).join('')}`);
    else if (type === 'FactSet') {
      for (const fact of asArray(element.facts)) {
        if (isJson(fact)) this.lines.push(`${indent}${String(fact.title ?? '')}: ${String(fact.value ?? '')}`);
      }
    } else if (type === 'Container') this.elements(asArray(element.items), inputs, indent);
    else if (type === 'ColumnSet') {
      for (const column of asArray(element.columns)) {
        if (isJson(column)) this.elements(asArray(column.items), inputs, indent);
      }
    } else if (type === 'Table') {
      for (const row of asArray(element.rows)) {
        for (const cell of isJson(row) ? asArray(row.cells) : []) {
          if (isJson(cell)) this.elements(asArray(cell.items), inputs, indent);
        }
      }
    } else if (type === 'ActionSet') this.actions(asArray(element.actions), inputs, indent);
    else if (type.startsWith('Input.')) {
      const input = toInput(element);
      if (input) this.lines.push(`${indent}(${input.label}${input.required ? ', required' : ''})`);
    }
    if (isJson(element.selectAction) && type !== 'ActionSet') {
      this.actions([element.selectAction], inputs, indent, containerLabel(element));
    }
  }

  actions(actions: unknown[], inputs: CardInput[], indent: string, labelOverride?: string): void {
    for (const action of actions) {
      if (!isJson(action)) continue;
      const label = labelOverride || String(action.title ?? '');
      const type = String(action.type ?? '');
      if (type === 'Action.Submit' || type === 'Action.Execute') {
        this.addButton(label, 'card', { kind: 'submit', data: action.data, inputs }, indent);
      } else if (type === 'Action.OpenUrl') {
        this.addButton(label, 'card', { kind: 'openUrl', url: String(action.url ?? '') }, indent);
      } else if (type === 'Action.ShowCard' && isJson(action.card)) {
        this.addButton(label, 'card', { kind: 'showCard', card: action.card, inputs }, indent);
      }
    }
  }
}

/** Renders the activities of one turn; buttons are numbered across all of them. */
export function renderActivities(activities: Partial<Activity>[]): RenderedTurn {
  const renderer = new TurnRenderer();
  for (const activity of activities) renderer.activity(activity);
  return { lines: renderer.lines, buttons: renderer.buttons };
}

/** Renders the card an Action.ShowCard opens, keeping the parent card's inputs for its Submit buttons. */
export function renderShowCard(card: AdaptiveCardJson, parentInputs: CardInput[]): RenderedTurn {
  const renderer = new TurnRenderer();
  renderer.adaptiveCard(card, parentInputs);
  return { lines: renderer.lines, buttons: renderer.buttons };
}

function collectInputs(elements: unknown[], into: CardInput[]): void {
  for (const element of elements) {
    if (!isJson(element)) continue;
    const input = toInput(element);
    if (input) into.push(input);
    collectInputs(asArray(element.items), into);
    for (const column of asArray(element.columns)) if (isJson(column)) collectInputs(asArray(column.items), into);
  }
}

function toInput(element: Json): CardInput | null {
  const type = String(element.type ?? '');
  if (!type.startsWith('Input.') || typeof element.id !== 'string') return null;
  const label = [element.label, element.placeholder, element.title, element.id].find((v) => typeof v === 'string' && v);
  const choices = asArray(element.choices)
    .filter(isJson)
    .map((c) => ({ title: String(c.title ?? c.value ?? ''), value: String(c.value ?? '') }));
  if (type === 'Input.Toggle') {
    choices.push({ title: String(element.title ?? 'on'), value: String(element.valueOn ?? 'true') });
    choices.push({ title: '-', value: String(element.valueOff ?? 'false') });
  }
  return {
    id: element.id,
    type,
    label: String(label),
    required: element.isRequired === true,
    choices,
    multiSelect: element.isMultiSelect === true,
    defaultValue: element.value === undefined ? undefined : String(element.value),
  };
}

function containerLabel(element: Json): string {
  const texts: string[] = [];
  const walk = (items: unknown[]): void => {
    for (const item of items) {
      if (!isJson(item)) continue;
      if (item.type === 'TextBlock' && typeof item.text === 'string') texts.push(item.text);
      walk(asArray(item.items));
      for (const column of asArray(item.columns)) if (isJson(column)) walk(asArray(column.items));
    }
  };
  walk(asArray(element.items));
  for (const column of asArray(element.columns)) if (isJson(column)) walk(asArray(column.items));
  return texts.join(' · ');
}

function inlineText(inline: unknown): string {
  if (typeof inline === 'string') return inline;
  return isJson(inline) && typeof inline.text === 'string' ? inline.text : '';
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
