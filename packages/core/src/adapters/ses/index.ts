export { SesEmailSender, type SesEmailSenderOptions } from "./email-sender";
export { describeSesError, EmailSendError, type SesErrorInfo, TemplateUpsertError } from "./errors";
export { SES_V2 } from "./service";
export { type UpsertResult, upsertTemplates } from "./templates";
