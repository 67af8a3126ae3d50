/**
 * The admin console's route group as `routes/groups.ts` loads it: a module of its own name, so
 * its chunk is named "admin-group" in the bundle (the workspace's `web/routes.tsx` is "routes").
 */
export { adminRoutes } from "./routes";
