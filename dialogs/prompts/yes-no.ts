import type { Activity, TurnContext } from 'botbuilder';
import { choiceCard } from '../../src/cards';
import type { YesNoRecognizer } from '../commands/commands';
import { InputPrompt, type CustomerInput } from './input-prompt';
import { cardActivity, translate, type DialogDeps } from '../turn';
import { answerValidator } from './validation';

/** A yes/no question answered by button or by typing yes/no in any supported language. */
export function yesNoPrompt(id: string, deps: DialogDeps, words: YesNoRecognizer): InputPrompt {
  return new InputPrompt(
    id,
    answerValidator(deps, { actions: ['yes', 'no'], text: (text) => (words.recognize(text) === null ? { key: 'common.yesOrNo' } : null) }),
  );
}

export function yesNoQuestion(ctx: TurnContext, deps: DialogDeps, text: string): Partial<Activity> {
  const t = translate(ctx, deps.translator);
  return cardActivity(ctx, choiceCard({ text, choices: [{ title: t('common.yes'), action: { a: 'yes' } }, { title: t('common.no'), action: { a: 'no' } }] }));
}

export function yesNoAnswer(input: CustomerInput, words: YesNoRecognizer): boolean {
  return input.action ? input.action.a === 'yes' : words.recognize(input.text) === true;
}
