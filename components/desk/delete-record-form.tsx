"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SaveResult } from "@/lib/reference/results";
import type { SaveAction } from "./reference-form-kit";

/** Delete, with the domain's refusal (e.g. "used by 3 events") shown in place. */
export function DeleteRecordForm({ action, id, what }: { action: SaveAction; id: string; what: string }) {
  const [state, dispatch, isPending] = useActionState<SaveResult | null, FormData>(action, null);
  return (
    <form
      action={dispatch}
      onSubmit={(event) => {
        if (!window.confirm(`Delete this ${what}? This cannot be undone.`)) event.preventDefault();
      }}
    >
      {state && !state.ok && <Alert tone="danger" title="Not deleted"><p>{state.message}</p></Alert>}
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="danger" disabled={isPending}>
        Delete {what}
      </Button>
    </form>
  );
}
