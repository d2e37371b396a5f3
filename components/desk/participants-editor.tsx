"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { PARTICIPANT_ROLE_LABELS } from "@/lib/format/labels";
import { RefPicker } from "./ref-picker";
import styles from "./editor.module.css";

export interface ParticipantValues {
  role: string;
  countryId?: string | null;
  organizationId?: string | null;
  personId?: string | null;
}

type Kind = "country" | "organization" | "person";
const kindOf = (p: ParticipantValues): Kind => (p.organizationId ? "organization" : p.personId ? "person" : "country");

let nextKey = 0;

/** Who took part and in what role: each participant is a country, an organization or a person. */
export function ParticipantsEditor({
  idPrefix,
  initial,
  errors,
  labels,
}: {
  idPrefix: string;
  initial: ParticipantValues[];
  errors: Record<string, string[]>;
  labels: Record<string, string>;
}) {
  const [rows, setRows] = useState(() => initial.map((values) => ({ key: `p${nextKey++}`, values, kind: kindOf(values) })));
  const setKind = (key: string, kind: Kind) => setRows((r) => r.map((x) => (x.key === key ? { ...x, kind } : x)));
  return (
    <fieldset className={styles.section}>
      <legend>Participants</legend>
      {rows.length === 0 && <p className="muted small">No participants yet.</p>}
      {rows.map((row, i) => {
        const id = (f: string) => `${idPrefix}-participant-${row.key}-${f}`;
        const refName = row.kind === "country" ? "countryId" : row.kind === "organization" ? "organizationId" : "personId";
        const refLabel = row.kind === "country" ? "Country" : row.kind === "organization" ? "Organization" : "Person";
        return (
          <fieldset key={row.key} className={styles.row}>
            <legend>Participant {i + 1}</legend>
            <div className={styles.grid3}>
              <Field id={id("role")} label="Role" errors={errors[`participants.${i}.role`]} required>
                {(p) => (
                  <Select {...p} name={`participants.${i}.role`} defaultValue={row.values.role || "PARTICIPANT"}>
                    {Object.entries(PARTICIPANT_ROLE_LABELS).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field id={id("kind")} label="Participant is a">
                {(p) => (
                  <Select {...p} value={row.kind} onChange={(e) => setKind(row.key, e.target.value as Kind)}>
                    <option value="country">Country</option>
                    <option value="organization">Organization</option>
                    <option value="person">Person</option>
                  </Select>
                )}
              </Field>
              <RefPicker
                key={row.kind}
                kind={row.kind}
                id={id(refName)}
                name={`participants.${i}.${refName}`}
                label={refLabel}
                value={row.values[refName]}
                labels={labels}
                errors={errors[`participants.${i}.countryId`]}
                required
              />
            </div>
            <div className={styles.rowActions}>
              <Button size="sm" variant="ghost" onClick={() => setRows((r) => r.filter((x) => x.key !== row.key))}>
                Remove participant {i + 1}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <Button size="sm" onClick={() => setRows((r) => [...r, { key: `p${nextKey++}`, values: { role: "PARTICIPANT" }, kind: "country" }])}>
        Add participant
      </Button>
    </fieldset>
  );
}
