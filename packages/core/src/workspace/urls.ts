/** Addresses of the coach workspace's pages, for emails and redirects. `base` has no trailing slash. */
export const workspaceUrls = {
  home: (base: string) => `${base}/app`,
  session: (base: string, sessionId: string) => `${base}/app/sessions/${encodeURIComponent(sessionId)}`,
  finish: (base: string, sessionId: string) => `${base}/app/sessions/${encodeURIComponent(sessionId)}/finish`,
  client: (base: string, clientId: string) => `${base}/app/clients/${encodeURIComponent(clientId)}`,
  signIn: (base: string) => `${base}/app/sign-in`,
  /** The page an emailed sign-in link opens (the token is in the path, the button POSTs it). */
  signInLink: (base: string, token: string) => `${base}/app/sign-in/${token}`,
};
