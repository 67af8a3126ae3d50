import { SesTemplatePreview } from "@coachflow/core/adapters/ses/template-preview";
import { checkSettingsForm, saveSettingsForm } from "@coachflow/core/admin/settings-admin";
import { settingsForm, settingsFormFromPost } from "@coachflow/core/admin/settings-form";
import {
  type AgendaPreviewKey,
  agendaPreview,
  type EmailPreviewKey,
  type EmailPreviewRenderer,
  emailPreview,
  isAgendaPreview,
  isEmailPreview,
} from "@coachflow/core/admin/settings-preview";
import { readProgram } from "@coachflow/core/program/service";
import { describeError } from "@coachflow/core/shared/describe-error";
import type { Context, Hono } from "hono";
import type { AppDeps } from "../composition";
import { readForm } from "../web/forms";
import { settingsFormErrors } from "./settings-fields";
import { SettingsPage, type SettingsPreview } from "./settings-views";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

/**
 * The admin console's settings page (`/admin/settings`): the document of `GET`/`PUT /v1/program`
 * in one form, previewed before saving, saved with the API's rules (admin/settings-admin.ts in
 * core). The caller installs admin sign-in, CSRF checks, security headers, a body limit and
 * `no-store` in front of it.
 */
export function adminSettingsRoutes(app: Hono, deps: AppDeps): void {
  let renderer: EmailPreviewRenderer | undefined;
  const emails = () => (renderer ??= new SesTemplatePreview(deps.aws.ses));

  /** The post's form, version and preview choices. */
  const posted = async (c: Context) => {
    const post = await readForm(c);
    const agenda = one(post.previewAgenda);
    const email = one(post.previewEmail);
    return {
      form: settingsFormFromPost(post),
      version: one(post.version),
      agendaKey: isAgendaPreview(agenda) ? agenda : ("intro" as AgendaPreviewKey),
      emailKey: isEmailPreview(email) ? email : ("session-followup" as EmailPreviewKey),
    };
  };

  app.get("/admin/settings", async (c) => {
    // A consistent read, not the cache: the version the form carries must be the stored one.
    const program = await readProgram(deps.program);
    const notice =
      c.req.query("saved") === "1" ? `The settings are saved (version ${program.version}).` : undefined;
    return c.html(
      <SettingsPage
        form={settingsForm(program.settings)}
        version={program.etag}
        notice={notice}
        agendaKey="intro"
        emailKey="session-followup"
      />,
    );
  });

  app.post("/admin/settings/preview", async (c) => {
    const { form, version, agendaKey, emailKey } = await posted(c);
    const page = { form, version, agendaKey, emailKey };
    const checked = checkSettingsForm(form);
    if (!checked.ok)
      return c.html(<SettingsPage {...page} errors={settingsFormErrors(checked.errors)} />, 400);
    let email: SettingsPreview["email"];
    try {
      email = await emailPreview(emails(), checked.settings, emailKey, deps.config.programName);
    } catch (error) {
      // The agenda still previews; the log says why the email did not (never the copy itself).
      deps.logger.warn("email preview failed", { template: emailKey, ...describeError(error) });
      email = { unavailable: true };
    }
    const preview = { agenda: agendaPreview(checked.settings, agendaKey), email };
    return c.html(<SettingsPage {...page} preview={preview} />);
  });

  app.post("/admin/settings", async (c) => {
    const { form, version, agendaKey, emailKey } = await posted(c);
    const result = await saveSettingsForm(deps.program, form, version);
    if (result.ok) {
      deps.logger.info("program settings replaced", { version: result.program.version, by: "admin console" });
      return c.redirect("/admin/settings?saved=1", 303);
    }
    return c.html(
      <SettingsPage
        form={form}
        version={version}
        errors={settingsFormErrors(result.errors)}
        stale={result.stale === true}
        agendaKey={agendaKey}
        emailKey={emailKey}
      />,
      result.status,
    );
  });
}
