import {
  type CoachSaveResult,
  coachRows,
  createCoachFromForm,
  setCoachActive,
  updateCoachFromForm,
} from "@coachflow/core/admin/coach-admin";
import {
  type CoachFormValues,
  coachForm,
  coachFormFromPost,
  newCoachForm,
} from "@coachflow/core/admin/coach-form";
import type { Coach } from "@coachflow/core/coaches/schema";
import { AppError } from "@coachflow/core/errors";
import type { Context, Hono } from "hono";
import type { AppDeps } from "../composition";
import { readForm } from "../web/forms";
import { coachFormErrors } from "./coach-fields";
import { type CoachFormChoices, CoachFormPage, CoachListPage } from "./coach-views";
import { SharedCalcomWebhook } from "./coach-webhook";
import { AdminLayout } from "./layout";

const SAVED: Record<string, string> = {
  created: "The coach is created.",
  updated: "Your changes are saved.",
  deactivated: "The coach is deactivated and signed out of the workspace everywhere.",
  reactivated: "The coach is active again.",
};

let timeZonesCache: string[] | undefined;
// UTC first: the runtime's list of canonical zones leaves it out.
const timeZones = () =>
  (timeZonesCache ??= ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")]);

/**
 * The admin console's coach pages (`/admin/coaches*`), on the coaches API's domain functions
 * (admin/coach-admin.ts in core). The caller installs admin sign-in, CSRF checks, security
 * headers, a body limit and `no-store` in front of them.
 */
export function adminCoachRoutes(app: Hono, deps: AppDeps): void {
  const choices = async (): Promise<CoachFormChoices> => {
    const { settings } = await deps.coaches.program.current();
    const pick = (list: { id: string; label: string }[]) => list.map(({ id, label }) => ({ id, label }));
    return {
      styles: pick(settings.coachingStyles),
      levels: pick(settings.seniorityLevels),
      topics: pick(settings.topics),
      timeZones: timeZones(),
    };
  };

  const notFound = (c: Context) =>
    c.html(
      <AdminLayout title="Coach not found" current="coaches">
        <p>
          There is no coach at this address. <a href="/admin/coaches">See all coaches</a>.
        </p>
      </AdminLayout>,
      404,
    );

  /** The coach, or undefined when there is none with this id. */
  const findCoach = async (id: string): Promise<Coach | undefined> => deps.coaches.coaches.get(id);

  const editPage = async (
    c: Context,
    coach: Coach,
    values: CoachFormValues,
    extra: { failed?: Exclude<CoachSaveResult, { ok: true }>; notice?: string } = {},
  ) => {
    const section = deps.coachWebhookSection
      ? await deps.coachWebhookSection.render(coach)
      : SharedCalcomWebhook({ coach, publicBaseUrl: deps.config.publicBaseUrl });
    return c.html(
      <CoachFormPage
        mode="edit"
        coachId={coach.id}
        coachName={coach.name}
        active={coach.active}
        values={values}
        choices={await choices()}
        {...(extra.failed ? { errors: coachFormErrors(extra.failed.fields, values) } : {})}
        notice={extra.notice}
        webhookSection={section}
      />,
      extra.failed?.status ?? 200,
    );
  };

  app.get("/admin/coaches", async (c) => {
    const cursor = c.req.query("cursor");
    const page = await coachRows(deps.coaches, cursor && cursor.length <= 1024 ? cursor : undefined);
    return c.html(<CoachListPage rows={page.rows} next={page.cursor} />);
  });

  app.get("/admin/coaches/new", async (c) =>
    c.html(<CoachFormPage mode="new" values={newCoachForm()} choices={await choices()} />),
  );

  app.post("/admin/coaches/new", async (c) => {
    const values = coachFormFromPost(await readForm(c));
    const result = await createCoachFromForm(deps.coaches, values);
    if (!result.ok) {
      return c.html(
        <CoachFormPage
          mode="new"
          values={values}
          errors={coachFormErrors(result.fields, values)}
          choices={await choices()}
        />,
        result.status,
      );
    }
    deps.logger.info("coach created", { coachId: result.coach.id, by: "admin console" });
    return c.redirect(`/admin/coaches/${result.coach.id}?saved=created`, 303);
  });

  app.get("/admin/coaches/:id", async (c) => {
    const coach = await findCoach(c.req.param("id"));
    if (!coach) return notFound(c);
    const topics = new Set((await deps.coaches.program.current()).settings.topics.map((t) => t.id));
    const notice = SAVED[c.req.query("saved") ?? ""];
    return editPage(c, coach, coachForm(coach, topics), notice ? { notice } : {});
  });

  app.post("/admin/coaches/:id", async (c) => {
    const values = coachFormFromPost(await readForm(c));
    const result = await updateCoachFromForm(deps.coaches, c.req.param("id"), values).catch((error) => {
      if (error instanceof AppError && error.code === "not_found") return undefined;
      throw error;
    });
    if (!result) return notFound(c);
    if (!result.ok) {
      const coach = await findCoach(c.req.param("id"));
      return coach ? editPage(c, coach, values, { failed: result }) : notFound(c);
    }
    deps.logger.info("coach updated", { coachId: result.coach.id, by: "admin console" });
    return c.redirect(`/admin/coaches/${result.coach.id}?saved=updated`, 303);
  });

  for (const [action, active] of [
    ["deactivate", false],
    ["reactivate", true],
  ] as const) {
    app.post(`/admin/coaches/:id/${action}`, async (c) => {
      const id = c.req.param("id");
      try {
        await setCoachActive(deps.coaches, id, active);
      } catch (error) {
        if (error instanceof AppError && error.code === "not_found") return notFound(c);
        throw error;
      }
      deps.logger.info(active ? "coach reactivated" : "coach deactivated", {
        coachId: id,
        by: "admin console",
      });
      return c.redirect(`/admin/coaches/${id}?saved=${action}d`, 303);
    });
  }
}
