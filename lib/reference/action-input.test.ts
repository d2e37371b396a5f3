import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { formOf, readEditTarget, readId, readVersion } from "./action-input";

/** What a Server Action may be handed: anything a client sends, not only the form it expects. */
describe("reading a desk form in a Server Action", () => {
  const refusedAsInvalid = (read: () => unknown) => {
    try {
      read();
    } catch (error) {
      return isAppError(error) && error.code === "INVALID";
    }
    return false;
  };

  it("refuses arguments that are not a form as bad input, not as a crash", () => {
    for (const notAForm of [undefined, null, "id", 7, {}, { get: 1 }, ["id"]]) {
      expect(refusedAsInvalid(() => formOf(notAForm)), String(notAForm)).toBe(true);
      expect(refusedAsInvalid(() => readEditTarget(notAForm as FormData))).toBe(true);
      expect(refusedAsInvalid(() => readId(notAForm as FormData))).toBe(true);
      expect(refusedAsInvalid(() => readVersion(notAForm as FormData, "version"))).toBe(true);
    }
  });

  it("reads a real form", () => {
    const form = new FormData();
    form.set("id", "cmx3tkc02006sfl7ddql9jk5j");
    form.set("baseVersion", "3");
    expect(formOf(form)).toBe(form);
    expect(readEditTarget(form)).toEqual({ id: "cmx3tkc02006sfl7ddql9jk5j", baseVersion: 3 });
    expect(readVersion(form, "baseVersion")).toBe(3);
  });
});
