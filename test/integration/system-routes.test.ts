import { beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../support/stack";

describe("health, OpenAPI and docs", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });

  it("answers /health 200 when the table is reachable and 503 when it is not", async () => {
    expect((await stack.app.request("/health")).status).toBe(200);
    const broken = await startTestStack({ createTable: false });
    expect((await broken.app.request("/health")).status).toBe(503);
  });

  it("describes every route in OpenAPI 3.1, from the zod schemas", async () => {
    const doc = (await (await stack.app.request("/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: any }> } }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/health",
        "/intake",
        "/v1/intake",
        "/v1/coaches",
        "/v1/coaches/{id}",
        "/v1/clients/{id}",
        "/v1/clients/{id}/matches",
        "/v1/clients/{id}/rematch",
      ]),
    );
    const intake = doc.paths["/v1/intake"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(intake.required).toEqual(
      expect.arrayContaining(["name", "email", "timezone", "consent", "preferences"]),
    );
    expect(intake.properties.preferences.properties.cadence.enum).toEqual([
      "weekly",
      "biweekly",
      "monthly",
      "ad-hoc",
    ]);
  });

  it("describes exactly the routes the app answers, no more and no fewer", async () => {
    const doc = (await (await stack.app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const described = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    // Not operations of the API: the description itself and its viewer; the page a signed link
    // opens (its POST is described, with what the GET shows); the local stack's own routes.
    const UNDESCRIBED = ["GET /openapi.json", "GET /docs", "GET /l/:token"];
    const answered = stack.app.routes
      .filter((r) => r.method !== "ALL" && !r.path.startsWith("/_local/"))
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !UNDESCRIBED.includes(r));
    expect(new Set(described).size).toBe(described.length);
    expect([...new Set(answered)].sort()).toEqual([...described].sort());
  });

  it("serves interactive docs that load the description", async () => {
    const page = await (await stack.app.request("/docs")).text();
    expect(page).toContain('url: "/openapi.json"');
  });

  it("answers unknown routes with a JSON 404", async () => {
    const res = await stack.app.request("/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});
