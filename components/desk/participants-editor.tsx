"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import ui from "@/components/ui/ui.module.css";
import { defaultParticipantRole } from "@/lib/events/participant-role";
import { PARTICIPANT_ROLE_LABELS } from "@/lib/format/labels";
import { Combobox, type EntityOption } from "./entity-picker";
import { NotChosenYet, useQuickCreate } from "./quick-create";
import { focusAfterRemoving } from "./row-focus";
import { useRowKeys } from "./row-keys";
import styles from "./editor.module.css";

export interface ParticipantValues {
  role: string;
  countryId?: string | null;
  organizationId?: string | null;
  personId?: string | null;
}

type Kind = "country" | "organization" | "person";
const REF_NAME: Record<Kind, "countryId" | "organizationId" | "personId"> = { country: "countryId", organization: "organizationId", person: "personId" };

interface Row {
  key: string;
  text: string;
  chosen: (EntityOption & { kind: Kind }) | null;
  /** The role the editor chose; null while the row follows the default for the event. */
  role: string | null;
}

const blankRow = (key: string): Row => ({ key, text: "", chosen: null, role: null });

function rowOf(key: string, values: ParticipantValues, labels: Record<string, string>, countryOf: Record<string, { id: string; name: string }>): Row {
  const kind: Kind = values.organizationId ? "organization" : values.personId ? "person" : "country";
  const id = values[REF_NAME[kind]] ?? "";
  const country = kind === "country" ? { id, name: labels[id] ?? id } : countryOf[id];
  const label = labels[id] ?? id;
  return { key, text: label, chosen: id ? { id, label, kind, country } : null, role: values.role || "PARTICIPANT" };
}

/**
 * Who took part: one row each, a name (a person, an organization or a country,
 * searched together), the role, and the country, which comes from the person or
 * organization chosen. The role follows from the kind of event and where it took
 * place until the editor picks one. There is always one empty row at the end to
 * type the next name into; a row counts only once a name is chosen in it.
 */
export function ParticipantsEditor({
  idPrefix,
  initial,
  errors,
  labels,
  countryOf,
  eventType,
  placeCountryId,
  onChosen,
}: {
  idPrefix: string;
  initial: ParticipantValues[];
  errors: Record<string, string[]>;
  labels: Record<string, string>;
  countryOf: Record<string, { id: string; name: string }>;
  eventType: string;
  placeCountryId: string | null;
  /** Told the chosen names as `kind:id` ("country:KZ", "person:…") whenever they change. */
  onChosen?: (refs: string[]) => void;
}) {
  const keys = useRowKeys("p", initial.length + 1);
  const [rows, setRows] = useState<Row[]>(() => [...initial.map((v, i) => rowOf(keys.initial(i), v, labels, countryOf)), blankRow(keys.initial(initial.length))]);
  const update = (key: string, change: Partial<Row>) =>
    setRows((list) => {
      const next = list.map((r) => (r.key === key ? { ...r, ...change } : r));
      // (Run twice in development's strict mode, this takes two numbers for one row: still unique.)
      return next.at(-1)?.chosen ? [...next, blankRow(keys.next())] : next;
    });
  const quick = useQuickCreate(["person", "organization"]);
  const chosen = rows.flatMap((row) => (row.chosen ? [`${row.chosen.kind}:${row.chosen.id}`] : [])).join(",");
  useEffect(() => {
    onChosen?.(chosen ? chosen.split(",") : []);
  }, [chosen, onChosen]);
  const roleOf = (row: Row) => row.role ?? defaultParticipantRole({ type: eventType, placeCountryId, participantCountryId: row.chosen?.country?.id ?? null });

  return (
    <fieldset className={styles.section}>
      <legend>Participants</legend>
      {rows.map((row, i) => {
        const id = (f: string) => `${idPrefix}-participant-${row.key}-${f}`;
        const error = errors[`participants.${i}.countryId`] ?? errors[`participants.${i}.personId`] ?? errors[`participants.${i}.organizationId`];
        const nameId = id("name");
        const errorId = error?.length ? `${nameId}-error` : undefined;
        const onCreated = (option: EntityOption) => {
          update(row.key, { text: option.label, chosen: { ...option, kind: option.kind ?? "person" } });
          requestAnimationFrame(() => document.getElementById(nameId)?.focus());
        };
        return (
          <fieldset key={row.key} className={styles.row} data-row="">
            <legend>Participant {i + 1}</legend>
            <div className={styles.participantRow}>
              <div className={ui.field}>
                <label htmlFor={nameId} className={ui.label}>
                  Name
                </label>
                <Combobox
                  kind="participant"
                  id={nameId}
                  label="Name"
                  text={row.text}
                  onTextChange={(text) => update(row.key, { text, chosen: null })}
                  onChoose={(option) => update(row.key, { text: option.label, chosen: { ...option, kind: option.kind ?? "person" } })}
                  onClear={() => update(row.key, { text: "", chosen: null })}
                  isClearable={Boolean(row.text)}
                  describedBy={[`${nameId}-hint`, errorId].filter(Boolean).join(" ")}
                  isInvalid={Boolean(errorId)}
                  actions={row.chosen ? [] : quick.actionsFor(row.text, onCreated)}
                />
                <span id={`${nameId}-hint`} className={ui.hint}>
                  A person, an organization or a country
                </span>
                {row.chosen && <input type="hidden" name={`participants.${i}.${REF_NAME[row.chosen.kind]}`} value={row.chosen.id} />}
                {!row.chosen && row.text.trim() && <NotChosenYet text={row.text} quick={quick} onCreated={onCreated} />}
                {errorId && (
                  <span id={errorId} className={ui.error} role="alert">
                    {error!.join(" ")}
                  </span>
                )}
              </div>
              {row.chosen ? (
                <SelectField
                  id={id("role")}
                  label="Role"
                  errors={errors[`participants.${i}.role`]}
                  required
                  hint={row.role === null ? "Suggested from the type and place" : undefined}
                  name={`participants.${i}.role`}
                  value={roleOf(row)}
                  onChange={(e) => update(row.key, { role: e.target.value })}
                  choices={PARTICIPANT_ROLE_LABELS}
                />
              ) : (
                <div aria-hidden="true" />
              )}
              {row.chosen && (
                <div className={ui.field}>
                  <span className={ui.label}>Country</span>
                  <span className={styles.derived}>{row.chosen.country?.name ?? "—"}</span>
                </div>
              )}
            </div>
            {row.chosen && (
              <div className={styles.rowActions}>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={(event) => {
                    // The empty row at the end is always there to take the focus.
                    focusAfterRemoving(event.currentTarget, () => null);
                    setRows((list) => list.filter((r) => r.key !== row.key));
                  }}
                >
                  Remove participant {i + 1}
                </Button>
              </div>
            )}
          </fieldset>
        );
      })}
      {quick.dialog}
    </fieldset>
  );
}
