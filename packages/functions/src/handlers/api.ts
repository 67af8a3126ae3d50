import { handle } from "hono/aws-lambda";
import { createApp } from "../app";
import { buildDeps } from "../composition";
import { loadConfig } from "../config";
import { loadEnvOnce } from "../secrets";

type ApiHandler = ReturnType<typeof handle>;
let ready: Promise<ApiHandler> | undefined;

/**
 * The API Lambda: on the first request of a cold start the secrets are read (once), the
 * configuration is parsed and the adapters are built; later requests reuse them. A failed start
 * is not cached, so the next request tries again (after the secrets have been set, say).
 */
export const handler = async (...args: Parameters<ApiHandler>) => {
  ready ??= loadEnvOnce(process.env)
    .then((env) => handle(createApp(buildDeps(loadConfig(env)))))
    .catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
  return (await ready)(...args);
};
