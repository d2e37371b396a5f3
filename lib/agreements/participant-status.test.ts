import { describe, expect, it } from "vitest";
import { deriveParticipantStatus, deriveParticipantStatuses } from "./participant-status";

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

  it("joining through a related instrument is more than an intent and less than a signature (Morocco, 22 December 2020)", () => {
    const morocco = [
      { type: "INTENT_ANNOUNCED" as const, date: d("2020-12-10") },
      { type: "JOINED_THROUGH_RELATED_INSTRUMENT" as const, date: d("2020-12-22") },
    ];
    expect(deriveParticipantStatus(morocco)).toBe("JOINED_THROUGH_RELATED");
    expect(deriveParticipantStatus([...morocco, { type: "SIGNATURE", date: d("2021-01-01") }])).toBe("SIGNED");
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

describe("deriveParticipantStatus (desk cases)", () => {
  it("has no status without actions", () => {
    expect(deriveParticipantStatus([])).toBeNull();
  });

  it("walks intent → signed → ratified → in force", () => {
    const steps = [
      { type: "INTENT_ANNOUNCED" as const, date: d("2020-08-13") },
      { type: "SIGNATURE" as const, date: d("2020-09-15") },
      { type: "RATIFICATION" as const, date: d("2020-10-19") },
      { type: "ENTRY_INTO_FORCE" as const, date: d("2021-01-06") },
    ];
    expect(deriveParticipantStatus(steps.slice(0, 1))).toBe("INTENT_ANNOUNCED");
    expect(deriveParticipantStatus(steps.slice(0, 2))).toBe("SIGNED");
    expect(deriveParticipantStatus(steps.slice(0, 3))).toBe("RATIFIED");
    expect(deriveParticipantStatus(steps)).toBe("IN_FORCE");
  });

  it("orders by date, not by the order actions were recorded", () => {
    expect(
      deriveParticipantStatus([
        { type: "ACCESSION", date: d("2021-01-06") },
        { type: "INTENT_ANNOUNCED", date: d("2020-10-23") },
      ]),
    ).toBe("ACCEDED");
  });

  it("never steps back: a late-recorded signature does not undo a ratification", () => {
    expect(
      deriveParticipantStatus([
        { type: "RATIFICATION", date: d("2021-03-01") },
        { type: "SIGNATURE", date: d("2021-05-01") },
      ]),
    ).toBe("RATIFIED");
  });

  it("same-day steps count in the order of the steps", () => {
    expect(
      deriveParticipantStatus([
        { type: "ENTRY_INTO_FORCE", date: d("2020-09-15") },
        { type: "SIGNATURE", date: d("2020-09-15") },
      ]),
    ).toBe("IN_FORCE");
  });

  it("withdrawal ends it; a later step starts again", () => {
    const base = [
      { type: "SIGNATURE" as const, date: d("2019-01-01") },
      { type: "ENTRY_INTO_FORCE" as const, date: d("2019-06-01") },
      { type: "WITHDRAWAL" as const, date: d("2022-01-01") },
    ];
    expect(deriveParticipantStatus(base)).toBe("WITHDRAWN");
    expect(deriveParticipantStatus([...base, { type: "ACCESSION", date: d("2024-01-01") }])).toBe("ACCEDED");
  });

  it("undated actions come after dated ones (a promise with no date yet)", () => {
    expect(
      deriveParticipantStatus([
        { type: "SIGNATURE", date: null },
        { type: "INTENT_ANNOUNCED", date: d("2025-11-06") },
      ]),
    ).toBe("SIGNED");
  });

  it("groups by party", () => {
    const statuses = deriveParticipantStatuses([
      { countryId: "AE", type: "SIGNATURE", date: d("2020-09-15") },
      { countryId: "KZ", type: "INTENT_ANNOUNCED", date: d("2025-11-06") },
      { countryId: "AE", type: "INTENT_ANNOUNCED", date: d("2020-08-13") },
    ]);
    expect(Object.fromEntries(statuses)).toEqual({ AE: "SIGNED", KZ: "INTENT_ANNOUNCED" });
  });
});
