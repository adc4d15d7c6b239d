import type { CardButton, CardModel } from './model';

export interface ChoiceView {
  title?: string;
  text?: string;
  choices: CardButton[];
}

/** A question with a few answers (language, yes/no, which of several countries). */
export function choiceCard(view: ChoiceView): CardModel {
  return { title: view.title, text: view.text, buttons: view.choices };
}
