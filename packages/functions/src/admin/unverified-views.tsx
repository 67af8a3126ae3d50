import type { UnverifiedRow } from "@coachflow/core/admin/unverified-rows";
import type { FormError } from "../web/form-errors";
import { FieldError } from "../web/layout";
import { instantText } from "./format";

/** The outcome of a decision, as the decisions' route (unverified-decisions.ts) puts it in the query. */
export type UnverifiedOutcome =
  | { decided: "linked" | "rejected"; booking: string }
  | { problem: "gone" | "conflict"; booking: string };

/** The section's id: the error summary links to it when the booking is no longer listed. */
export const UNVERIFIED_SECTION = "unverified-bookings";

/** Reads the outcome of `?decided=` or `?problem=` with `booking=`; anything else is none. */
export function unverifiedOutcome(
  query: (name: string) => string | undefined,
): UnverifiedOutcome | undefined {
  const booking = query("booking")?.slice(0, 64);
  const decided = query("decided");
  const problem = query("problem");
  if (!booking) return undefined;
  if (decided === "linked" || decided === "rejected") return { decided, booking };
  if (problem === "gone" || problem === "conflict") return { problem, booking };
  return undefined;
}

/** The error a refused decision shows, at the booking when it is still listed, else at the section. */
export function unverifiedErrors(outcome: UnverifiedOutcome | undefined, rows: UnverifiedRow[]): FormError[] {
  if (!outcome || !("problem" in outcome)) return [];
  const n = rows.findIndex((r) => r.id === outcome.booking);
  return [
    {
      field: n < 0 ? UNVERIFIED_SECTION : `unverified-${n}`,
      message:
        outcome.problem === "gone"
          ? "That booking is no longer waiting for a decision (it was linked or rejected meanwhile): nothing was changed"
          : "The client this booking was made for no longer exists: nothing was changed",
    },
  ];
}

const DECIDED = {
  linked:
    "The booking is now this client's: it is numbered among their sessions, and its coach sees their profile.",
  rejected: "The booking is rejected: it keeps the booking's own details only, and is off the list.",
};

/** "Bookings made with this address": each waiting booking's own details, "Link to this client" and "Reject". */
export function UnverifiedSection(props: {
  clientId: string;
  name: string;
  rows: UnverifiedRow[];
  errors: FormError[];
  outcome?: UnverifiedOutcome | undefined;
}) {
  const { rows, errors, outcome } = props;
  const base = `/admin/clients/${encodeURIComponent(props.clientId)}/unverified`;
  return (
    <section aria-labelledby={UNVERIFIED_SECTION}>
      <h2 id={UNVERIFIED_SECTION} tabindex={-1}>
        Bookings made with this address, waiting for a decision
      </h2>
      <FieldError id={UNVERIFIED_SECTION} errors={errors} />
      {outcome && "decided" in outcome ? (
        <p class="notice" role="status">
          {DECIDED[outcome.decided]}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>None: no booking with a coach who does not work with {props.name} used this address.</p>
      ) : (
        <>
          <p>
            Someone booked with {props.name}'s address a coach who does not work with them. Link a booking if
            it is theirs; reject it if it is not (it then keeps only the booking's own details).
          </p>
          {rows.map((u, n) => (
            <div
              class={errors.some((e) => e.field === `unverified-${n}`) ? "booking field-error" : "booking"}
            >
              <h3>Booked by {u.name}</h3>
              <dl class="brief">
                <dt>Name on the booking</dt>
                <dd>{u.name}</dd>
                <dt>Email on the booking</dt>
                <dd>{u.email}</dd>
                <dt>Starts (UTC)</dt>
                <dd>{instantText(u.startsAt)}</dd>
                <dt>Coach</dt>
                <dd>{u.coachName}</dd>
                <dt>Booked</dt>
                <dd>{instantText(u.bookedAt)}</dd>
              </dl>
              <FieldError id={`unverified-${n}`} errors={errors} />
              <div class="actions">
                <form method="post" action={`${base}/${encodeURIComponent(u.id)}/link`}>
                  <button
                    type="submit"
                    id={`unverified-${n}`}
                    {...(errors.some((e) => e.field === `unverified-${n}`)
                      ? { "aria-describedby": `unverified-${n}-error` }
                      : {})}
                  >
                    Link to this client<span class="visually-hidden">: the booking by {u.name}</span>
                  </button>
                </form>
                <form method="post" action={`${base}/${encodeURIComponent(u.id)}/reject`}>
                  <button type="submit" class="secondary">
                    Reject<span class="visually-hidden"> the booking by {u.name}</span>
                  </button>
                </form>
              </div>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
