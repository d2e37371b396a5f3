"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { RefSelect, type RefOption } from "./ref-select";
import styles from "./editor.module.css";

let nextKey = 0;

/** A list of countries (e.g. the countries a statement concerns), one chooser per country. */
export function CountryListEditor({ idPrefix, name, legend, initial, countries, errors }: {
  idPrefix: string;
  name: string;
  legend: string;
  initial: string[];
  countries: RefOption[];
  errors?: string[];
}) {
  const [rows, setRows] = useState(() => initial.map((id) => ({ key: `c${nextKey++}`, id })));
  return (
    <fieldset className={styles.section}>
      <legend>{legend}</legend>
      {errors?.length ? <p role="alert" className="small" style={{ color: "var(--color-danger)" }}>{errors.join(" ")}</p> : null}
      {rows.map((row, i) => (
        <div key={row.key} style={{ display: "flex", gap: "var(--space-2)", alignItems: "flex-end" }}>
          <div style={{ flex: 1 }}>
            <RefSelect id={`${idPrefix}-${name}-${row.key}`} name={name} label={`Country ${i + 1}`} options={countries} defaultValue={row.id} emptyLabel="— choose —" />
          </div>
          <div style={{ marginBottom: "var(--space-4)" }}>
            <Button size="sm" variant="ghost" onClick={() => setRows((r) => r.filter((x) => x.key !== row.key))}>
              Remove country {i + 1}
            </Button>
          </div>
        </div>
      ))}
      <Button size="sm" onClick={() => setRows((r) => [...r, { key: `c${nextKey++}`, id: "" }])}>
        Add country
      </Button>
    </fieldset>
  );
}
