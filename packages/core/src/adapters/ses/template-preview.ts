import type { EmailPreviewRenderer } from "../../admin/settings-preview";
import type { SesTemplateData } from "../../email/template-data";
import { type AwsCaller, pathSegment } from "../aws/index";
import { decodeMessage } from "./mime";

/**
 * Renders a stored template with data by SES v2 TestRenderEmailTemplate
 * (`POST /v2/email/templates/{name}/render`): the template SES holds, rendered by SES, so a
 * preview shows the bytes a send would (decision 0034). SES answers the whole MIME message; its
 * subject and parts are read back here. The Lambda bundles carry no template source nor
 * Handlebars (decision 0003), so this is the one renderer a deployed function has.
 */
export class SesTemplatePreview implements EmailPreviewRenderer {
  constructor(private readonly ses: AwsCaller) {}

  async render(template: string, data: SesTemplateData) {
    const out = await this.ses.call<{ RenderedTemplate?: string }>({
      method: "POST",
      path: `/v2/email/templates/${pathSegment(template)}/render`,
      body: { TemplateData: JSON.stringify(data) },
    });
    const decoded = decodeMessage(out.RenderedTemplate ?? "");
    return {
      subject: decoded.subject,
      text: decoded.text ?? "",
      ...(decoded.html ? { html: decoded.html } : {}),
    };
  }
}
