"use client";

import { Alert } from "@/components/ui/alert";
import { StaffLink } from "@/components/ui/staff-link";
import { FOLDED_FROM } from "@/lib/records/fold";
import { useLookup } from "./entity-picker";
import styles from "./reference-form.module.css";

/**
 * The people or organizations already recorded under a name like the one being typed, under
 * a new record's name ("Recep Tayyip Erdogan" shows the Erdoğan recorded) and an edited
 * one's (its namesakes), so that nobody is created twice. The desk's pickers find them
 * (without accents, by near spelling); saving is never refused, since namesakes exist.
 * A polite live region: a screen reader hears the list when it appears.
 */
export function SameNames({ kind, plural, name, except }: { kind: "person" | "organization"; plural: "people" | "organizations"; name: string; except: string | null }) {
  const typed = name.trim();
  const asks = typed.length >= FOLDED_FROM;
  const { results } = useLookup(kind, typed, asks, 4);
  const others = asks ? results.filter((r) => r.id !== except).slice(0, 3) : [];
  return (
    <div role="status" className={styles.sameNames}>
      {others.length > 0 && (
        <Alert tone="info" role="none" title={except ? `Also recorded under a name like this:` : `Already recorded under a name like this: is it one of these?`}>
          <ul>
            {others.map((r) => (
              <li key={r.id}>
                <StaffLink href={`/dashboard/${plural}/${r.id}`}>{r.label}</StaffLink>
                {r.detail ? ` · ${r.detail}` : ""}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}
