import { Layout } from "./layout";
import type { SignInArea } from "./sign-in-area";
import { signInDepsOf } from "./sign-in-deps";
import { signedIn } from "./viewer";

/** Where coaches sign in (the flow is shared with the admin console's, decision 0033). */
export const COACH_AREA: SignInArea = {
  role: "coach",
  base: "/app",
  place: "your coach workspace",
  who: "a coach of the program",
  hint: "The address the program has for you as a coach",
  Shell: (p) => <Layout title={p.title}>{p.children}</Layout>,
  signInDeps: signInDepsOf,
  admit: signedIn,
};
