export { SesEmailSender, type SesEmailSenderOptions } from "./email-sender";
export { describeSesError, EmailSendError, type SesErrorInfo, TemplateUpsertError } from "./errors";
export { type UpsertResult, upsertTemplates } from "./templates";
