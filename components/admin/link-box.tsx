"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import styles from "./admin.module.css";

/** A one-time link (or secret) in a read-only field, with a copy button, for the admin to pass on. */
export function LinkBox({
  id,
  label,
  link,
  hint = "Shown only now: copy it and send it to the person yourself.",
  copyLabel = "Copy link",
}: {
  id: string;
  label: string;
  link: string;
  hint?: string;
  copyLabel?: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className={styles.linkBox}>
      <Field id={id} label={label} hint={hint}>
        {(props) => <input {...props} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />}
      </Field>
      <Button
        size="sm"
        onClick={() => {
          void navigator.clipboard?.writeText(link).then(() => setCopied(true));
        }}
      >
        {copied ? "Copied" : copyLabel}
      </Button>
    </div>
  );
}
