/**
 * The one zod import of the domain code: zod/mini, whose functions tree-shake, where classic
 * zod's methods put all of it (~190 KB) into every Lambda bundle and cost each cold start the
 * building of its heavier schemas.
 *
 * zod/mini loads no locale, so its issues would all read "Invalid input". Its locale here is our
 * own wording of issues (shared/issue-messages.ts, decision 0020), not zod's English one: the
 * messages people read come from that mapping, so zod's raw English ("Too small: expected string
 * to have >=1 characters") would only be a second wording to keep out of their way.
 *
 * Import it as a namespace, `import * as z from "…/shared/zod"` (`import type * as z` for types):
 * esbuild then keeps only the functions a bundle calls. A `z` object passed around as a value, as
 * in `import { z } from "zod/mini"`, would keep all of zod (its JSON Schema and compiler included).
 */

import * as z from "zod/mini";
import { zodLocale } from "./issue-messages";

z.config({ localeError: zodLocale });

export * from "zod/mini";
