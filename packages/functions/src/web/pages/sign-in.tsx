import { tryAgainIn } from "@coachflow/core/errors";
import type { LinkProblem } from "@coachflow/core/web-auth/model";
import type { FormError } from "../form-errors";
import { describedBy, ErrorSummary, FieldError, titleWithErrors } from "../layout";
import type { SignInArea } from "../sign-in-area";

type Area = Pick<SignInArea, "base" | "place" | "who" | "hint" | "Shell">;

/** `GET /app/sign-in` (or `/admin/sign-in`): one email field. */
export function SignInPage(props: {
  area: Area;
  next: string;
  email?: string;
  errors?: FormError[];
  notice?: string;
}) {
  const { Shell, base } = props.area;
  const errors = props.errors ?? [];
  return (
    <Shell title={titleWithErrors("Sign in", errors)}>
      <ErrorSummary errors={errors} />
      <h1>Sign in to {props.area.place}</h1>
      {props.notice ? <p class="notice">{props.notice}</p> : null}
      <p>We will email you a link to sign in. There is no password.</p>
      <form method="post" action={`${base}/sign-in`} novalidate>
        <input type="hidden" name="next" value={props.next} />
        <div class={errors.length > 0 ? "field-error" : ""}>
          <label for="email">
            Email address
            <span class="hint" id="email-hint">
              {props.area.hint}
            </span>
          </label>
          <FieldError id="email" errors={errors} />
          <input
            type="email"
            id="email"
            name="email"
            autocomplete="email"
            spellcheck={false}
            value={props.email ?? ""}
            {...describedBy("email", errors, true)}
          />
        </div>
        <button type="submit">Email me a sign-in link</button>
      </form>
    </Shell>
  );
}

/** The neutral answer: the same whether or not the address belongs to an active coach. */
export function LinkSentPage(props: { area: Area; minutes: number }) {
  const { Shell } = props.area;
  return (
    <Shell title="Check your email">
      <h1>Check your email</h1>
      <p>
        If that address belongs to {props.area.who}, we have sent it a sign-in link. It works once, for{" "}
        {props.minutes} minutes, in this browser.
      </p>
      <p>
        No email? Check your spam folder, or <a href={`${props.area.base}/sign-in`}>ask for another link</a>.
      </p>
    </Shell>
  );
}

/** 429: too many links asked for; says when to try again. */
export function TooManyRequestsPage(props: { area: Area; retryAfterSeconds: number }) {
  const { Shell } = props.area;
  return (
    <Shell title="Too many sign-in requests">
      <h1>Too many sign-in requests</h1>
      <p>
        We have sent as many sign-in links as we can for now. Please try again{" "}
        {tryAgainIn(props.retryAfterSeconds)}.
      </p>
      <p>A link we already sent still works until it expires: check your email first.</p>
    </Shell>
  );
}

/** The page an emailed link opens: a button, so a mail scanner that fetches the link uses nothing. */
export function SignInLinkPage(props: { area: Area; token: string }) {
  const { Shell } = props.area;
  return (
    <Shell title="Sign in">
      <h1>Sign in to {props.area.place}</h1>
      <p>Press the button to finish signing in.</p>
      <form method="post" action={`${props.area.base}/sign-in/${props.token}`}>
        <button type="submit">Sign in</button>
      </form>
    </Shell>
  );
}

const PROBLEMS: Record<LinkProblem, { title: string; text: string }> = {
  invalid: {
    title: "This sign-in link does not work",
    text: "It may have been copied incompletely. Ask for a new link below.",
  },
  expired: {
    title: "This sign-in link has expired",
    text: "Sign-in links work for 15 minutes. Ask for a new one below.",
  },
  used: {
    title: "This sign-in link has already been used",
    text: "Each link signs in once. If that was not you, nothing else was opened with it. Ask for a new link below.",
  },
  "other-browser": {
    title: "Open this link in the browser where you asked for it",
    text: "For your safety, a sign-in link only works in the browser that asked for it. You can open it there, or send a fresh link for this browser.",
  },
};

/** Why a link does not sign in, and the way forward (a fresh link, from this browser). */
export function LinkProblemPage(props: { area: Area; problem: LinkProblem; token: string }) {
  const { Shell, base } = props.area;
  const words = PROBLEMS[props.problem];
  return (
    <Shell title={words.title}>
      <h1>{words.title}</h1>
      <p>{words.text}</p>
      {props.problem === "other-browser" || props.problem === "expired" ? (
        <form method="post" action={`${base}/sign-in/${props.token}/resend`}>
          <button type="submit">Send a fresh link for this browser</button>
        </form>
      ) : (
        <p>
          <a class="button" href={`${base}/sign-in`}>
            Ask for a new sign-in link
          </a>
        </p>
      )}
    </Shell>
  );
}

export function SignedOutPage(props: { area: Area }) {
  const { Shell } = props.area;
  return (
    <Shell title="Signed out">
      <h1>You are signed out</h1>
      <p>
        <a href={`${props.area.base}/sign-in`}>Sign in again</a>
      </p>
    </Shell>
  );
}
