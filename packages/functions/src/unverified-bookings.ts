import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DynamoUnverifiedStore } from "@coachflow/core/adapters/dynamodb/unverified-store";
import {
  confirmBooking,
  type DecisionScope,
  linkUnverified,
  listUnverified,
  rejectUnverified,
  type UnverifiedDeps,
} from "@coachflow/core/bookings/unverified";
import type { LinkPayload } from "@coachflow/core/links/signed-links";

/**
 * Unverified bookings' operations with their store (decision 0030): loaded on first use by the
 * composition root (a chunk of its own, 0014), for the admin's list and decisions and the client's
 * "is this you?" link; no other request's cold start carries this code.
 */
export function unverifiedBookings(
  deps: Omit<UnverifiedDeps, "unverified">,
  doc: DynamoDBDocumentClient,
  table: string,
) {
  const d: UnverifiedDeps = { ...deps, unverified: new DynamoUnverifiedStore(doc, table) };
  return {
    list: () => listUnverified(d),
    link: (sessionId: string, scope?: DecisionScope) => linkUnverified(d, sessionId, scope),
    reject: (sessionId: string, clientId?: string) => rejectUnverified(d, sessionId, clientId),
    confirm: (link: LinkPayload) => confirmBooking(d, link),
  };
}

export type UnverifiedBookings = ReturnType<typeof unverifiedBookings>;
