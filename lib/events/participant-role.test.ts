import { describe, expect, it } from "vitest";
import { defaultParticipantRole } from "./participant-role";

describe("defaultParticipantRole", () => {
  it("makes the one at home the host of a meeting and the others visitors", () => {
    expect(defaultParticipantRole({ type: "MEETING", placeCountryId: "US", participantCountryId: "US" })).toBe("HOST");
    expect(defaultParticipantRole({ type: "MEETING", placeCountryId: "US", participantCountryId: "KZ" })).toBe("VISITOR");
    expect(defaultParticipantRole({ type: "VISIT", placeCountryId: "KZ", participantCountryId: "KZ" })).toBe("HOST");
  });

  it("does not guess host or visitor without both countries", () => {
    expect(defaultParticipantRole({ type: "MEETING", placeCountryId: null, participantCountryId: "KZ" })).toBe("PARTICIPANT");
    expect(defaultParticipantRole({ type: "MEETING", placeCountryId: "US", participantCountryId: null })).toBe("PARTICIPANT");
  });

  it("uses the role the kind of event implies", () => {
    expect(defaultParticipantRole({ type: "AGREEMENT_SIGNED", placeCountryId: "US", participantCountryId: "KZ" })).toBe("SIGNATORY");
    expect(defaultParticipantRole({ type: "INTENT_ANNOUNCED", placeCountryId: null, participantCountryId: "KZ" })).toBe("ANNOUNCER");
    expect(defaultParticipantRole({ type: "SUMMIT", placeCountryId: "US", participantCountryId: "US" })).toBe("HOST");
    expect(defaultParticipantRole({ type: "SUMMIT", placeCountryId: "US", participantCountryId: "KZ" })).toBe("PARTICIPANT");
    expect(defaultParticipantRole({ type: "", placeCountryId: "US", participantCountryId: "US" })).toBe("PARTICIPANT");
  });
});
