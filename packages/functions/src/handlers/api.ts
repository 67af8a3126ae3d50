import { handle } from "hono/aws-lambda";
import { createApp } from "../app";
import { buildDeps } from "../composition";
import { loadConfig } from "../config";

/** The API Lambda: configuration is read and adapters are built once per cold start. */
export const handler = handle(createApp(buildDeps(loadConfig(process.env))));
