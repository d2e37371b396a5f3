import { describe, expect, it } from "vitest";
import { walkParentChain } from "./parent-chain";

/** Parents by id, as the rows would give them; an id not listed does not exist. */
const walk = (parents: Record<string, string | null>, start: string, self: string | null) =>
  walkParentChain({ start, self, parentOf: async (id) => (id in parents ? { parentId: parents[id]! } : null) });

describe("walkParentChain", () => {
  const tree = { root: null, child: "root", grandchild: "child" };

  it("is ok for a parent whose chain ends, and for a new record", async () => {
    expect(await walk(tree, "child", "other")).toBe("ok");
    expect(await walk(tree, "grandchild", null)).toBe("ok");
  });

  it("says the chosen parent is missing, but not a missing row further up", async () => {
    expect(await walk(tree, "nowhere", "child")).toBe("missing");
    expect(await walk({ orphan: "gone" }, "orphan", null)).toBe("ok");
  });

  it("finds the record itself up the chain, and a chain that goes round without it", async () => {
    expect(await walk(tree, "grandchild", "root")).toBe("meets-self");
    expect(await walk({ a: "b", b: "a" }, "a", "c")).toBe("goes-round");
  });
});
