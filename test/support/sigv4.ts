import { createHash, createHmac } from "node:crypto";

/**
 * AWS Signature Version 4 written out from the AWS documentation ("Create a signed AWS API
 * request"), with node:crypto only: an independent check of what `AwsCaller` signs with the SDK's
 * `SignatureV4`. For services other than S3: each path segment is encoded again.
 */
export interface SignedParts {
  method: string;
  /** The path as sent on the wire (already percent-encoded). */
  path: string;
  /** The query as sent on the wire, without `?`. */
  query: string;
  /** Lowercase names of the signed headers, with their values as sent. */
  headers: Record<string, string>;
  payload: string;
  /** `yyyymmddThhmmssZ`. */
  amzDate: string;
  region: string;
  service: string;
  secretAccessKey: string;
}

const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256Hex = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const hmac = (key: Buffer | string, s: string) => createHmac("sha256", key).update(s, "utf8").digest();

export function canonicalRequest(p: SignedParts): string {
  const uri = p.path
    .split("/")
    .map((segment) => rfc3986(segment))
    .join("/");
  const query = p.query
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const [k = "", v = ""] = pair.split("=");
      return [rfc3986(decodeURIComponent(k)), rfc3986(decodeURIComponent(v))] as const;
    })
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const names = Object.keys(p.headers).sort();
  const headers = names.map((n) => `${n}:${p.headers[n]!.trim().replace(/\s+/g, " ")}\n`).join("");
  return [p.method, uri, query, headers, names.join(";"), sha256Hex(p.payload)].join("\n");
}

export function signature(p: SignedParts): string {
  const date = p.amzDate.slice(0, 8);
  const scope = `${date}/${p.region}/${p.service}/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", p.amzDate, scope, sha256Hex(canonicalRequest(p))].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${p.secretAccessKey}`, date), p.region), p.service), "aws4_request");
  return createHmac("sha256", key).update(toSign, "utf8").digest("hex");
}
