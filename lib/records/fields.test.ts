import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf } from "./field-errors";
import {
  cleanLine,
  directionControlMessage,
  findBadCharacter,
  optionalLine,
  requiredLine,
  replaceBadCharacters,
  httpUrl,
  isRecordId,
  normaliseDate,
  optionalDay,
  optionalPartialDate,
  optionalText,
  parsePartialDate,
  readDate,
  readWholeNumber,
  requiredText,
  scheduleProblem,
  SourceInputSchema,
  YEAR_RANGE_MESSAGE,
  wholeNumber,
} from "./fields";
import { formDataToObject } from "./form-data";

const errorsOf = (schema: z.ZodType, value: unknown) => {
  const parsed = z.object({ field: schema }).safeParse({ field: value });
  return parsed.success ? null : fieldErrorsOf(parsed.error).field;
};

describe("text", () => {
  it.each([
    ["NUL", "Tokayev\u0000"],
    ["bell (C0)", "a\u0007b"],
    ["escape (C0)", "\u001b[31m"],
    ["delete", "a\u007fb"],
    ["C1 control", "a\u0085b"],
    ["lone high surrogate", "broken \ud83d emoji"],
    ["lone low surrogate", "\ude00"],
    ["high surrogate at the end", "end\ud800"],
  ])("refuses %s with a field error naming where it is", (_what, text) => {
    const errors = errorsOf(requiredText(300, "Enter a title."), text);
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatch(/at character \d+/);
    expect(errorsOf(optionalText(300), text)).toHaveLength(1);
  });

  it("keeps tabs, line breaks, emoji and every script", () => {
    for (const text of ["line one\nline two\r\nand\ta tab", "Kazakhstan 🇰🇿 joins 🤝", "Табиғи және қисынды", "以色列"]) {
      expect(findBadCharacter(text)).toBeNull();
      expect(errorsOf(requiredText(300, "Enter a title."), text)).toBeNull();
    }
  });

  it("points at the first bad character", () => {
    expect(findBadCharacter("ab\u0000c\u0001")).toEqual({ index: 2, codePoint: 0, kind: "control" });
    expect(findBadCharacter("😀\ud800")).toEqual({ index: 2, codePoint: 0xd800, kind: "surrogate" });
  });

  it("replaces every character it refuses, and nothing else", () => {
    expect(replaceBadCharacters("a\u0000b\u001b😀\ud800\tc\udc00", "?")).toBe("a?b?😀?\tc?");
    expect(replaceBadCharacters("plain 😀 text", "?")).toBe("plain 😀 text");
  });

  it("trims, turns blank optional text into null, and bounds the length", () => {
    expect(requiredText(10, "Enter it.").parse("  x  ")).toBe("x");
    expect(errorsOf(requiredText(10, "Enter it."), "   ")).toEqual(["Enter it."]);
    expect(optionalText(10).parse("   ")).toBeNull();
    expect(errorsOf(optionalText(3), "abcd")).toEqual(["Keep this under 3 characters."]);
  });
});

describe("one line of text: names and titles", () => {
  it("takes out what shows nothing and does nothing there", () => {
    expect(cleanLine("Kaza\u200Bkhstan")).toBe("Kazakhstan");
    expect(cleanLine("\uFEFFKazakhstan\u2060")).toBe("Kazakhstan");
    expect(cleanLine("Kaz\u00ADakh\u2061stan\u3164")).toBe("Kazakhstan");
    // Joiners and marks among Latin letters join nothing and direct nothing.
    expect(cleanLine("Kaza\u200Ckh\u200Dstan\u200E\u200F\u061C")).toBe("Kazakhstan");
    expect(cleanLine("Kazakhstan\uFE0F")).toBe("Kazakhstan");
    expect(cleanLine("Kazakh\u{E0041}\u{E007F}stan")).toBe("Kazakhstan");
    expect(cleanLine("\u200B")).toBe("");
  });

  it("keeps what a script needs: joiners in Persian, Hindi and emoji, variation selectors, a flag's tags, direction marks beside right-to-left letters", () => {
    for (const kept of [
      "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", // Persian "می‌خواهم" (ZWNJ)
      "\u0915\u094D\u200D\u0937", // Hindi क्‍ष (ZWJ after the virama)
      "\u0915\u094D\u200C\u0937", // and its ZWNJ form
      "Health \u{1F469}\u200D\u2695\uFE0F workers", // 👩‍⚕️
      "\u{1F3F3}\uFE0F\u200D\u{1F308}", // 🏳️‍🌈
      "\u{1F9D1}\u{1F3FD}\u200D\u{1F4BB}", // 🧑🏽‍💻
      "1\uFE0F\u20E3 Keycap",
      "\u845B\u{E0100}", // an ideograph's variant
      "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} Scotland",
      "\u05E9\u05DC\u05D5\u05DD\u200F!", // Hebrew, a right-to-left mark placing the "!"
      "Hamas (\u062D\u0645\u0627\u0633)\u200E",
    ]) {
      expect(cleanLine(kept), JSON.stringify(kept)).toBe(kept);
      expect(errorsOf(requiredLine(300, "Enter a title."), kept)).toBeNull();
    }
  });

  it("composes letters typed apart (NFC)", () => {
    expect(cleanLine("Erdog\u0306an")).toBe("Erdoğan");
    expect(requiredLine(300, "Enter it.").parse("  Erdog\u0306an ")).toBe("Erdoğan");
  });

  it.each([
    ["U+202E", "\u202Enatsikhkaz", "right-to-left override", 1],
    ["U+202D", "Kazakh\u202Dstan", "left-to-right override", 7],
    ["U+202B", "\u202BKazakhstan\u202C", "right-to-left embedding", 1],
    ["U+2067", "Kazakhstan \u2067joins\u2069", "right-to-left isolate", 12],
    ["U+2068", "\u2068Kazakhstan", "first strong isolate", 1],
  ])("refuses a direction control (%s), naming it and where it is", (code, text, name, at) => {
    const message = `This contains an invisible text-direction control (${code}, ${name}) at character ${at}, which can make text show in another order than it is stored: remove it and try again.`;
    expect(directionControlMessage(text)).toBe(message);
    expect(errorsOf(requiredLine(300, "Enter a title."), text)).toEqual([message]);
    expect(errorsOf(optionalLine(300), text)).toEqual([message]);
  });

  it("treats a line of nothing but invisible characters as empty, and still refuses control characters", () => {
    expect(errorsOf(requiredLine(300, "Enter a title."), "\u200B\uFEFF ")).toEqual(["Enter a title."]);
    expect(optionalLine(300).parse("\u200B")).toBeNull();
    expect(errorsOf(requiredLine(300, "Enter a title."), "Kazakhstan\u0000")![0]).toMatch(/invisible control character \(U\+0000\)/);
  });

  it("leaves long text as it was typed", () => {
    expect(requiredText(300, "Enter it.").parse("Kaza\u200Bkhstan")).toBe("Kaza\u200Bkhstan");
  });
});

describe("whole numbers", () => {
  // Each of these is a number to Number() and z.coerce (16, 10, 16, 16, 16, 1, 0, 0): none is one a person typed.
  const notWhole = ["0x10", "1e1", "16.0", " 16", "16 ", "+16", "0b1", "", "-0", "١٦", "16e", "Infinity", "1".repeat(16)];

  it("reads plain decimal digits and JSON's whole numbers, and nothing else", () => {
    expect(readWholeNumber("16")).toBe(16);
    expect(readWholeNumber("016")).toBe(16);
    expect(readWholeNumber("0")).toBe(0);
    expect(readWholeNumber(16)).toBe(16);
    for (const text of notWhole) expect(readWholeNumber(text), JSON.stringify(text)).toBeNull();
    for (const value of [16.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, null, undefined, true, [16], { n: 16 }]) expect(readWholeNumber(value)).toBeNull();
  });

  it("refuses anything else in a field with its message", () => {
    const position = wholeNumber({ min: 1, max: 99, message: "From 1 to 99.", typeMessage: "A whole number." });
    expect(position.parse("7")).toBe(7);
    expect(position.parse(7)).toBe(7);
    for (const text of notWhole) expect(errorsOf(position, text), JSON.stringify(text)).toEqual(["A whole number."]);
    expect(errorsOf(position, "100")).toEqual(["From 1 to 99."]);
    expect(errorsOf(position, 0)).toEqual(["From 1 to 99."]);
    expect(errorsOf(position, 1.5)).toEqual(["A whole number."]);
  });

  it("is how a form's rows are numbered: sources.0x1.url is no row", () => {
    const form = new FormData();
    form.append("sources.0.url", "https://a.example/");
    form.append("sources.0x1.url", "https://b.example/");
    form.append("sources.1e0.url", "https://c.example/");
    expect(formDataToObject(form)).toEqual({ sources: [{ url: "https://a.example/" }] });
  });
});

describe("dates with a precision", () => {
  it("reads the precision that was typed", () => {
    expect(parsePartialDate("1992")).toEqual({ date: new Date("1992-01-01T00:00:00Z"), precision: "YEAR" });
    expect(parsePartialDate("1992-08")).toEqual({ date: new Date("1992-08-01T00:00:00Z"), precision: "MONTH" });
    expect(parsePartialDate("2024-02-29")).toEqual({ date: new Date("2024-02-29T00:00:00Z"), precision: "DAY" });
  });

  it("cuts a more precise text to the chosen precision, and refuses a less precise one", () => {
    expect(normaliseDate("2025-11-06", "MONTH")).toBe("2025-11-01");
    expect(normaliseDate("2025-11-06", "YEAR")).toBe("2025-01-01");
    expect(normaliseDate("2025-11", "DAY")).toBeNull();
    expect(normaliseDate("2025", "MONTH")).toBeNull();
  });

  it("refuses days that do not exist", () => {
    for (const text of ["2025-02-29", "2025-02-30", "2025-13", "2025-00-10", "2025-04-31", "25-01-01", "2025/01/01", ""]) {
      expect(readDate(text)).toMatchObject({ ok: false, problem: "format" });
    }
  });

  it("bounds years to 1000–2999 and says so", () => {
    expect(readDate("0999-12-31")).toEqual({ ok: false, problem: "range" });
    expect(readDate("3000")).toEqual({ ok: false, problem: "range" });
    expect(readDate("1000-01-01").ok).toBe(true);
    expect(readDate("2999-12-31").ok).toBe(true);
    // Year 10000 is not four digits: refused before it can reach the database.
    expect(readDate("10000-01-01")).toMatchObject({ ok: false });
    expect(errorsOf(optionalPartialDate("From"), "3001")).toEqual([`From: ${YEAR_RANGE_MESSAGE}`]);
    expect(errorsOf(optionalDay("Published on"), "0500-01-01")).toEqual([`Published on: ${YEAR_RANGE_MESSAGE}`]);
    expect(errorsOf(optionalPartialDate("From"), "2020-02-30")![0]).toMatch(/^From must be a real date/);
  });

  it("accepts a partial date it has already read (a parsed input passed back to the domain)", () => {
    const value = parsePartialDate("1992-08")!;
    expect(optionalPartialDate("From").parse(value)).toEqual(value);
    expect(optionalPartialDate("From").safeParse({ date: new Date(Date.UTC(10000, 0, 1)), precision: "YEAR" }).success).toBe(false);
  });
});

describe("schedule times", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  it("must be in the future and within five years", () => {
    expect(scheduleProblem(new Date("2026-11-30T12:01:00Z"), now)).toBeNull();
    expect(scheduleProblem(new Date("2031-11-30T11:59:00Z"), now)).toBeNull();
    expect(scheduleProblem(new Date("2026-11-30T11:59:00Z"), now)).toBe("Choose a time in the future.");
    expect(scheduleProblem(new Date("2031-11-30T12:01:00Z"), now)).toBe("Choose a time within the next 5 years.");
    expect(scheduleProblem(new Date("+010000-01-01T00:00:00Z"), now)).toBe("Choose a time within the next 5 years.");
    expect(scheduleProblem(new Date("not a date"), now)).toBe("Choose a time in the future.");
  });
});

describe("sources", () => {
  const source = { url: "https://www.reuters.com/world/", title: "Reuters" };

  it.each(["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://example.org/a", "mailto:a@example.org", "https://", "example.org"])(
    "refuse %s as an address",
    (url) => {
      expect(errorsOf(httpUrl, url)).toEqual(["Only http and https addresses are accepted."]);
    },
  );

  it("refuse control characters inside an address", () => {
    expect(errorsOf(httpUrl, "https://example.org/\u0000")![0]).toMatch(/control character/);
  });

  it("read a complete source, with empty optional fields as null", () => {
    expect(SourceInputSchema.parse({ ...source, publisher: "", publishedOn: "2025-11-06", accessedOn: "", archiveUrl: "" })).toEqual({
      ...source,
      publisher: null,
      publishedOn: "2025-11-06",
      accessedOn: null,
      archiveUrl: null,
    });
  });

  it("refuse unknown fields and impossible dates at the field", () => {
    const parsed = SourceInputSchema.safeParse({ ...source, publishedOn: "2025-02-30", rank: 1 });
    expect(Object.keys(fieldErrorsOf(parsed.error!)).sort()).toEqual(["publishedOn", "rank"]);
  });
});

describe("record ids", () => {
  it("are cuids or codes; anything else matches nothing", () => {
    expect(isRecordId("cmabc123xyz")).toBe(true);
    expect(isRecordId("KZ")).toBe(true);
    for (const id of ["", "a\u0000", "../etc", "x".repeat(65), "a b", 42]) expect(isRecordId(id)).toBe(false);
  });
});
