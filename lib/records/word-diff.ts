export type WordPart = { kind: "same" | "removed" | "added"; text: string };

/** Longer texts than this are compared whole (the table is quadratic in words). */
const MAX_WORDS = 1500;

/**
 * Word-level differences between two texts (longest common subsequence over
 * words and the spaces between them), so a long body shows what changed in it.
 * Null when the texts are too long to compare word by word.
 */
export function diffWords(before: string, after: string): WordPart[] | null {
  const a = before.split(/(\s+)/).filter(Boolean);
  const b = after.split(/(\s+)/).filter(Boolean);
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) return null;
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const parts: WordPart[] = [];
  const push = (kind: WordPart["kind"], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push("same", a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push("removed", a[i++]!);
    else push("added", b[j++]!);
  }
  while (i < n) push("removed", a[i++]!);
  while (j < m) push("added", b[j++]!);
  return joinChanges(parts);
}

/** "White House." → "Oval Office." reads as one change, not two split by the space that stayed. */
function joinChanges(parts: WordPart[]): WordPart[] {
  const out: WordPart[] = [];
  let k = 0;
  while (k < parts.length) {
    if (parts[k]!.kind === "same") {
      out.push(parts[k++]!);
      continue;
    }
    let removed = "";
    let added = "";
    while (k < parts.length) {
      const part = parts[k]!;
      const isGap = part.kind === "same" && /^\s+$/.test(part.text) && k + 1 < parts.length && parts[k + 1]!.kind !== "same";
      if (part.kind === "same" && !isGap) break;
      if (part.kind !== "added") removed += part.text;
      if (part.kind !== "removed") added += part.text;
      k++;
    }
    if (removed) out.push({ kind: "removed", text: removed });
    if (added) out.push({ kind: "added", text: added });
  }
  return out;
}
