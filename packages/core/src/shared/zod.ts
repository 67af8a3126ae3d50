/**
 * The one zod import of the domain code: zod/mini, whose functions tree-shake, where classic
 * zod's methods put all of it (~190 KB) into every Lambda bundle and cost each cold start the
 * building of its heavier schemas.
 *
 * zod/mini loads no locale, so its issues would all read "Invalid input". Classic zod configures
 * the English locale on import; this does the same, so the messages the API returns stay the ones
 * it always returned. The locale comes from its own module: the locales index holds every language.
 *
 * Import it as a namespace, `import * as z from "…/shared/zod"` (`import type * as z` for types):
 * esbuild then keeps only the functions a bundle calls. A `z` object passed around as a value, as
 * in `import { z } from "zod/mini"`, would keep all of zod (its JSON Schema and compiler included).
 */

import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

z.config(en());

export * from "zod/mini";
