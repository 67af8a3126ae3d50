import { foldName } from "../../admin/fold-name";
import type { Client } from "../../clients/model";
import type { keys as Keys } from "./keys";

const NEW = "attribute_not_exists(pk)";

/**
 * A client profile created by a booking: a walk-in's, with its email record (as client-repository
 * writes it), or an unverified booking's own, without one (the address is another client's) and
 * listed for the admin (gsi2) until someone decides (decision 0030). The caller passes `keys`
 * (keys.ts): this chunk, loaded on first use, then shares no module with the code loaded at init.
 */
export function profileItems(table: string, c: Client, k: typeof Keys) {
  const Item = {
    ...k.client(c.id),
    ...k.clientListing(c.id),
    // Booked from the start: on the console's "booked" list (decision 0033), found by name unless
    // it is an unverified booking's, which gsi2 lists for a decision instead (0030).
    ...k.clientPhase("booked", c.createdAt, c.id),
    phaseKey: "CLIENTS#booked",
    ...(c.unverified ? k.unverifiedBooking(c.createdAt, c.id) : k.clientName(foldName(c.name), c.id)),
    type: "client",
    ...c,
  };
  const profile = { Put: { TableName: table, Item, ConditionExpression: NEW } };
  if (c.unverified) return [profile];
  const { id: clientId, answersHash, status, matches, version, createdAt } = c;
  const record = { clientId, answersHash, status, matches, version, createdAt };
  const email = {
    TableName: table,
    Item: { ...k.clientEmail(c.email), ...k.clientEmailListing(c.email), type: "clientEmail", ...record },
  };
  return [profile, { Put: { ...email, ConditionExpression: NEW } }];
}
