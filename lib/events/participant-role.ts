/**
 * The role a participant most likely had, from the kind of event and where it
 * took place: at a meeting or visit the one at home hosts and the others visit;
 * at a signing every party signs. Only a default for the form's role field: the
 * editor sees it and changes it when the sources say otherwise.
 */
export function defaultParticipantRole({ type, placeCountryId, participantCountryId }: { type: string | null | undefined; placeCountryId: string | null | undefined; participantCountryId: string | null | undefined }): string {
  const isHome = Boolean(placeCountryId && participantCountryId && placeCountryId === participantCountryId);
  switch (type) {
    case "MEETING":
    case "VISIT":
      if (!placeCountryId || !participantCountryId) return "PARTICIPANT";
      return isHome ? "HOST" : "VISITOR";
    case "SUMMIT":
    case "NEGOTIATION":
      return isHome ? "HOST" : "PARTICIPANT";
    case "AGREEMENT_SIGNED":
      return "SIGNATORY";
    case "INTENT_ANNOUNCED":
    case "STATEMENT":
      return "ANNOUNCER";
    default:
      return "PARTICIPANT";
  }
}
