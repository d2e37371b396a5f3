"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/errors/app-error";

/**
 * A form that sends JSON to a route handler (lib/http/send-json.ts): the result of
 * the last submission, whether one is under way, and the form's onSubmit.
 */
export function useJsonSubmit<T extends object>(send: (form: FormData) => Promise<ActionResult<T>>) {
  const [state, setState] = useState<ActionResult<T> | null>(null);
  const [pending, setPending] = useState(false);
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    setPending(true);
    try {
      setState(await send(form));
    } finally {
      setPending(false);
    }
  }
  return { state, pending, onSubmit };
}
