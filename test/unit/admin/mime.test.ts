import { describe, expect, it } from "vitest";
import { decodeHeader, decodeMessage } from "../../../packages/core/src/adapters/ses/mime";

describe("reading back SES's rendered template (MIME)", () => {
  it("reads a multipart/alternative message in 7bit with CRLF lines, as AWS documents the answer", () => {
    const raw = [
      "Date:2019-07-03T17:40:14.318Z",
      "Message-ID:<0100016bb8c8a6f9-7d58bdd2-f7b7-4b9e-9b2b-a8e5a3c5b8a1-000000@email.amazonses.com>",
      "Subject:Thank you for today's session",
      "MIME-Version: 1.0",
      "Content-Type: multipart/alternative; ",
      '\tboundary="----=_Part_2_1549212454.1562175614318"',
      "",
      "------=_Part_2_1549212454.1562175614318",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: 7bit",
      "",
      "Hello Sam,",
      "",
      "See you soon.",
      "------=_Part_2_1549212454.1562175614318",
      "Content-Type: text/html; charset=UTF-8",
      "Content-Transfer-Encoding: 7bit",
      "",
      "<p>Hello Sam,</p>",
      "------=_Part_2_1549212454.1562175614318--",
      "",
    ].join("\r\n");
    expect(decodeMessage(raw)).toEqual({
      subject: "Thank you for today's session",
      text: "Hello Sam,\n\nSee you soon.",
      html: "<p>Hello Sam,</p>",
    });
  });

  it("decodes quoted-printable (soft breaks, UTF-8 bytes), base64 and encoded-word subjects", () => {
    const raw = [
      "Subject: =?UTF-8?Q?Caf=C3=A9_time?= =?UTF-8?B?IOKAlCBzZWUgeW91?=",
      'Content-Type: multipart/alternative; boundary="b1"',
      "",
      "preamble",
      "--b1",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "Caf=C3=A9 =E2=80=94 a long line that was =",
      "folded, and a=3Db",
      "--b1",
      "Content-Type: text/html; charset=utf-8",
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("<p>Café “quoted”</p>")
        .toString("base64")
        .replace(/(.{20})/g, "$1\n"),
      "--b1--",
      "epilogue",
    ].join("\n");
    expect(decodeMessage(raw)).toEqual({
      subject: "Café time — see you",
      text: "Café — a long line that was folded, and a=b",
      html: "<p>Café “quoted”</p>",
    });
  });

  it("reads a message of one text part", () => {
    expect(decodeMessage("Subject: Hi\nContent-Type: text/plain\n\nJust text\n")).toEqual({
      subject: "Hi",
      text: "Just text",
    });
    expect(decodeHeader("plain words")).toBe("plain words");
  });
});
