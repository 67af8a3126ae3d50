/**
 * Just enough MIME (RFC 2045–2047) to read back what SES's TestRenderEmailTemplate answers: a
 * message with a Subject and a text and an HTML part, in `multipart/alternative` or as a single
 * part, each part 7bit, 8bit, quoted-printable or base64, in UTF-8 (what SES writes). Not a
 * general mail parser: attachments, nested multiparts beyond one level and other charsets are
 * not read.
 */

export interface DecodedMessage {
  subject: string;
  text?: string;
  html?: string;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** Splits at the first empty line; header lines folded onto the next are joined (RFC 5322 §2.2.3). */
function splitPart(raw: string): Part {
  const normal = raw.replace(/\r\n/g, "\n");
  const end = normal.indexOf("\n\n");
  const head = end === -1 ? normal : normal.slice(0, end);
  const body = end === -1 ? "" : normal.slice(end + 2);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** A parameter of a header value (`boundary="abc"` of a Content-Type). */
function parameter(value: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}

const utf8 = new TextDecoder("utf-8");

function quotedPrintable(s: string, underscoreIsSpace = false): string {
  const text = (underscoreIsSpace ? s.replace(/_/g, " ") : s).replace(/=\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...new TextEncoder().encode(text[i]!));
    }
  }
  return utf8.decode(new Uint8Array(bytes));
}

const base64 = (s: string) => utf8.decode(Buffer.from(s.replace(/\s+/g, ""), "base64"));

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const body = part.body.replace(/\n$/, "");
  if (encoding === "base64") return base64(body);
  if (encoding === "quoted-printable") return quotedPrintable(body);
  return body;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) in a header, adjacent ones joined. */
export function decodeHeader(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === "B" ? base64(data) : quotedPrintable(data, true),
    );
}

export function decodeMessage(raw: string): DecodedMessage {
  const message = splitPart(raw);
  const out: DecodedMessage = { subject: decodeHeader(message.headers.get("subject") ?? "") };
  const read = (part: Part) => {
    const type = (part.headers.get("content-type") ?? "text/plain").toLowerCase();
    const boundary = parameter(part.headers.get("content-type") ?? "", "boundary");
    if (type.startsWith("multipart/") && boundary) {
      const pieces = part.body.split(new RegExp(`^--${escapeRegExp(boundary)}(?:--)?[ \\t]*$`, "m"));
      // Before the first boundary is the preamble, after the last the epilogue.
      for (const piece of pieces.slice(1, -1)) read(splitPart(piece.replace(/^\n/, "")));
    } else if (type.startsWith("text/html")) out.html ??= decodeBody(part);
    else if (type.startsWith("text/plain")) out.text ??= decodeBody(part);
  };
  read(message);
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
