import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Contact } from '../../src/domain/draft';
import type { YesNoRecognizer } from '../commands/commands';
import { FieldsDialog, resumeFields } from './fields-dialog';
import { DIALOG } from '../ids';
import type { CustomerInput } from '../prompts/input-prompt';
import { dropFormInProgress, formInProgress, hasFormInProgress, type FormKey } from '../order-state';
import { problemKey } from '../prompts/problems';
import { showTyping, translate, type DialogDeps } from '../turn';
import { yesNoAnswer, yesNoPrompt, yesNoQuestion } from '../prompts/yes-no';

const SAVED_PROMPT = 'contactSavedPrompt';
const FORM: FormKey = 'contact';

/** First name, last name, email and phone, checked before OpenCart sees them; a returning customer's are offered. */
export class ContactDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps, private readonly words: YesNoRecognizer) {
    super(DIALOG.contact);
    this.addDialog(new FieldsDialog(deps));
    this.addDialog(yesNoPrompt(SAVED_PROMPT, deps, words));
    this.addDialog(new WaterfallDialog('contactSteps', [this.offerSaved.bind(this), this.askFields.bind(this), this.save.bind(this)]));
    this.initialDialogId = 'contactSteps';
  }

  private async offerSaved(step: WaterfallStepContext<{ skipSaved?: boolean }>) {
    const saved = (await this.deps.store.profile(step.context)).contact;
    const resuming = hasFormInProgress(await this.deps.store.flow(step.context), FORM);
    if (!saved || step.options.skipSaved || resuming) return step.next(null);
    const t = translate(step.context, this.deps.translator);
    const text = t('contact.useSaved', { name: `${saved.firstname} ${saved.lastname}`, email: saved.email, telephone: saved.telephone });
    return step.prompt(SAVED_PROMPT, { prompt: yesNoQuestion(step.context, this.deps, text) });
  }

  private async askFields(step: WaterfallStepContext<{ skipSaved?: boolean }>) {
    const saved = (await this.deps.store.profile(step.context)).contact;
    if (saved && step.result && yesNoAnswer(step.result as CustomerInput, this.words)) return step.next(saved);
    const kept = formInProgress(await this.deps.store.flow(step.context), FORM).values;
    return step.beginDialog(DIALOG.fields, resumeFields(['firstname', 'lastname', 'email', 'telephone'], kept, { form: FORM }));
  }

  private async save(step: WaterfallStepContext<{ skipSaved?: boolean }>) {
    const contact = step.result as Contact;
    dropFormInProgress(await this.deps.store.flow(step.context), FORM);
    const state = await this.deps.store.checkout(step.context);
    await showTyping(step.context);
    const result = await this.deps.checkout.setContact(state, contact);
    if (result.ok) return step.endDialog({ done: true });
    await step.context.sendActivity(translate(step.context, this.deps.translator)(problemKey(result.problem)));
    return step.replaceDialog(this.id, { skipSaved: true });
  }
}
