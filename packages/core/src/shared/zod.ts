/**
 * The one zod import of the domain code: zod/mini, whose functions tree-shake, where classic
 * zod's methods put all of it (~190 KB) into every Lambda bundle and cost each cold start the
 * building of its heavier schemas.
 *
 * zod/mini loads no locale, so its issues would all read "Invalid input". Classic zod configures
 * the English locale on import; this does the same, so the messages the API returns stay the ones
 * it always returned. The locale comes from its own module: the locales index holds every language.
 */

import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

z.config(en());

export { z };
