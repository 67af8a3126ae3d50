import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { freePorts } from "../../../packages/local/src/emulators/ports";

describe("freePorts", () => {
  it("gives as many different ports as asked, each free to bind once it returns", async () => {
    const ports = await freePorts(16);
    expect(new Set(ports).size).toBe(16);
    for (const port of ports) {
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => resolve());
      });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
