import { cleanText, parsed, rejected, type ParseResult } from './result';

export type YesNoRejection = 'YES_NO_UNCLEAR';

const YES = new Set([
  'yes', 'y', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'k', 'right', 'correct', 'confirm', 'of course', 'please',
  'yes please', 'go ahead', 'do it', 'agreed', 'true', '+', '👍', '✅', '✔', '✔️', '👌',
  'да', 'ага', 'угу', 'конечно', 'ок', 'окей', 'хорошо', 'верно', 'подтверждаю', 'давай', 'да, конечно', 'д',
  'ja', 'jawohl', 'genau', 'klar', 'gerne', 'ja bitte', 'richtig', 'stimmt', 'einverstanden', 'passt', 'j',
]);

const NO = new Set([
  'no', 'n', 'nope', 'nah', 'no thanks', 'no thank you', 'cancel', 'wrong', 'false', '-', '👎', '❌', '✖',
  'нет', 'не', 'неа', 'не надо', 'отмена', 'нет, спасибо', 'неверно', 'н',
  'nein', 'ne', 'nö', 'noe', 'nee', 'nein danke', 'falsch', 'abbrechen',
]);

/** Yes/no in en/ru/de ("ja", "да", "ok", "👍"); anything else is unclear rather than a guess. */
export function parseYesNo(input: string): ParseResult<boolean, YesNoRejection> {
  const text = cleanText(input)
    .toLowerCase()
    .replace(/[!.?¡¿…]+$/u, '')
    .replace(/\s*,\s*/g, ', ')
    .trim();
  if (YES.has(text) || YES.has(text.replace(/,/g, ''))) return parsed(true);
  if (NO.has(text) || NO.has(text.replace(/,/g, ''))) return parsed(false);
  // "yes, go ahead" / "nein danke": a short answer led by one side and not mentioning the other
  const words = text.split(/[\s,]+/);
  const saysYes = words.some((word) => YES.has(word));
  const saysNo = words.some((word) => NO.has(word));
  if (words.length <= 4 && saysYes !== saysNo && (YES.has(words[0]) || NO.has(words[0]))) return parsed(saysYes);
  return rejected('YES_NO_UNCLEAR');
}
