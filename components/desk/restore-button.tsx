"use client";

import { PostButton } from "./post-button";

/** Restores one revision (as a new revision) and goes back to the form. */
export function RestoreButton({ kind, id, version, baseVersion }: { kind: string; id: string; version: number; baseVersion: number }) {
  return (
    <PostButton<{ version: number }>
      url={`/api/desk/${kind}/${id}/workflow`}
      body={{ action: "restore", baseVersion, revisionVersion: version }}
      label={`Restore version ${version}`}
      busyLabel="Restoring…"
      goTo={(answer) => `/dashboard/${kind}/${id}?done=restore&version=${answer.version}`}
    />
  );
}
