import { submitData } from './actions';
import type { MarkdownEscaper } from './markdown';
import type { CardButton, CardFact, CardForm, CardItem, CardModel, FormField, RenderedMessage } from './model';

/** Adaptive Cards 1.5: Web Chat, Teams (≤ 1.5) and the Emulator. */
export const ADAPTIVE_CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Teams shows at most 6 actions per card or action set; longer lists are split into rows of this size. */
export const MAX_ACTIONS_PER_ROW = 5;

type Element = Record<string, unknown>;

function submit(button: CardButton): Element {
  return { type: 'Action.Submit', title: button.title, data: submitData(button.action) };
}

function factSet(facts: CardFact[], md: MarkdownEscaper): Element {
  return { type: 'FactSet', facts: facts.map((f) => ({ title: md(f.label), value: md(f.value) })) };
}

function itemContainer(item: CardItem, md: MarkdownEscaper): Element {
  const texts: Element[] = [{ type: 'TextBlock', text: md(item.title), weight: 'Bolder', wrap: true }];
  if (item.subtitle) texts.push({ type: 'TextBlock', text: md(item.subtitle), isSubtle: true, spacing: 'None', wrap: true });
  if (item.text) texts.push({ type: 'TextBlock', text: md(item.text), wrap: true, spacing: 'Small' });
  if (item.facts?.length) texts.push(factSet(item.facts, md));
  const columns: Element[] = [];
  if (item.image) {
    columns.push({ type: 'Column', width: 'auto', items: [{ type: 'Image', url: item.image, size: 'Small', altText: item.title }] });
  }
  columns.push({ type: 'Column', width: 'stretch', items: texts });
  const items: Element[] = [{ type: 'ColumnSet', columns }];
  if (item.buttons?.length) items.push(...actionRows(item.buttons));
  return { type: 'Container', separator: true, spacing: 'Medium', items };
}

function actionRows(buttons: CardButton[]): Element[] {
  const rows: Element[] = [];
  for (let i = 0; i < buttons.length; i += MAX_ACTIONS_PER_ROW) {
    rows.push({ type: 'ActionSet', actions: buttons.slice(i, i + MAX_ACTIONS_PER_ROW).map(submit) });
  }
  return rows;
}

const INPUT_STYLES: Record<FormField['kind'], string | undefined> = { text: 'Text', email: 'Email', tel: 'Tel', choice: undefined };

function input(field: FormField, requiredText: string | undefined): Element {
  const common = {
    id: field.id,
    label: field.label,
    isRequired: field.required === true,
    ...(field.required && requiredText ? { errorMessage: requiredText } : {}),
    ...(field.value !== undefined ? { value: field.value } : {}),
    ...(field.placeholder ? { placeholder: field.placeholder } : {}),
  };
  if (field.kind === 'choice') return { type: 'Input.ChoiceSet', style: 'compact', choices: field.choices ?? [], ...common };
  return { type: 'Input.Text', style: INPUT_STYLES[field.kind], ...(field.maxLength ? { maxLength: field.maxLength } : {}), ...common };
}

/** Each input, with the reason it was refused right under it. */
function formElements(form: CardForm, md: MarkdownEscaper): Element[] {
  return form.fields.flatMap((field) => {
    const shown = [input(field, form.requiredText)];
    if (field.error) shown.push({ type: 'TextBlock', text: md(field.error), color: 'Attention', size: 'Small', spacing: 'None', wrap: true });
    return shown;
  });
}

/** Texts are markdown there (TextBlock, FactSet): escaped with `md`; button titles and alt texts are plain. */
export function renderAdaptive(model: CardModel, md: MarkdownEscaper = (text) => text): RenderedMessage {
  const body: Element[] = [];
  if (model.title) body.push({ type: 'TextBlock', text: md(model.title), size: 'Medium', weight: 'Bolder', wrap: true });
  if (model.text) body.push({ type: 'TextBlock', text: md(model.text), wrap: true });
  if (model.facts?.length) body.push(factSet(model.facts, md));
  for (const item of model.items ?? []) body.push(itemContainer(item, md));
  if (model.form) body.push(...formElements(model.form, md));
  const card: Element = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    body,
  };
  const buttons = [...(model.form ? [model.form.submit] : []), ...(model.buttons ?? [])];
  if (buttons.length && buttons.length <= MAX_ACTIONS_PER_ROW) card.actions = buttons.map(submit);
  else if (buttons.length) body.push(...actionRows(buttons));
  return { type: 'message', attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] };
}
