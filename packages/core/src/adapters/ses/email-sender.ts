import type { EmailSender } from "../../ports";
import type { AwsCaller } from "../aws/index";
import { EmailSendError } from "./errors";

/** A header name as RFC 5322 allows it; values must stay on one line. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,76}$/;
const LINE_BREAK = /[\r\n]/;

export interface SesEmailSenderOptions {
  /** The verified sender, e.g. `"Tech Lead Coaching Network <hello@example.com>"`. */
  from: string;
  /** SES configuration set for event publishing (bounces, rendering failures); optional. */
  configurationSetName?: string;
}

/** The part of SendEmail's answer that is read. */
interface SendEmailAnswer {
  MessageId?: string;
}

/**
 * Sends stored SES templates with SES v2 SendEmail (`POST /v2/email/outbound-emails`) through a
 * caller built for `SES_V2`. `data` is the `TemplateData` object built by `templateData()` in
 * core/email (already validated and escaped); it goes to SES as JSON.
 */
export class SesEmailSender implements EmailSender {
  constructor(
    private readonly ses: AwsCaller,
    private readonly options: SesEmailSenderOptions,
  ) {}

  async send(message: {
    to: string;
    template: string;
    data: Record<string, unknown>;
    headers?: Record<string, string>;
  }): Promise<{ messageId: string }> {
    const headers = toSesHeaders(message.headers, message.template);
    if (LINE_BREAK.test(message.to)) {
      throw new EmailSendError(
        `invalid recipient for template ${message.template}: contains a line break`,
        false,
      );
    }
    let messageId: string | undefined;
    try {
      const out = await this.ses.call<SendEmailAnswer>({
        method: "POST",
        path: "/v2/email/outbound-emails",
        // SendEmail has no idempotency token: after a timeout SES may have sent it already.
        idempotent: false,
        body: {
          FromEmailAddress: this.options.from,
          Destination: { ToAddresses: [message.to] },
          Content: {
            Template: {
              TemplateName: message.template,
              TemplateData: JSON.stringify(message.data),
              ...(headers ? { Headers: headers } : {}),
            },
          },
          ...(this.options.configurationSetName
            ? { ConfigurationSetName: this.options.configurationSetName }
            : {}),
        },
      });
      messageId = typeof out.MessageId === "string" && out.MessageId !== "" ? out.MessageId : undefined;
    } catch (error) {
      throw EmailSendError.from(error, message.template);
    }
    // SES accepted the message; retrying could send it twice, so this is not transient.
    if (!messageId)
      throw new EmailSendError(`SES returned no MessageId for template ${message.template}`, false);
    return { messageId };
  }
}

function toSesHeaders(headers: Record<string, string> | undefined, template: string) {
  if (!headers) return undefined;
  const entries = Object.entries(headers);
  if (entries.length === 0) return undefined;
  for (const [name, value] of entries) {
    if (!HEADER_NAME.test(name) || LINE_BREAK.test(value)) {
      // Neither the name nor the value goes into the message: either may carry personal data.
      throw new EmailSendError(
        `invalid header for template ${template}: bad name or line break in value`,
        false,
      );
    }
  }
  return entries.map(([Name, Value]) => ({ Name, Value }));
}
