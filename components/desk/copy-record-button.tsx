"use client";

import { PostButton } from "./post-button";

/**
 * "Make a copy": a new draft that starts as this event or statement holds it now (its
 * participants, topics, sources and text), titled "… (copy)", for the next in a series
 * of like events; it opens in the editor with a reminder of what to check.
 */
export function CopyRecordButton({ kind, id, noun }: { kind: string; id: string; noun: string }) {
  return <PostButton<{ id: string }> url={`/api/desk/${kind}`} body={{ copyOf: id }} label={`Make a copy of this ${noun}`} busyLabel="Copying…" goTo={(answer) => `/dashboard/${kind}/${answer.id}?done=copied`} />;
}
