/**
 * The frame every email shares: a plain, inline-styled HTML page and a plain-text body, both ending
 * with the same short footer. These build Handlebars source at definition time; nothing here runs
 * at send time.
 */

export type Audience = "client" | "coach" | "admin";

const WHY: Record<Audience, string> = {
  client: "you applied for coaching with",
  coach: "you coach with",
  admin: "you administer",
};

/**
 * The "your data" line of every client email (decision 0026): a signed link where the client
 * downloads what the program holds about them or asks for its erasure. Filled in by the Mailer
 * (`footer.yourDataUrl`), not by each template's data; absent, the line is left out.
 */
const YOUR_DATA_HTML = `{{#if html.yourDataUrl}}
<p style="margin:4px 0 0;font-size:12px;color:#78716c;"><a href="{{{html.yourDataUrl}}}" style="color:#57534e;">Your data</a>: download what we hold about you, or ask us to erase it.</p>{{/if}}`;
const YOUR_DATA_TEXT = `{{#if text.yourDataUrl}}
Your data (download it, or ask us to erase it): {{{text.yourDataUrl}}}{{/if}}`;

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

/** Inline styles, named so templates read like markup rather than CSS. */
export const css = {
  h1: "font-size:20px;line-height:1.3;margin:0 0 16px;",
  h2: "font-size:16px;line-height:1.3;margin:24px 0 8px;",
  p: "margin:0 0 12px;",
  muted: "margin:0 0 12px;color:#57534e;",
  card: "border:1px solid #e7e5e4;border-radius:8px;padding:16px;margin:0 0 16px;",
  list: "margin:0 0 12px;padding-left:20px;",
  button:
    "display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px;font-weight:600;",
  table: "border-collapse:collapse;margin:0 0 12px;",
  th: "text-align:left;padding:2px 12px 2px 0;color:#57534e;font-weight:normal;vertical-align:top;",
  td: "padding:2px 0;vertical-align:top;",
} as const;

export function htmlLayout(opts: { title: string; audience: Audience; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title>
</head>
<body style="margin:0;padding:0;background:#f5f5f4;">
<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;font-family:${FONT};font-size:15px;line-height:1.5;color:#1c1917;">
${opts.body.trim()}
<hr style="border:none;border-top:1px solid #e7e5e4;margin:32px 0 12px;">
<p style="margin:0;font-size:12px;color:#78716c;">{{{html.programName}}} · sent by coachflow because ${WHY[opts.audience]} {{{html.programName}}}.</p>${opts.audience === "client" ? YOUR_DATA_HTML : ""}
</div>
</body>
</html>
`;
}

export function textLayout(opts: { audience: Audience; body: string }): string {
  return `${opts.body.trim()}

--
{{{text.programName}}} · sent by coachflow because ${WHY[opts.audience]} {{{text.programName}}}.${opts.audience === "client" ? YOUR_DATA_TEXT : ""}
`;
}
