/** Readable words for the reference record's enum values (desk and public). */
export const ORGANIZATION_KIND_LABELS: Record<string, string> = {
  INTERGOVERNMENTAL: "Intergovernmental",
  GOVERNMENT_BODY: "Government body",
  OTHER: "Other",
};

export const AGREEMENT_KIND_LABELS: Record<string, string> = {
  TREATY: "Treaty",
  DECLARATION: "Declaration",
  JOINT_DECLARATION: "Joint declaration",
  MOU: "Memorandum of understanding",
  FRAMEWORK: "Framework",
};

export const PRECISION_LABELS: Record<string, string> = { DAY: "Day", MONTH: "Month", YEAR: "Year" };
