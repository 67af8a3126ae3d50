export { defineTemplate, type SesTemplateInput, type TemplateDefinition, toSesTemplate } from "./define";
export { escapeDeep, escapeHtml } from "./escape";
export {
  type AnyTemplate,
  getTemplate,
  isTemplateName,
  TEMPLATES,
  type TemplateInput,
  type TemplateName,
  type TemplateOf,
} from "./registry";
export {
  type RenderedEmail,
  renderTemplate,
  renderTemplateData,
  type SesTemplateData,
  templateData,
} from "./render";
