import type { Activity, TurnContext } from 'botbuilder';
import { choiceCard } from '../../src/cards';
import type { YesNoRecognizer } from '../commands/commands';
import { choiceMatcher, type ChoiceMatcher, type OfferedChoice } from './choice-match';
import { InputPrompt, type CustomerInput } from './input-prompt';
import { cardActivity, translate, type DialogDeps } from '../turn';
import { answerValidator } from './validation';

/** A one-word typo of a yes or no word in any language ("yess", "nien", "канешно"), by the shared choice matcher. */
class TypedYesNo {
  private readonly offered: OfferedChoice[];

  constructor(deps: DialogDeps, private readonly matcher: ChoiceMatcher) {
    const all = (key: string) => deps.translator.allTranslations(key).flatMap((list) => list.split('|'));
    this.offered = [
      { label: 'yes', action: { a: 'yes' }, names: [...all('common.yes'), ...all('common.yesWords')] },
      { label: 'no', action: { a: 'no' }, names: [...all('common.no'), ...all('common.noWords')] },
    ];
  }

  /** Only a single word of 4 letters or more: shorter ones are one edit from the other answer, longer answers are not a typo. */
  recognize(text: string): boolean | null {
    const word = text.trim();
    // Hidden characters (zero-width, bidi, controls) are never a yes, as in the strict reading.
    if (word.length < 4 || word.length > 20 || /[\s\p{Cc}\p{Cf}]/u.test(word)) return null;
    const chosen = this.matcher.chosen(word, this.offered, { positions: false });
    return chosen ? chosen.action.a === 'yes' : null;
  }
}

const typedByWords = new WeakMap<YesNoRecognizer, TypedYesNo>();

function answerOf(text: string, words: YesNoRecognizer): boolean | null {
  return words.recognize(text) ?? typedByWords.get(words)?.recognize(text) ?? null;
}

/** A yes/no question answered by button or by typing yes/no in any supported language, with a typo in one word. */
export function yesNoPrompt(id: string, deps: DialogDeps, words: YesNoRecognizer): InputPrompt {
  if (!typedByWords.has(words)) typedByWords.set(words, new TypedYesNo(deps, choiceMatcher(deps.translator)));
  return new InputPrompt(
    id,
    answerValidator(deps, { actions: ['yes', 'no'], text: (text) => (answerOf(text, words) === null ? { key: 'common.yesOrNo' } : null) }),
  );
}

export function yesNoQuestion(ctx: TurnContext, deps: DialogDeps, text: string): Partial<Activity> {
  const t = translate(ctx, deps.translator);
  return cardActivity(ctx, choiceCard({ text, choices: [{ title: t('common.yes'), action: { a: 'yes' } }, { title: t('common.no'), action: { a: 'no' } }] }));
}

export function yesNoAnswer(input: CustomerInput, words: YesNoRecognizer): boolean {
  return input.action ? input.action.a === 'yes' : answerOf(input.text, words) === true;
}
