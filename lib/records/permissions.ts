import { hasRole } from "@/lib/auth/roles";
import type { Actor } from "@/lib/users/actor";
import type { RecordRules } from "./record-kind";

/**
 * People, organizations, agreements and topics are public as soon as they are
 * saved (they have no draft), so only editors change them; everyone at the
 * desk reads them and uses them in drafts.
 */
export const editorsOnly = (plural: string): RecordRules => ({
  may: (actor: Actor) => hasRole(actor.role, "EDITOR"),
  whoMay: `Only editors change ${plural}.`,
});

/** Country codes a snapshot names (its own and its rows'), for expiring country pages. */
export function countryCodesIn(...snapshots: unknown[]): string[] {
  const out = new Set<string>();
  const walk = (value: unknown, key: string) => {
    if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === "object") Object.entries(value).forEach(([k, v]) => walk(v, k));
    else if (key === "countryId" && typeof value === "string" && value) out.add(value);
  };
  snapshots.forEach((s) => walk(s, ""));
  return [...out];
}
