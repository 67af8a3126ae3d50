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
    ...(c.unverified ? k.unverifiedBooking(c.createdAt, c.id) : {}),
    type: "client",
    ...c,
  };
  const profile = { Put: { TableName: table, Item, ConditionExpression: NEW } };
  if (c.unverified) return [profile];
  const { id: clientId, answersHash, status, matches, version, createdAt } = c;
  const record = { clientId, answersHash, status, matches, version, createdAt };
  const email = { TableName: table, Item: { ...k.clientEmail(c.email), type: "clientEmail", ...record } };
  return [profile, { Put: { ...email, ConditionExpression: NEW } }];
}
