import { describe, expect, it } from "vitest";
import { diffWords } from "./word-diff";
import { fieldLabel } from "./field-labels";

describe("diffWords", () => {
  it("marks the words that changed and keeps the rest", () => {
    expect(diffWords("The leaders met at the White House.", "The leaders met in the Oval Office.")).toEqual([
      { kind: "same", text: "The leaders met " },
      { kind: "removed", text: "at" },
      { kind: "added", text: "in" },
      { kind: "same", text: " the " },
      { kind: "removed", text: "White House." },
      { kind: "added", text: "Oval Office." },
    ]);
  });

  it("rebuilds both texts from its parts", () => {
    const before = "one two three four five";
    const after = "zero one three five six";
    const parts = diffWords(before, after)!;
    expect(parts.filter((p) => p.kind !== "added").map((p) => p.text).join("")).toBe(before);
    expect(parts.filter((p) => p.kind !== "removed").map((p) => p.text).join("")).toBe(after);
  });

  it("gives up on texts too long to compare word by word", () => {
    expect(diffWords("a ".repeat(2000), "b ".repeat(2000))).toBeNull();
  });
});

describe("fieldLabel", () => {
  it("names fields as the forms do, rows counted from 1", () => {
    expect(fieldLabel("summary")).toBe("Summary");
    expect(fieldLabel("participants.0.personId")).toBe("Participant 1 · Person");
    expect(fieldLabel("sources.1.url")).toBe("Source 2 · URL");
    expect(fieldLabel("topicIds")).toBe("Topics");
    expect(fieldLabel("someNewField")).toBe("Some new field");
  });
});
