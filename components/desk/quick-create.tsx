"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { createPortal } from "react-dom";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextInput } from "@/components/ui/field";
import ui from "@/components/ui/ui.module.css";
import { sendJson } from "@/lib/http/send-json";
import { ORGANIZATION_KIND_LABELS } from "@/lib/lookup/labels";
import { formDataToObject } from "@/lib/records/form-data";
import { useDeskAbilities } from "./desk-abilities";
import { EntityPicker, type ComboboxAction, type EntityOption } from "./entity-picker";
import styles from "./entity-picker.module.css";
import { NameField } from "./same-names";

export type CreatableKind = "person" | "organization";

const PLURAL: Record<CreatableKind, string> = { person: "people", organization: "organizations" };

/**
 * Creating a person or organization from inside a picker: for editors, "New person “…”"
 * (or organization) creates the record in a small dialog without leaving the form and
 * chooses it in the picker (or chooses one already recorded under a name like it, which
 * the dialog lists). One per form: `actionsFor` gives a picker's text its actions, as the
 * options at the end of the picker's list (which opens over the button below it) and as
 * that button (NotChosenYet); `dialog` is the open dialog, for the form to render.
 */
export function useQuickCreate(kinds: CreatableKind[]) {
  const { canCreateReferences } = useDeskAbilities();
  const [creating, setCreating] = useState<{ kind: CreatableKind; name: string; onCreated: (option: EntityOption) => void } | null>(null);
  const offers = canCreateReferences ? kinds : [];
  const actionsFor = (text: string, onCreated: (option: EntityOption) => void): ComboboxAction[] =>
    text.trim() ? offers.map((kind) => ({ key: `new-${kind}`, label: `New ${kind} “${text.trim()}”`, onSelect: () => setCreating({ kind, name: text.trim(), onCreated }) })) : [];
  const dialog = creating && (
    <QuickCreateDialog
      kind={creating.kind}
      name={creating.name}
      onClose={() => setCreating(null)}
      onPicked={(option) => {
        setCreating(null);
        creating.onCreated(option);
      }}
    />
  );
  return { kinds, offers, actionsFor, dialog };
}

export type QuickCreate = ReturnType<typeof useQuickCreate>;

/** Under a picker whose text matches nothing chosen: the hint, and the quick-create buttons (useQuickCreate). */
export function NotChosenYet({ text, quick, onCreated }: { text: string; quick: QuickCreate; onCreated: (option: EntityOption) => void }) {
  return (
    <div className={styles.notChosen}>
      <span className={ui.hint}>
        Nothing chosen yet: pick a match from the list
        {quick.offers.length > 0 ? ", or add it:" : quick.kinds.length > 0 ? ". Not in the list? An editor can add it." : "."}
      </span>
      {quick.actionsFor(text, onCreated).map((action) => (
        <Button key={action.key} size="sm" onClick={action.onSelect}>
          {action.label}
        </Button>
      ))}
    </div>
  );
}

/**
 * A person or organization created from inside another form, through the same
 * create route (and kernel write, rules and audit) as the people and
 * organizations desk. It lives in a portal with its own form, so nothing in it
 * is part of the form being edited underneath, which stays as it was. Under its
 * name, the records already recorded under a name like it (NameField), each of
 * which can be chosen instead.
 */
function QuickCreateDialog({ kind, name, onClose, onPicked }: { kind: CreatableKind; name: string; onClose: () => void; onPicked: (option: EntityOption) => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [country, setCountry] = useState<EntityOption | null>(null);
  const [orgKind, setOrgKind] = useState("INTERGOVERNMENTAL");
  const titleId = `quick-create-${kind}-title`;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The dialog is rendered in a portal, but React still bubbles its events to the form underneath.
    event.stopPropagation();
    setBusy(true);
    const input = formDataToObject(new FormData(event.currentTarget), { lists: kind === "person" ? ["offices"] : ["members"] });
    const result = await sendJson<{ id: string; slug: string }>(`/api/desk/${PLURAL[kind]}`, { body: { input } });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
      return;
    }
    const label = String(input.name ?? "").trim();
    dialogRef.current?.close();
    onPicked({ id: result.id, label, kind, country: country ? { id: country.id, name: country.label } : undefined, detail: country?.label });
  }

  return createPortal(
    <dialog
      ref={dialogRef}
      className={styles.dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      // Keys typed here must not reach the form underneath (its Enter and Ctrl+S).
      onKeyDown={(event) => event.stopPropagation()}
    >
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={titleId}>
        <h2 id={titleId} className={styles.dialogTitle}>
          New {kind}
        </h2>
        <p className="small muted">Saved at once and public, like any {kind} in the desk; the form you were filling in stays as it is.</p>
        {message && <Alert tone="danger" title={message} />}
        <NameField
          id={`quick-${kind}-name`}
          kind={kind}
          defaultValue={name}
          errors={errors.name}
          autoComplete="off"
          recordId={null}
          onChoose={(option) => {
            dialogRef.current?.close();
            onPicked(option);
          }}
        />
        {kind === "organization" && (
          <div className={styles.dialogGrid}>
            <Field id="quick-organization-acronym" label="Acronym" errors={errors.acronym}>
              {(p) => <TextInput {...p} name="acronym" autoComplete="off" />}
            </Field>
            <SelectField id="quick-organization-kind" label="Kind" errors={errors.kind} required name="kind" value={orgKind} onChange={(e) => setOrgKind(e.target.value)} choices={ORGANIZATION_KIND_LABELS} />
          </div>
        )}
        {(kind === "person" || orgKind === "GOVERNMENT_BODY") && (
          <EntityPicker kind="country" id={`quick-${kind}-country`} name="countryId" label="Country" errors={errors.countryId} onChange={setCountry} required={kind === "organization"} />
        )}
        {kind === "person" && (
          <div className={styles.dialogGrid}>
            <Field id="quick-person-office" label="Office held" errors={errors["offices.0.title"]} hint="Optional, e.g. “Foreign Minister of Kazakhstan”">
              {(p) => <TextInput {...p} name="offices.0.title" autoComplete="off" />}
            </Field>
            <Field id="quick-person-office-start" label="Since" errors={errors["offices.0.start"]} hint="YYYY-MM-DD, YYYY-MM or YYYY">
              {(p) => <TextInput {...p} name="offices.0.start" inputMode="numeric" autoComplete="off" />}
            </Field>
          </div>
        )}
        <div className={styles.dialogButtons}>
          <Button type="submit" variant="primary" disabled={busy}>
            Create {kind}
          </Button>
          <Button variant="ghost" onClick={() => dialogRef.current?.close()}>
            Cancel
          </Button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
