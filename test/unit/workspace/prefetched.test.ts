import { describe, expect, it } from "vitest";
import type { Client } from "../../../packages/core/src/clients/model";
import type { JobDeps } from "../../../packages/core/src/sessions/jobs";
import type { Session } from "../../../packages/core/src/sessions/model";
import { prefetched } from "../../../packages/core/src/workspace/prefetched";

/** Stores that answer from the "table" and log each read, as the DynamoDB ones would call it. */
function stores() {
  const reads: string[] = [];
  const table = {
    sessions: new Map([["ses_b", { id: "ses_b", clientId: "cli_a" } as Session]]),
    clients: new Map([["cli_b", { id: "cli_b" } as Client]]),
  };
  class Bookings {
    getSessions = async (ids: readonly string[]) => {
      reads.push(`getSessions ${ids.join(",")}`);
      return ids.flatMap((id) => table.sessions.get(id) ?? []);
    };
    async sessionsOfClient(id: string) {
      reads.push(`sessionsOfClient ${id}`);
      return [];
    }
    /** Not replaced: it must still work, with `this` the store. */
    async getPair(clientId: string) {
      reads.push(`getPair ${clientId} ${this instanceof Bookings}`);
      return { entries: [], version: 0 };
    }
  }
  const deps = {
    bookings: new Bookings(),
    clients: {
      get: async (id: string) => {
        reads.push(`client ${id}`);
        return table.clients.get(id);
      },
    },
    coaches: { get: async (id: string) => void reads.push(`coach ${id}`) },
    followups: {
      getNotes: async (id: string) => void reads.push(`notes ${id}`),
      readNotes: async (id: string) => {
        reads.push(`notes+version ${id}`);
        return { version: 0 };
      },
      actionItemsOfClient: async (id: string) => {
        reads.push(`items ${id}`);
        return [];
      },
    },
  } as unknown as JobDeps;
  return { deps, reads };
}

describe("prefetched stores", () => {
  it("answer what the request read already, absent items included, and read everything else", async () => {
    const { deps, reads } = stores();
    const session = { id: "ses_a", clientId: "cli_a" } as Session;
    const seen = prefetched(deps, {
      sessions: new Map([
        ["ses_a", session],
        ["ses_gone", undefined],
      ]),
      clients: new Map([["cli_a", undefined]]),
      notes: new Map([["ses_a", { notes: "private", version: 4 }]]),
      clientRecords: new Map([["cli_a", { sessions: [session], actionItems: [] }]]),
    });
    expect(await seen.bookings.getSessions(["ses_a"])).toEqual([session]);
    expect(await seen.bookings.getSessions(["ses_gone"])).toEqual([]);
    expect(await seen.clients.get("cli_a")).toBeUndefined();
    expect(await seen.followups.getNotes("ses_a")).toBe("private");
    expect(await seen.followups.readNotes("ses_a")).toEqual({ notes: "private", version: 4 });
    expect(await seen.bookings.sessionsOfClient("cli_a")).toEqual([session]);
    expect(await seen.followups.actionItemsOfClient("cli_a")).toEqual([]);
    expect(reads).toEqual([]);

    // What it was not given goes to the stores, and their other methods are theirs.
    expect(await seen.bookings.getSessions(["ses_b"])).toEqual([expect.objectContaining({ id: "ses_b" })]);
    await seen.bookings.getSessions(["ses_a", "ses_b"]);
    expect(await seen.clients.get("cli_b")).toEqual({ id: "cli_b" });
    await seen.coaches.get("coa_1");
    await seen.followups.getNotes("ses_b");
    await seen.bookings.sessionsOfClient("cli_b");
    await seen.followups.actionItemsOfClient("cli_b");
    await seen.bookings.getPair("cli_a", "coa_1");
    expect(reads).toEqual([
      "getSessions ses_b",
      "getSessions ses_a,ses_b",
      "client cli_b",
      "coach coa_1",
      "notes ses_b",
      "sessionsOfClient cli_b",
      "items cli_b",
      "getPair cli_a true",
    ]);
    // The stores themselves are untouched.
    await deps.followups.getNotes("ses_a");
    expect(reads.at(-1)).toBe("notes ses_a");
  });
});
