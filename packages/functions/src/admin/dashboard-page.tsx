import { type Dashboard, type Figure, programAtAGlance } from "@coachflow/core/admin/dashboard";
import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { dayText } from "./format";
import { AdminLayout } from "./layout";

/** `/admin`: the program at a glance, each figure a link to the list behind it. */
export function dashboardRoutes(app: Hono, deps: AppDeps) {
  app.get("/admin", async (c) => {
    const figures = await programAtAGlance({
      reads: await deps.admin.reads(),
      clock: deps.clock,
      ...(deps.admin.deadLetters ? { deadLetters: deps.admin.deadLetters } : {}),
      ...(deps.admin.unverifiedBookings ? { unverifiedBookings: deps.admin.unverifiedBookings } : {}),
    });
    const queue = deps.config.schedules.deadLetterUrl;
    return c.html(
      <DashboardPage
        figures={figures}
        {...(queue ? { queue: queueConsole(queue, deps.config.region) } : {})}
      />,
    );
  });
}

/** The dead-letter queue's page in the AWS console, where its messages are read and redriven (docs/deploy.md). */
const queueConsole = (url: string, region: string) =>
  `https://${region}.console.aws.amazon.com/sqs/v3/home?region=${region}#/queues/${encodeURIComponent(url)}`;

function FigureItem(props: { n: Figure; label: string; href?: string; note?: string }) {
  const value = props.n === undefined ? "None to show" : props.n.toLocaleString("en");
  const body = (
    <>
      <span class="n">{value}</span> <span class="label">{props.label}</span>
    </>
  );
  return (
    <li>
      {props.href ? <a href={props.href}>{body}</a> : body}
      {props.note ? <span class="hint">{props.note}</span> : null}
    </li>
  );
}

function DashboardPage(props: { figures: Dashboard; queue?: string }) {
  const f = props.figures;
  const wait = f.waitlisted.longestWaitDays;
  return (
    <AdminLayout title="The program at a glance" current="dashboard">
      <ul class="figures">
        <FigureItem
          n={f.waitlisted.count}
          label="waitlisted clients"
          href="/admin/clients?status=waitlisted"
          {...(wait !== undefined ? { note: `Longest wait: ${wait} ${wait === 1 ? "day" : "days"}` } : {})}
        />
        <FigureItem
          n={f.matchedNotBooked}
          label="matched, not yet booked"
          href="/admin/clients?status=matched"
        />
        <FigureItem
          n={f.sessionsThisWeek.count}
          label="sessions this week"
          note={`Monday ${dayText(f.sessionsThisWeek.from)} to Sunday, UTC`}
        />
        <FigureItem
          n={f.unfinished}
          label="meetings not finished 24 hours after their end"
          href="/admin/unfinished"
        />
        <FigureItem
          n={f.failedDeliveries}
          label="failed webhook deliveries"
          href="/admin/deliveries?status=failed"
          note="Received in the last 30 days, as long as the delivery log keeps them"
        />
        <FigureItem
          n={f.deadLetters}
          label="dead-lettered schedules"
          {...(props.queue ? { href: props.queue } : {})}
          note={
            f.deadLetters === undefined
              ? "Not counted here: see the dead-letter queue's alarm"
              : props.queue
                ? "In the dead-letter queue (opens the AWS console; redrive: docs/deploy.md)"
                : "Firings that failed every retry"
          }
        />
        <FigureItem
          n={f.suppressed}
          label="suppressed addresses"
          note="Bounced or complained: they get no email"
        />
        <FigureItem
          n={f.unverifiedBookings}
          label="unverified bookings waiting for a decision"
          href="/admin/unverified"
        />
      </ul>
    </AdminLayout>
  );
}
