/** Addresses compare case-insensitively and without surrounding space (as coaches are stored). */
export function normalizeAddress(email: string): string {
  return email.trim().toLowerCase();
}
