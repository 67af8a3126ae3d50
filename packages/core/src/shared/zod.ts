import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

/**
 * zod/mini with English error messages. zod/mini is tree-shakable and builds schemas several times
 * faster than classic zod, so Lambda bundles carry and compile only what they use; but it loads no
 * locale of its own, so without this every message would be "Invalid input".
 *
 * Import it as a namespace, `import * as z from "@coachflow/core/shared/zod"`: esbuild then keeps
 * only the functions called. The `z` export is the whole zod/mini namespace as one object, and a
 * bundle that imports it by name (`import { z } from ...`) carries all of zod/mini and zod's core
 * (~160 KB minified, against ~20 KB). See docs/decisions/0013-zod-mini-and-own-openapi.md.
 */
z.config(en());

export * from "zod/mini";
export { z };
