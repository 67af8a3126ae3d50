import type { Logger } from "@coachflow/core/ports";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

/**
 * One JSON object per line (CloudWatch and people both read it). Context carries ids only; the
 * callers never pass names, emails, answers or notes.
 */
export class JsonLogger implements Logger {
  constructor(
    private readonly level: LogLevel = "info",
    private readonly base: Record<string, unknown> = {},
    private readonly sink: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  child(context: Record<string, unknown>): JsonLogger {
    return new JsonLogger(this.level, { ...this.base, ...context }, this.sink);
  }

  debug(message: string, context?: Record<string, unknown>) {
    this.write("debug", message, context);
  }
  info(message: string, context?: Record<string, unknown>) {
    this.write("info", message, context);
  }
  warn(message: string, context?: Record<string, unknown>) {
    this.write("warn", message, context);
  }
  error(message: string, context?: Record<string, unknown>) {
    this.write("error", message, context);
  }

  private write(level: Exclude<LogLevel, "silent">, msg: string, context?: Record<string, unknown>) {
    if (LEVELS[level] < LEVELS[this.level]) return;
    this.sink(JSON.stringify({ level, time: new Date().toISOString(), msg, ...this.base, ...context }));
  }
}
