import { describe, expect, it } from "vitest";
import { excerpt } from "./excerpt";

describe("excerpt", () => {
  it("keeps a text that fits whole", () => {
    expect(excerpt("short enough", 12)).toBe("short enough");
    expect(excerpt("", 5)).toBe("");
  });

  it("ends at the end of a word, within the room, with an ellipsis", () => {
    const rubio = "it’s with all the other countries that are part of the accords, you’re now creating a partnership";
    const cut = excerpt(rubio, 90);
    expect(cut).toBe("it’s with all the other countries that are part of the accords, you’re now creating a…");
    expect(cut.length).toBeLessThanOrEqual(90);
    // A cut that falls just after a word keeps that word.
    expect(excerpt("one two three", 8)).toBe("one two…");
    expect(excerpt("one two three", 9)).toBe("one two…");
  });

  it("leaves no punctuation before the ellipsis", () => {
    expect(excerpt("one two, three four", 10)).toBe("one two…");
    expect(excerpt("It is said. And then more", 13)).toBe("It is said…");
  });

  it("cuts a word longer than half the room where it must, never inside a character", () => {
    expect(excerpt("abcdefghijklmnop", 8)).toBe("abcdefg…");
    expect(excerpt("a supercalifragilistic word", 12)).toBe("a supercali…");
    expect(excerpt("ab😀cd", 4)).toBe("ab…");
  });
});
