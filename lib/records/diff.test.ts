import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./diff";

describe("diffSnapshots", () => {
  it("lists changed, added and removed fields by path", () => {
    const before = { title: "A", summary: "S", sources: [{ url: "https://a.org", title: "A" }], topics: ["x"] };
    const after = { title: "B", summary: "S", sources: [{ url: "https://a.org", title: "A2" }, { url: "https://b.org", title: "B" }], body: "new" };
    expect(diffSnapshots(before, after)).toEqual([
      { path: "body", before: undefined, after: "new" },
      { path: "sources.0.title", before: "A", after: "A2" },
      { path: "sources.1", before: undefined, after: { url: "https://b.org", title: "B" } },
      { path: "title", before: "A", after: "B" },
      { path: "topics", before: ["x"], after: undefined },
    ]);
  });

  it("takes a list of plain values as a set: reordering is no change, a new member is one change", () => {
    expect(diffSnapshots({ topicIds: ["a", "b"] }, { topicIds: ["b", "a"] })).toEqual([]);
    expect(diffSnapshots({ topicIds: ["a", "b"] }, { topicIds: ["b", "c"] })).toEqual([{ path: "topicIds", before: ["a", "b"], after: ["b", "c"] }]);
  });

  it("leaves out a row's id (which row it is), not a field's", () => {
    const before = { id: "a", actions: [{ id: "r1", note: "x" }] };
    expect(diffSnapshots(before, { id: "b", actions: [{ id: "r2", note: "x" }] })).toEqual([{ path: "id", before: "a", after: "b" }]);
    expect(diffSnapshots({ actions: [{ note: "x" }] }, { actions: [{ id: "r1", note: "y" }] })).toEqual([{ path: "actions.0.note", before: "x", after: "y" }]);
  });

  it("finds nothing between equal snapshots", () => {
    expect(diffSnapshots({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
  });
});
