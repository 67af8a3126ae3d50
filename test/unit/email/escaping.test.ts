import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import {
  escapeDeep,
  getTemplate,
  renderTemplate,
  renderTemplateData,
  TEMPLATES,
  templateData,
} from "../../../packages/core/src/email";

const EVE = "Eve\r\nBcc: x@evil.test <script>alert(1)</script>";

describe("escaping and header injection", () => {
  it("escapes a hostile name in the HTML, keeps it out of the subject, and shows it plainly in the text", () => {
    // Prepare
    const sample = getTemplate("coach-recommendations").sample;

    // Act
    const out = renderTemplate("coach-recommendations", { ...sample, clientName: EVE });

    // Assess
    expect(out.html).not.toContain("<script>");
    expect(out.html).toContain("Eve\r\nBcc: x@evil.test &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out.subject).toBe("Your recommended coaches");
    expect(out.subject).not.toMatch(/Eve|Bcc|evil|script|[\r\n]/);
    expect(out.text).toContain(EVE);
  });

  it("escapes attribute-breaking characters in a booking link", () => {
    const sample = getTemplate("coach-recommendations").sample;
    const [coach] = sample.coaches;
    const url = 'https://cal.example/x?a=1&b="><img src=x onerror=alert(1)>';

    const out = renderTemplate("coach-recommendations", {
      ...sample,
      coaches: [{ ...coach!, bookingUrl: url }],
    });

    expect(out.html).not.toContain("<img");
    expect(out.html).toContain('href="https://cal.example/x?a=1&amp;b=');
  });

  it.each(TEMPLATES.map((t) => [t.name, t] as const))(
    "%s: every value in the HTML comes from the escaped copy, every value in the text from the raw one",
    (_name, def) => {
      // Prepare: append markup to every string the template receives.
      const base = templateData(def.name, def.sample);
      const mark = (v: unknown): unknown =>
        typeof v === "string"
          ? `${v}<i>&`
          : Array.isArray(v)
            ? v.map(mark)
            : v && typeof v === "object"
              ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mark(x)]))
              : v;
      const text = mark(base.text) as Record<string, unknown>;

      // Act
      const out = renderTemplateData(def, { text, html: escapeDeep(text) as Record<string, unknown> });

      // Assess
      expect(out.html).not.toContain("<i>");
      expect(out.html).toContain("&lt;i&gt;&amp;");
      expect(out.text).toContain("<i>&");
      expect(out.text).not.toContain("&lt;");
    },
  );

  it.each(TEMPLATES.map((t) => [t.name, t] as const))(
    "%s: uses only triple-stash placeholders, so SES and the emulator cannot escape twice or differently",
    (_name, def) => {
      const escaped: string[] = [];
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) {
          for (const child of node) visit(child);
          return;
        }
        if (!node || typeof node !== "object") return;
        const n = node as { type?: string; escaped?: boolean; original?: string };
        if (n.type === "MustacheStatement" && n.escaped) escaped.push(JSON.stringify(n));
        for (const v of Object.values(node)) visit(v);
      };
      for (const part of [def.subject, def.html, def.text]) visit(Handlebars.parse(part));
      expect(escaped).toEqual([]);
    },
  );

  it.each(TEMPLATES.map((t) => [t.name, t] as const))(
    "%s: the subject reads only the system-generated fields it declares",
    (_name, def) => {
      const paths = [...def.subject.matchAll(/\{\{\{?\s*([^}\s]+)/g)].map((m) => m[1]);
      expect(paths.every((p) => def.subjectFields.some((f) => p === `text.${f}`))).toBe(true);
      expect(def.subject).not.toMatch(/\{\{#/);
    },
  );
});
