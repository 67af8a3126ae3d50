// Everything email: contracts, sources, local rendering. Lambda code imports `template-data` (and
// `contract-registry`) directly instead, so that no template source is bundled with it.
export { defineContract, type TemplateContract } from "./contract";
export {
  type AnyContract,
  CONTRACTS,
  type ContractOf,
  getContract,
  isTemplateName,
  type TemplateInput,
  type TemplateName,
} from "./contract-registry";
export { defineTemplate, type SesTemplateInput, type TemplateDefinition, toSesTemplate } from "./define";
export { escapeDeep, escapeHtml } from "./escape";
export { type AnyTemplate, getTemplate, TEMPLATES, type TemplateOf } from "./registry";
export { type RenderedEmail, renderTemplate, renderTemplateData } from "./render";
export { type SesTemplateData, templateData } from "./template-data";
