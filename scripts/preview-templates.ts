/**
 * Renders every email template with its sample data into preview/ (git-ignored):
 * `<name>.html`, `<name>.txt` and `<name>.subject.txt`. Run with `npm run templates:preview`.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { renderTemplate, TEMPLATES } from "../packages/core/src/email";

const outDir = fileURLToPath(new URL("../preview/", import.meta.url));

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const def of TEMPLATES) {
    // Client emails show the signed "your data" link in their footer (decision 0026).
    const out = renderTemplate(def.name, def.sample, {
      yourDataUrl: "https://coachflow.example/l/sample-token",
    });
    const files: [string, string][] = [
      [`${def.name}.html`, out.html],
      [`${def.name}.txt`, out.text],
      [`${def.name}.subject.txt`, `${out.subject}\n`],
    ];
    for (const [file, content] of files) {
      const path = `${outDir}${file}`;
      await writeFile(path, content, "utf8");
      console.log(relative(process.cwd(), path));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
