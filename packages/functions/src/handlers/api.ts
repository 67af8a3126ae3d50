import { onceUnlessFailed } from "@coachflow/core/shared/once";
import { handle } from "hono/aws-lambda";
import { createApp } from "../app";
import { buildDeps } from "../composition";
import { loadConfig } from "../config";
import { withSecrets } from "../secrets";

type ApiHandler = ReturnType<typeof handle>;

/**
 * The API Lambda: on the first request of a cold start the secrets are read (once), the
 * configuration is parsed and the adapters are built; later requests reuse them. A failed start
 * is not cached, so the next request tries again (after the secrets have been set, say).
 */
const ready = onceUnlessFailed(async () =>
  handle(createApp(buildDeps(loadConfig(await withSecrets(process.env))))),
);

export const handler = async (...args: Parameters<ApiHandler>) => (await ready())(...args);
