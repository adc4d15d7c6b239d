import type { ChangeableSlot } from '../../src/cards';
import type { CustomerInput } from './input-prompt';

/** What browsing products ended with: a product, a new search, or a category to open (null: the top list). */
export type BrowseOutcome = { productId: number } | { search: string } | { browse: string | null };

/** What a checkout step can ask the flow for besides "done": go back and ask a slot again. */
export type StepOutcome = { redo: ChangeableSlot } | { done: true };

export function isCustomerInput(value: unknown): value is CustomerInput {
  return typeof value === 'object' && value !== null && 'unreadableButton' in value;
}
