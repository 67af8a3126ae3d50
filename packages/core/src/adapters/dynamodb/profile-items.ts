import type { Client } from "../../clients/model";
import type { Key } from "./keys";

const NEW = "attribute_not_exists(pk)";

/**
 * A client profile created by a booking: a walk-in's, with its email record (as client-repository
 * writes it), or an unverified booking's own, without one (the address is another client's) and
 * listed for the admin (gsi2) until someone decides (decision 0030). `k`: the items' keys (keys.ts),
 * computed by the caller, so that this chunk loaded on first use shares no module with the rest.
 */
export function profileItems(table: string, c: Client, k: { profile: object; email: Key }) {
  const profile = {
    Put: { TableName: table, Item: { ...k.profile, type: "client", ...c }, ConditionExpression: NEW },
  };
  if (c.unverified) return [profile];
  const { id: clientId, answersHash, status, matches, version, createdAt } = c;
  const record = { clientId, answersHash, status, matches, version, createdAt };
  const email = { TableName: table, Item: { ...k.email, type: "clientEmail", ...record } };
  return [profile, { Put: { ...email, ConditionExpression: NEW } }];
}
