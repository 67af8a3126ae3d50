import type { SignInArea } from "../web/sign-in-area";
import { admitAdminClaim } from "./admit";
import { AdminPublicLayout } from "./layout";
import { adminSignInDeps } from "./sign-in-deps";

/** Where admins sign in: the workspace's flow, for the addresses of `ADMIN_EMAILS` (decision 0033). */
export const ADMIN_AREA: SignInArea = {
  role: "admin",
  base: "/admin",
  place: "the admin console",
  who: "an admin of the program",
  hint: "The address the program lists for you as an admin",
  Shell: (p) => <AdminPublicLayout title={p.title}>{p.children}</AdminPublicLayout>,
  signInDeps: adminSignInDeps,
  admit: (_c, deps, claim) => admitAdminClaim(deps, claim),
};
