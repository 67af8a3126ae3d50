import { describe, expect, it } from "vitest";
import { proposedActionItems } from "../../../packages/core/src/workspace/action-shortcuts";
import { prepareFinish } from "../../../packages/core/src/workspace/finish-draft";
import { applyChange } from "../../../packages/core/src/workspace/talking-points";

const draft = (over: Partial<Parameters<typeof prepareFinish>[0]> = {}) => ({
  takeaways: "",
  notes: "",
  actions: [],
  offered: [],
  next: "",
  cadence: "",
  workTogether: "",
  skill: "",
  ...over,
});

describe("the [] shortcut", () => {
  it("proposes an action item for each line that starts with [], indented or not, once each", () => {
    expect(
      proposedActionItems(
        "Talked about reviews\n[] Draft the rota\n  []Pair with Jo  \nnot [] this",
        "[] Draft the rota",
      ),
    ).toEqual(["Draft the rota", "Pair with Jo"]);
  });
  it("ignores [] with nothing after it and lines where [] is not at the start", () => {
    expect(proposedActionItems("[]\n[]   \nsee [] later\n[x] done")).toEqual([]);
  });
});

describe("preparing a finish draft", () => {
  it("adds a row per new [] line, remembers it was offered, and keeps [] lines out of the takeaways", () => {
    const first = prepareFinish(draft({ takeaways: "Start small\n[] Write the rota", notes: "[] Ask Jo" }));
    expect(first.newProposals).toEqual(["Write the rota", "Ask Jo"]);
    expect(first.takeaways).toEqual(["Start small"]);
    expect(first.draft.actions).toEqual([
      { text: "Write the rota", dueDate: "" },
      { text: "Ask Jo", dueDate: "" },
    ]);
    // Submitted again (the coach cleared one row): nothing is proposed a second time.
    const second = prepareFinish({
      ...first.draft,
      actions: [{ text: "Write the rota", dueDate: "2031-01-02" }],
    });
    expect(second.newProposals).toEqual([]);
    expect(second.actions).toEqual([{ row: 0, text: "Write the rota", dueDate: "2031-01-02" }]);
  });
  it("drops blank rows and reads the next step and the intro decision", () => {
    const p = prepareFinish(
      draft({
        actions: [{ text: "", dueDate: "" }],
        next: "recurring",
        cadence: "monthly",
        workTogether: "no",
      }),
    );
    expect(p.actions).toEqual([]);
    expect(p.next).toEqual({ type: "recurring", cadence: "monthly" });
    expect(p.workTogether).toBe(false);
    expect(prepareFinish(draft({ next: "recurring", cadence: "daily" })).next).toEqual({ type: "recurring" });
    expect(prepareFinish(draft({ next: "sometimes" })).next).toBeUndefined();
  });
});

describe("talking point changes", () => {
  const list = { points: [{ id: "tlk_1", text: "a" }], dismissed: [] };
  it("adds with a new id, edits and removes by id, dismisses a suggestion once", () => {
    const added = applyChange(list, { op: "add", text: "b" }, Date.parse("2031-01-01"));
    expect(added.points.map((p) => p.text)).toEqual(["a", "b"]);
    expect(added.points[1]!.id).toMatch(/^tlk_/);
    expect(applyChange(list, { op: "edit", id: "tlk_1", text: "c" }, 0).points).toEqual([
      { id: "tlk_1", text: "c" },
    ]);
    expect(applyChange(list, { op: "remove", id: "tlk_1" }, 0).points).toEqual([]);
    const dismissed = applyChange(
      applyChange(list, { op: "dismiss", text: "x" }, 0),
      { op: "dismiss", text: "x" },
      0,
    );
    expect(dismissed.dismissed).toEqual(["x"]);
  });
  it("answers not found for an id that is not in the list", () => {
    expect(() => applyChange(list, { op: "edit", id: "tlk_2", text: "c" }, 0)).toThrow(/not found/);
  });
});
