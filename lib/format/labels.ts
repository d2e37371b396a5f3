/** Readable words for the record's enum values, shared by the public site and the desk. */
export const EVENT_TYPE_LABELS: Record<string, string> = {
  STATEMENT: "Statement",
  PHONE_CALL: "Phone call",
  VISIT: "Visit",
  MEETING: "Meeting",
  SUMMIT: "Summit",
  NEGOTIATION: "Negotiation",
  INTENT_ANNOUNCED: "Intent announced",
  AGREEMENT_SIGNED: "Agreement signed",
  TREATY_ACTION: "Treaty action",
  RELATIONS_ESTABLISHED: "Relations established",
  ENDORSEMENT: "Endorsement",
  APPEAL_OR_DEMAND: "Appeal or demand",
  PROTEST: "Protest",
  REJECTION: "Rejection",
  THREAT: "Threat",
  RELATIONS_DOWNGRADED: "Relations downgraded",
  SANCTIONS: "Sanctions",
  COOPERATION: "Cooperation",
  DIPLOMATIC_COOPERATION: "Diplomatic cooperation",
};

export const PARTICIPANT_ROLE_LABELS: Record<string, string> = {
  HOST: "Host",
  VISITOR: "Visitor",
  PARTICIPANT: "Participant",
  MEDIATOR: "Mediator",
  SIGNATORY: "Signatory",
  WITNESS: "Witness",
  ANNOUNCER: "Announcer",
};

export const OCCURRENCE_LABELS: Record<string, string> = {
  OCCURRED: "Occurred",
  SCHEDULED: "Scheduled",
  POSTPONED: "Postponed",
  CANCELLED: "Cancelled",
};

export const TREATY_ACTION_LABELS: Record<string, string> = {
  INTENT_ANNOUNCED: "Intent announced",
  SIGNATURE: "Signature",
  RATIFICATION: "Ratification",
  ACCESSION: "Accession",
  ENTRY_INTO_FORCE: "Entry into force",
  WITHDRAWAL: "Withdrawal",
  JOINED_THROUGH_RELATED_INSTRUMENT: "Joined through a related instrument",
};

/** "Led to" read from the earlier event; the later one reads it backwards. */
export const EVENT_LINK_LABELS: Record<string, { forward: string; backward: string }> = {
  LED_TO: { forward: "Led to", backward: "Followed from" },
};

export const MEDIUM_LABELS: Record<string, string> = {
  SOCIAL_POST: "Social post",
  REMARKS_TO_REPORTERS: "Remarks to reporters",
  PRESS_CONFERENCE: "Press conference",
  OFFICIAL_STATEMENT: "Official statement",
  READOUT: "Readout",
  INTERVIEW: "Interview",
  SPEECH: "Speech",
  JOINT_STATEMENT: "Joint statement",
};

export const STATUS_LABELS: Record<string, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  RETRACTED: "Retracted",
};

export const AGREEMENT_KIND_LABELS: Record<string, string> = {
  TREATY: "Treaty",
  DECLARATION: "Declaration",
  JOINT_DECLARATION: "Joint declaration",
  MOU: "Memorandum of understanding",
  FRAMEWORK: "Framework",
};

/** The hint under a statement's verbatim text field. */
export const VERBATIM_TEXT_HINT =
  "Only words a source prints as this speaker's, exactly as printed and in the original language; mark a cut with “…”. A reporter's account of what was said belongs in the event's summary or body, attributed to the source. Choose “Paraphrase” only when the source gives the speaker's point in its own words: readers see it without quotation marks.";

/** The desk's words for a statement's quote type. */
export const QUOTE_TYPE_FORM_LABELS: Record<string, string> = {
  DIRECT: "Direct quote",
  PARTIAL: "Partial quote (cuts marked “…”)",
  PARAPHRASE: "Paraphrase (no quotation marks)",
};

export const label = (map: Record<string, string>, value: string) => map[value] ?? value;
