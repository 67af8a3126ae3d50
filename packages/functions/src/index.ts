export { createApp } from "./app";
export { type AppDeps, buildDeps } from "./composition";
export { type Config, loadConfig } from "./config";
export { JsonLogger } from "./logger";
