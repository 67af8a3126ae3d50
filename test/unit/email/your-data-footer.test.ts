import { describe, expect, it } from "vitest";
import { renderTemplate, TEMPLATES } from "../../../packages/core/src/email";

const URL = "https://coachflow.example/l/abc.def";
/** Who reads each template, from the layout's footer sentence. */
const audienceOf = (text: string) =>
  text.includes("because you applied for coaching")
    ? "client"
    : text.includes("because you coach with")
      ? "coach"
      : "admin";

describe("the 'your data' link in the email footer (decision 0026)", () => {
  it.each(TEMPLATES.map((t) => [t.name, t] as const))(
    "%s: carries it only when it is a client email",
    (_n, t) => {
      const out = renderTemplate(t.name, t.sample, { yourDataUrl: URL });
      const client = audienceOf(out.text) === "client";
      expect(out.text.includes(`Your data (download it, or ask us to erase it): ${URL}`)).toBe(client);
      expect(out.html.includes(`<a href="${URL}"`)).toBe(client);
      // The footer's last line, right after the "sent by coachflow" one.
      const last = out.text.trimEnd().split("\n").at(-1);
      expect(last?.startsWith("Your data"), last).toBe(client);
    },
  );

  it("leaves the line out when no link is given", () => {
    for (const t of TEMPLATES) {
      const out = renderTemplate(t.name, t.sample);
      expect(out.text).not.toContain("Your data");
      expect(out.html).not.toContain("Your data");
    }
  });

  it("escapes the link in HTML and refuses one that is not http(s)", () => {
    const t = TEMPLATES.find((x) => x.name === "booking-confirmation")!;
    const out = renderTemplate(t.name, t.sample, { yourDataUrl: `${URL}?a=1&b=2` });
    expect(out.html).toContain(`${URL}?a=1&amp;b=2`);
    expect(() => renderTemplate(t.name, t.sample, { yourDataUrl: "javascript:alert(1)" })).toThrow(
      /invalid email footer/,
    );
  });

  it("covers every client template: some templates are for clients", () => {
    const clients = TEMPLATES.filter((t) => audienceOf(renderTemplate(t.name, t.sample).text) === "client");
    expect(clients.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        "coach-recommendations",
        "booking-confirmation",
        "session-followup",
        "action-item-reminder",
      ]),
    );
  });
});
