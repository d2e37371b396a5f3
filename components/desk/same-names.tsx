"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { StaffLink } from "@/components/ui/staff-link";
import { FOLDED_FROM } from "@/lib/records/fold";
import { useLookup, type EntityOption } from "./entity-picker";
import { TextField } from "./form-fields";
import styles from "./reference-form.module.css";

/**
 * The people or organizations already recorded under a name like the one being typed, under
 * a new record's name ("Recep Tayyip Erdogan" shows the Erdoğan recorded) and an edited
 * one's (its namesakes), so that nobody is created twice. The desk's pickers find them
 * (without accents, by near spelling); saving is never refused, since namesakes exist.
 * A polite live region: a screen reader hears the list when it appears.
 *
 * With `onChoose` (a new record made from inside a picker), each is offered to be chosen
 * instead, in place of a link that would leave the form being filled in.
 */
export function SameNames({ kind, name, except, onChoose }: { kind: "person" | "organization" | "topic" | "agreement"; name: string; except: string | null; onChoose?: (option: EntityOption) => void }) {
  const typed = name.trim();
  const asks = typed.length >= FOLDED_FROM;
  const { results } = useLookup(kind, typed, asks, 4);
  const others = asks ? results.filter((r) => r.id !== except).slice(0, 3) : [];
  const title = except ? `Also recorded under a name like this:` : `Already recorded under a name like this: is it one of these?`;
  return <NamesLike title={title} plural={kind === "person" ? "people" : `${kind}s`} records={others} onChoose={onChoose} />;
}

/**
 * Records recorded under a name like one typed, in the info notice of a live region: each a
 * link to its desk page, or with `onChoose` a Choose button. SameNames asks for them as a name
 * is typed; a desk list that found no name as typed has them already (record-list.tsx).
 */
export function NamesLike<R extends { id: string; label: string; detail?: string }>(props: { title: string; plural: string; records: R[]; onChoose?: (record: R) => void; className?: string }) {
  const { plural, onChoose } = props;
  return (
    <div role="status" className={[styles.sameNames, props.className].filter(Boolean).join(" ")}>
      {props.records.length > 0 && (
        <Alert tone="info" role="none" title={props.title}>
          <ul>
            {props.records.map((r) => (
              <li key={r.id} className={onChoose ? styles.sameNameChoice : undefined}>
                <span>
                  {onChoose ? r.label : <StaffLink href={`/dashboard/${plural}/${r.id}`}>{r.label}</StaffLink>}
                  {r.detail ? ` · ${r.detail}` : ""}
                </span>
                {onChoose && (
                  <Button size="sm" onClick={() => onChoose(r)} aria-label={`Choose ${r.label}${r.detail ? `, ${r.detail}` : ""}`}>
                    Choose
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}

/** A person's or organization's Name field, with the records already recorded under a name like it below (SameNames). */
export function NameField(props: { id: string; kind: "person" | "organization"; defaultValue: string; errors?: string[]; maxLength?: number; autoComplete?: string; recordId: string | null; onChoose?: (option: EntityOption) => void }) {
  const [name, setName] = useState(props.defaultValue);
  return (
    <>
      <TextField id={props.id} name="name" label="Name" required defaultValue={props.defaultValue} errors={props.errors} maxLength={props.maxLength} autoComplete={props.autoComplete} onValueChange={setName} />
      <SameNames kind={props.kind} name={name} except={props.recordId} onChoose={props.onChoose} />
    </>
  );
}
