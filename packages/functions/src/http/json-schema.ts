/**
 * zod's JSON Schema conversion, in a module of its own: the Lambda bundles resolve this import
 * straight to zod's converter and keep the converter out of the code loaded at init (see
 * `zodJsonSchemaOnDemand` in infra/bundling.ts); only the OpenAPI document uses it.
 */
export { toJSONSchema } from "zod/v4/core";
