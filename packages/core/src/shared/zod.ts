import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

/**
 * zod/mini with English error messages. zod/mini is tree-shakable and builds schemas several times
 * faster than classic zod, so Lambda bundles carry and compile only what they use; but it loads no
 * locale of its own, so without this every message would be "Invalid input". Import `z` from here,
 * never from "zod/mini" directly. See docs/decisions/0013-zod-mini-and-own-openapi.md.
 */
z.config(en());

export { z };
