import { describe, expect, it } from "vitest";
import { deriveParticipantStatus } from "./participant-status";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("deriveParticipantStatus", () => {
  it("has no status without actions", () => {
    expect(deriveParticipantStatus([])).toBeNull();
  });

  it("takes the furthest step, whatever order the actions were entered in", () => {
    expect(
      deriveParticipantStatus([
        { type: "SIGNATURE", date: d("2020-09-15") },
        { type: "INTENT_ANNOUNCED", date: d("2020-08-13") },
      ]),
    ).toBe("SIGNED");
    expect(
      deriveParticipantStatus([
        { type: "ENTRY_INTO_FORCE", date: d("2021-01-01") },
        { type: "RATIFICATION", date: d("2020-10-01") },
        { type: "SIGNATURE", date: d("2020-09-15") },
      ]),
    ).toBe("IN_FORCE");
  });

  it("an announced intent alone is only an intent (Kazakhstan, 6 November 2025)", () => {
    expect(deriveParticipantStatus([{ type: "INTENT_ANNOUNCED", date: d("2025-11-06") }])).toBe("INTENT_ANNOUNCED");
  });

  it("a withdrawal as the latest step leaves the party withdrawn; a later accession rejoins", () => {
    const signedThenLeft = [
      { type: "SIGNATURE" as const, date: d("2001-01-01") },
      { type: "WITHDRAWAL" as const, date: d("2005-01-01") },
    ];
    expect(deriveParticipantStatus(signedThenLeft)).toBe("WITHDRAWN");
    expect(deriveParticipantStatus([...signedThenLeft, { type: "ACCESSION", date: d("2010-01-01") }])).toBe("ACCEDED");
  });

  it("counts undated steps as taken, after the dated ones", () => {
    expect(
      deriveParticipantStatus([
        { type: "SIGNATURE", date: null },
        { type: "INTENT_ANNOUNCED", date: d("2025-11-06") },
      ]),
    ).toBe("SIGNED");
  });
});
