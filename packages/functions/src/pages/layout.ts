import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

type Content = HtmlEscapedString | Promise<HtmlEscapedString>;

/** A plain, accessible page shell: no JavaScript, system fonts, readable at any width. */
export function page(title: string, body: Content) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; color: #1f2933; max-width: 44rem; margin: 0 auto; padding: 1.5rem; }
  h1 { font-size: 1.6rem; } fieldset { border: 1px solid #cbd2d9; border-radius: 6px; margin: 1.25rem 0; padding: 0.75rem 1rem; }
  label { display: block; font-weight: 600; margin-top: 0.9rem; } .hint { font-weight: normal; color: #52606d; font-size: 0.9rem; }
  input[type=text], input[type=email], select, textarea { width: 100%; box-sizing: border-box; padding: 0.5rem; font: inherit; border: 1px solid #9aa5b1; border-radius: 4px; }
  textarea { min-height: 6rem; } .choices label { display: inline-block; font-weight: normal; margin: 0.25rem 1rem 0.25rem 0; }
  .error-summary { border: 3px solid #c81e1e; padding: 0.75rem 1rem; border-radius: 6px; } .error { color: #c81e1e; font-weight: 600; }
  button { margin-top: 1.5rem; padding: 0.7rem 1.4rem; font: inherit; font-weight: 600; background: #1f4e79; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  .coach { border: 1px solid #cbd2d9; border-radius: 8px; padding: 1rem; margin: 1rem 0; } a.book { font-weight: 600; }
  .hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
  :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}
