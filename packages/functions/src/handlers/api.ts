import { handle } from "hono/aws-lambda";
import { createApp } from "../app";
import { buildDeps } from "../composition";
import { loadConfig } from "../config";
import { withFreshSecrets } from "../secrets-refresh";

type ApiHandler = ReturnType<typeof handle>;

/**
 * The API Lambda: on the first request of a cold start the secrets are read, the configuration is
 * parsed and the adapters are built; later requests reuse them. A failed start is not cached, so
 * the next request tries again (after the secrets have been set, say). After
 * SECRETS_MAX_AGE_SECONDS the secrets are read again and, when a value changed (a rotation), the
 * app is built anew from them (secrets-refresh.ts).
 */
const current = withFreshSecrets(process.env, (env) => {
  const deps = buildDeps(loadConfig(env));
  return { ...deps, value: handle(createApp(deps)) };
});

export const handler = async (...args: Parameters<ApiHandler>) => (await current())(...args);
