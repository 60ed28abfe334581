// Form models for the previews: integration forms from definitions, send forms from flows.
export { integrationForm, formProblems } from './integrationForm';
export { sendForm, sendFormOf, sendAt } from './sendForm';
export { sendFormEdit } from './sendFormEdit';
export { sendCodeLenses, previewSendFormCommand } from './codeLenses';
export * from './formModel';
