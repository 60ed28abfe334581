// Form models for the previews: integration forms from definitions, send forms from flows.
export { integrationForm, formProblems } from './integrationPreview';
export { sendForm, sendFormOf, sendAt } from './sendPreview';
export { sendFormEdit } from './sendPreviewEdit';
export { sendCodeLenses, previewSendFormCommand } from './codeLenses';
export * from './previewModel';
