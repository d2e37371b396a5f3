import type { EventType } from "@/lib/generated/prisma/enums";

/**
 * The CAMEO codes each event type may carry (Conflict and Mediation Event
 * Observations codebook, v1.1b3, the scheme GDELT uses). A code is allowed when it
 * starts with one of the type's prefixes: "04" allows the whole "Consult" root,
 * "041" only "Discuss by telephone".
 */
export const CAMEO_BY_EVENT_TYPE: Record<EventType, readonly string[]> = {
  STATEMENT: ["01"],
  PHONE_CALL: ["041"],
  VISIT: ["042", "043"],
  MEETING: ["040", "044"],
  SUMMIT: ["040", "043"],
  NEGOTIATION: ["045", "046"],
  INTENT_ANNOUNCED: ["030", "031", "032", "033", "034", "035", "036"],
  AGREEMENT_SIGNED: ["057"],
  TREATY_ACTION: ["057"],
  RELATIONS_ESTABLISHED: ["054"],
  ENDORSEMENT: ["051"],
  APPEAL_OR_DEMAND: ["02", "10"],
  PROTEST: ["111", "112", "113", "114"],
  REJECTION: ["12"],
  THREAT: ["13"],
  RELATIONS_DOWNGRADED: ["161", "164", "166"],
  SANCTIONS: ["163"],
  COOPERATION: ["06", "07"],
  // The rest of "Engage in diplomatic cooperation" (05): opening an embassy, rallying support, …
  DIPLOMATIC_COOPERATION: ["050", "052", "053", "055", "056"],
};

const CODE = /^\d{3,4}$/;

export function isCameoCode(code: string): boolean {
  return CODE.test(code);
}

/** Whether a CAMEO code fits an event type; a malformed code never does. */
export function isCameoCodeAllowed(type: EventType, code: string): boolean {
  return isCameoCode(code) && CAMEO_BY_EVENT_TYPE[type].some((prefix) => code.startsWith(prefix));
}

/** The two-digit root ("04" Consult) of a code. */
export const cameoRoot = (code: string) => code.slice(0, 2);

/** Names of the codebook entries a reader is most likely to meet (shown beside the code). */
export const CAMEO_NAMES: Record<string, string> = {
  "010": "Make statement",
  "030": "Express intent to cooperate",
  "031": "Express intent to engage in material cooperation",
  "032": "Express intent to provide diplomatic cooperation",
  "036": "Express intent to meet or negotiate",
  "040": "Consult",
  "041": "Discuss by telephone",
  "042": "Make a visit",
  "043": "Host a visit",
  "044": "Meet at a “third” location",
  "045": "Mediate",
  "046": "Engage in negotiation",
  "050": "Engage in diplomatic cooperation",
  "051": "Praise or endorse",
  "054": "Grant diplomatic recognition",
  "057": "Sign formal agreement",
  "061": "Cooperate economically",
  "064": "Share intelligence or information",
};
