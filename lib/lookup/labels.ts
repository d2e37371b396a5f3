/** Desk wording for organization kinds (the public pages use fuller names in lib/site/labels.ts). */
export const ORGANIZATION_KIND_LABELS: Record<string, string> = {
  INTERGOVERNMENTAL: "Intergovernmental",
  GOVERNMENT_BODY: "Government body",
  OTHER: "Other",
};
