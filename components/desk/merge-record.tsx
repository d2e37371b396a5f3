"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Facts } from "@/components/ui/facts";
import { cardClass } from "@/components/ui/page-header";
import ui from "@/components/ui/ui.module.css";
import { sendJson } from "@/lib/http/send-json";
import { usesSentence } from "@/lib/desk/merge-uses";
import { foldText } from "@/lib/records/fold";
import type { EntityOption } from "./entity-picker";
import { RefPicker } from "./ref-picker";
import { SameNames } from "./same-names";

/** What each kind that merges is called, what only the duplicate may record, and what becomes of what named it. */
const MERGING = {
  people: { noun: "person", label: "Person", only: "a Wikidata id, a description, offices", instead: "they will name", none: "Nothing in the record names" },
  organizations: { noun: "organization", label: "Organization", only: "a Wikidata id, a description, an acronym, member countries", instead: "they will name", none: "Nothing in the record names" },
  topics: { noun: "topic", label: "Topic", only: "a description", instead: "they will be filed under", none: "Nothing is filed under" },
  agreements: {
    noun: "agreement",
    label: "Agreement",
    only: "a summary, the date concluded, a parent, a Wikidata id, sources",
    instead: "they will refer to",
    none: "Nothing else in the record refers to",
  },
} as const;
export type MergingKind = keyof typeof MERGING;

/**
 * "Merge into another …" on a person's, organization's, topic's or agreement's desk page (editors):
 * the duplicate brought in twice, by two editors or an import, is merged into the record to keep
 * (POST /api/desk/[kind]/[id]/merge; lib/records/merge.ts). The editor chooses the one to keep,
 * reads what will happen, and confirms. `treatyActions` ("12 treaty actions of 9 parties"): an
 * agreement's own steps, which join the kept one's.
 */
export function MergeRecord(props: { kind: MergingKind; id: string; name: string; version: number; slug: string; uses: string[]; treatyActions?: string }) {
  const { kind, id, name, version, slug, uses, treatyActions } = props;
  const { noun, label, only, instead, none } = MERGING[kind];
  const router = useRouter();
  const [kept, setKept] = useState<EntityOption | null>(null);
  // A refusal's message, the field error on the one to keep, and what two agreements disagree about (each said).
  const [failure, setFailure] = useState<{ message: string; into?: string[]; disagreements?: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  // A name chosen from the namesakes below is shown in the picker by starting it again with that value.
  const [picked, setPicked] = useState(0);

  async function merge() {
    if (!kept || busy) return;
    setBusy(true);
    setFailure(null);
    const result = await sendJson<{ id: string }>(`/api/desk/${kind}/${id}/merge`, { body: { baseVersion: version, into: kept.id } });
    if (!result.ok) {
      if (result.code === "CONFLICT") {
        // Someone saved this record (or the one to keep) since the page was read: pressing again
        // would send the same stale version forever. The page is read again (the form above shows
        // what was saved, this section gets the version now current), and the next press merges that.
        setFailure({ message: `Someone saved a change since this page was opened. The page now shows it: read it, then merge again.` });
        router.refresh();
      } else {
        const { disagreements } = result;
        setFailure({ message: result.message, into: result.fieldErrors?.into, disagreements: Array.isArray(disagreements) ? disagreements.map(String) : undefined });
      }
      return setBusy(false);
    }
    router.replace(`/dashboard/${kind}/${result.id}?done=merged`);
    router.refresh();
  }

  // Two records of one name (what "Recorded twice?" mostly finds) are told apart by their
  // addresses: "Merge Hakan Fidan into Hakan Fidan?" would not say which one is kept. The two
  // are named once, beside each other; the sentences under them say "the one removed" and "the
  // one kept" instead of repeating a name and an address in each (on a phone, a screen of text).
  const sameName = kept !== null && foldText(kept.label.trim()) === foldText(name.trim());
  const thisPath = `/${kind}/${slug}`;
  const removedRef = sameName ? "the one removed" : name;
  const keptRef = kept ? (sameName ? "the one kept" : kept.label) : "";
  const keptButton = kept ? (sameName && kept.path ? kept.path : kept.label) : "";
  const said = usesSentence(uses, removedRef);

  return (
    <section className={cardClass} aria-labelledby="merge-heading">
      <h2 id="merge-heading">Merge into another {noun}</h2>
      <p className="small muted">
        Recorded twice? Choose the {noun} to keep: {name} is merged into it and removed.
      </p>
      <RefPicker
        key={picked}
        kind={noun}
        id="merge-into"
        name="into"
        label={`${label} to keep`}
        value={kept?.id ?? null}
        labels={kept ? { [kept.id]: kept.label } : {}}
        errors={failure?.into}
        onChange={(option) => {
          setKept(option && option.id !== id ? option : null);
          setFailure(option?.id === id ? { message: "", into: [`Choose another ${noun}: ${noun === "organization" ? "an" : "a"} ${noun} cannot be merged into itself.`] } : null);
        }}
      />
      {!kept && (
        <SameNames
          kind={noun}
          name={name}
          except={id}
          onChoose={(option) => {
            setKept(option);
            setFailure(null);
            setPicked((n) => n + 1);
          }}
        />
      )}
      {failure?.message && !failure.into && (
        <Alert tone="danger" title="Not merged">
          <p>{failure.message}</p>
          {failure.disagreements && (
            <ul>
              {failure.disagreements.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {kept && (
        <Alert tone="warning" title={sameName ? `Merge two records of ${name}?` : `Merge ${name} into ${kept.label}?`}>
          <Facts
            items={[
              ["Removed", <Named key="removed" name={sameName ? null : name} path={thisPath} detail="this page" />],
              ["Kept", <Named key="kept" name={sameName ? null : kept.label} path={kept.path ?? null} detail={kept.detail} />],
            ]}
          />
          <ul>
            <li>{said ? `${said[0]!.toUpperCase()}${said.slice(1)}: ${instead} ${keptRef} instead.` : `${none} ${removedRef}.`}</li>
            <li>
              What only {removedRef} records ({only}) is added to {keptRef}.
            </li>
            {treatyActions && (
              <li>
                Its {treatyActions} join {keptRef}&apos;s: a step both record is kept once. If the two date a party&apos;s step differently, nothing is merged and you are told which.
              </li>
            )}
            <li>{sameName ? "Its address will lead to the one kept." : `Its address will lead to ${kept.label}'s page.`}</li>
          </ul>
          <p>
            <strong>This cannot be undone.</strong>
          </p>
          <Button variant="danger" className={ui.wraps} disabled={busy} onClick={() => void merge()}>
            {busy ? "Merging…" : `Merge into ${keptButton}`}
          </Button>
        </Alert>
      )}
    </section>
  );
}

/** One of the two records in the merge's confirmation: its name (left out when both share it), its address, what else tells it apart. */
function Named({ name, path, detail }: { name: string | null; path: string | null; detail?: string }) {
  return (
    <>
      {name && <strong>{name}</strong>}
      {name && path && " · "}
      {path}
      {detail && <span className="muted"> ({detail})</span>}
    </>
  );
}
