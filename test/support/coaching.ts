import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { call, intakeBody } from "./requests";
import { adminHeaders, type SentEmail, type TestStack, uniqueEmail } from "./stack";
import { calendlyCreated, deliver } from "./webhooks";

/*
 * Small steps of a coaching relationship, driven only the way the outside world drives the
 * service: the admin and coach API, signed provider webhooks, signed links from emails and the
 * local clock (`POST /_local/clock`). Shared by the journey, finish-rules and notes-privacy tests.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface TestCoach {
  id: string;
  name: string;
  email: string;
  bookingUrl: string;
  pricingUrl: string;
  timezone: string;
}

/** A Calendly coach created through the admin API, with addresses no other test file uses. */
export async function addCoach(
  stack: TestStack,
  overrides: Record<string, unknown> = {},
): Promise<TestCoach> {
  const slug = `coach-${randomUUID().slice(0, 8)}`;
  const res = await call(
    stack.app,
    "POST",
    "/v1/coaches",
    {
      name: "Ada Mensah",
      email: uniqueEmail(slug),
      bio: "Engineering manager turned coach; helps new tech leads delegate and speak up.",
      specialties: ["delegation", "communication", "leadership"],
      languages: ["en"],
      timezone: "Europe/London",
      capacity: 8,
      style: "supportive",
      seniorityLevels: ["senior", "lead"],
      bookingProvider: "calendly",
      bookingUrl: `https://calendly.com/${slug}/session`,
      pricingUrl: `https://coaching.example.com/${slug}/pricing`,
      ...overrides,
    },
    adminHeaders,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as TestCoach;
}

/** Moves the local clock to `at` (epoch ms or ISO) and answers what fired on the way. */
export async function moveTo(
  stack: TestStack,
  at: number | string,
): Promise<{ name: string; outcome: string }[]> {
  const res = await call(stack.app, "POST", "/_local/clock", { to: new Date(at).toISOString() });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.fired;
}

/** The mail of one address, read back from the SES emulator; `fresh()` answers what arrived since its last call. */
export function mailbox(stack: TestStack, address: string) {
  let seen = 0;
  return {
    address,
    all: () => stack.emailsTo(address),
    async fresh(): Promise<SentEmail[]> {
      const all = await stack.emailsTo(address);
      const out = all.slice(seen);
      seen = all.length;
      return out;
    },
  };
}
export type Mailbox = ReturnType<typeof mailbox>;

export const subjectsOf = (mails: readonly SentEmail[]) => mails.map((m) => m.subject);

/** The one mail whose subject starts with `prefix`; fails the test when there is none or several. */
export function onlyMail(mails: readonly SentEmail[], prefix: string): SentEmail {
  const found = mails.filter((m) => m.subject.startsWith(prefix));
  expect(
    found.map((m) => m.subject),
    `one mail starting with "${prefix}" in ${subjectsOf(mails)}`,
  ).toHaveLength(1);
  return found[0]!;
}

/** Every URL in a mail's text part. */
export const urlsIn = (mail: SentEmail) => mail.body.text?.match(/https?:\/\/[^\s<>"]+/g) ?? [];

/**
 * The action a signed link's path (`/l/<token>`) carries, read from its (signed, not secret)
 * payload: `<kid>.<payload>.<mac>`, or `<payload>.<mac>` for a link made before key ids (0018).
 */
export const linkActionOf = (path: string): string => {
  const parts = path.slice("/l/".length).split(".");
  const payload = parts.length === 3 ? parts[1]! : parts[0]!;
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")).a;
};

/**
 * The paths (`/l/<token>`) of the signed links in a mail's text, in order, but for the footer's
 * "your data" link, which every client email carries (`yourDataPath` finds that one).
 */
export function signedLinkPaths(mail: SentEmail): string[] {
  return urlsIn(mail).flatMap((u) => {
    const path = new URL(u).pathname;
    return path.startsWith("/l/") && linkActionOf(path) !== "your-data" ? [path] : [];
  });
}

/** The path of the footer's signed "your data" link, if the mail has one. */
export function yourDataPath(mail: SentEmail): string | undefined {
  return urlsIn(mail)
    .map((u) => new URL(u).pathname)
    .find((p) => p.startsWith("/l/") && linkActionOf(p) === "your-data");
}

/** The value of a header the emulator stored with a mail. */
export const headerOf = (mail: SentEmail, name: string) =>
  mail.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;

/** The same link with one character of its signed payload changed. */
export function tampered(path: string): string {
  const i = "/l/".length + 12;
  const c = path[i] === "A" ? "B" : "A";
  return `${path.slice(0, i)}${c}${path.slice(i + 1)}`;
}

/** The correlation token a booking link carries (Calendly echoes `utm_content` back in its webhook). */
export const tokenOf = (bookingUrl: string) =>
  new URL(bookingUrl).searchParams.get("utm_content") ?? undefined;

let bookingSeq = 0;
/** A fresh Calendly invitee id, unique across runs. */
export const bookingId = (label: string) =>
  `${label}${Date.now().toString(36)}${(bookingSeq++).toString(36)}`.toUpperCase();

/** The client books a one-hour session with the coach through Calendly; answers the session id. */
export async function bookByWebhook(
  stack: TestStack,
  b: { coach: TestCoach; email: string; name?: string; start: number; token?: string; minutes?: number },
): Promise<{ sessionId: string; bookingId: string; deliveryId: string; start: number; end: number }> {
  const id = bookingId("BK");
  const end = b.start + (b.minutes ?? 60) * MINUTE;
  const res = await deliver(
    stack,
    "calendly",
    calendlyCreated({
      id,
      start: new Date(b.start).toISOString(),
      end: new Date(end).toISOString(),
      email: b.email,
      coachEmail: b.coach.email,
      ...(b.name ? { name: b.name } : {}),
      ...(b.token ? { token: b.token } : {}),
    }),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.sessionId).toMatch(/^ses_/);
  return {
    sessionId: res.body.sessionId,
    bookingId: id,
    deliveryId: res.body.deliveryId,
    start: b.start,
    end,
  };
}

/** A client who applied through the intake form; answers the id and the first match's booking link. */
export async function applyAsClient(
  stack: TestStack,
  email: string,
  overrides: Record<string, unknown> = {},
): Promise<{ clientId: string; matches: { coachId: string; bookingUrl: string; name: string }[] }> {
  const res = await call(stack.app, "POST", "/v1/intake", intakeBody(email, overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** `POST /v1/sessions/{id}/finish` as the coach, with a token minted now (by the wall clock). */
export async function finishAsCoach(stack: TestStack, coachId: string, sessionId: string, body: unknown) {
  return call(stack.app, "POST", `/v1/sessions/${sessionId}/finish`, body, await stack.coachHeaders(coachId));
}

/** A call as the coach, with a token minted now (by the wall clock). */
export async function asCoach(
  stack: TestStack,
  coachId: string,
  method: string,
  path: string,
  body?: unknown,
) {
  return call(stack.app, method, path, body, await stack.coachHeaders(coachId));
}

export const asAdmin = (stack: TestStack, method: string, path: string, body?: unknown) =>
  call(stack.app, method, path, body, adminHeaders);

/** `POST /l/{token}` as the client's browser does when they press the button of a signed link. */
export const openLink = (stack: TestStack, path: string, method: "GET" | "POST" = "POST") =>
  call(stack.app, method, path);

/** YYYY-MM-DD of an instant (UTC). */
export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The pending schedules whose name starts with `prefix`. */
export const schedulesOf = (stack: TestStack, prefix: string) =>
  stack.scheduler.pendingSchedules().filter((s) => s.name.startsWith(prefix));
