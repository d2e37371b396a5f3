import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { PersonInputSchema } from "@/lib/people/person-input";
import { formDataToObject } from "@/lib/records/form-data";
import { fieldErrorsOf as recordsFieldErrorsOf } from "@/lib/records/field-errors";
import { fieldErrorsOf as usersFieldErrorsOf } from "@/lib/users/schemas";
import { paramsToObject } from "@/lib/api/list-query";
import { groupMessages, parseJsonWithoutPrototypeKeys, PrototypeKeyError } from "./safe-keys";

const HOSTILE_NAMES = [
  "__proto__.polluted",
  "constructor.prototype.polluted",
  "offices.__proto__.polluted",
  "offices.0.__proto__.polluted",
  "offices.0.constructor.prototype.polluted",
  "__proto__[]",
  "__proto__",
  "prototype.polluted",
];

afterEach(() => {
  // Should a test fail, do not leave the worker polluted for the next one.
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe("formDataToObject (the desk's form parser)", () => {
  it.each(HOSTILE_NAMES)("never writes through %s, and the strict schema refuses it as an unknown field", (name) => {
    const form = new FormData();
    form.set("name", "Marco Rubio");
    form.append(name, "yes");
    const parsed = formDataToObject(form);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    const result = PersonInputSchema.safeParse(parsed);
    expect(result.success).toBe(false);
    const errors = recordsFieldErrorsOf(result.error!);
    expect(Object.keys(errors)).toContain(name);
    expect(errors[name]).toEqual(["This field is not part of the form."]);
  });
});

describe("fieldErrorsOf", () => {
  const strict = z.object({ name: z.string() }).strict();
  const issues = strict.safeParse(JSON.parse('{"name":"x","__proto__":{"polluted":1},"constructor":1}')).error!;

  it.each([
    ["records", recordsFieldErrorsOf],
    ["users", usersFieldErrorsOf],
  ] as const)("(%s) reports keys named after prototypes as plain keys instead of crashing", (_name, fieldErrorsOf) => {
    const errors = fieldErrorsOf(issues);
    expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(errors))).toBeTruthy();
  });

  it("groups messages under own keys only", () => {
    const grouped = groupMessages([
      ["__proto__", "a"],
      ["__proto__", "b"],
      ["constructor", "c"],
    ]);
    expect(Object.getOwnPropertyDescriptor(grouped, "__proto__")?.value).toEqual(["a", "b"]);
    expect(Object.getOwnPropertyDescriptor(grouped, "constructor")?.value).toEqual(["c"]);
    expect(Object.getPrototypeOf(grouped)).toBe(Object.prototype);
  });
});

describe("parseJsonWithoutPrototypeKeys", () => {
  it.each(['{"__proto__":{"polluted":1}}', '{"a":[{"constructor":{"prototype":{"polluted":1}}}]}', '{"input":{"prototype":1}}'])("refuses %s", (text) => {
    expect(() => parseJsonWithoutPrototypeKeys(text)).toThrow(PrototypeKeyError);
  });

  it("reads ordinary JSON, keys that merely contain the words included", () => {
    expect(parseJsonWithoutPrototypeKeys('{"constructorName":"x","list":[1,{"proto":2}]}')).toEqual({ constructorName: "x", list: [1, { proto: 2 }] });
  });
});

describe("paramsToObject (public query parameters)", () => {
  it.each(["__proto__", "constructor", "prototype"])("answers %s with a parameter error, not a misleading one", (key) => {
    expect(() => paramsToObject(new URLSearchParams({ [key]: "x" }))).toThrow(`"${key}" is not a known parameter`);
  });
});
