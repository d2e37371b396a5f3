import "server-only";
import { db } from "@/lib/db/client";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { loadDeskOptions } from "@/lib/desk/options";
import { plural } from "@/lib/format/count";
import { AGREEMENT_KIND_LABELS, EVENT_TYPE_LABELS, MEDIUM_LABELS, OCCURRENCE_LABELS, PARTICIPANT_ROLE_LABELS, QUOTE_TYPE_FORM_LABELS, STATUS_LABELS } from "@/lib/format/labels";
import { fieldLabel, holdsIds } from "@/lib/records/field-labels";
import { KIND_NAMES } from "@/lib/records/record-kind";
import type { AuditEntryView } from "./list-audit-entries";

/**
 * The audit log in words: each entry as a sentence (who did what to which record),
 * with people and records by name and fields by the labels the desk's forms use.
 * The raw row stays one click away on the page; this only reads it.
 */

/** A piece of a sentence: plain text, or a name that links to its page. */
export type SentencePart = string | { text: string; href?: string };

type Summary = Record<string, unknown>;

const CONTENT_TYPES = Object.values(KIND_NAMES);

/** What a desk action did, as a verb phrase around the record ("the event “…”"): [before, after]. */
const RECORD_VERBS: Record<string, [string, string]> = {
  create: ["created", ""],
  update: ["saved changes to", ""],
  stage: ["saved changes (not public yet) to", ""],
  restore: ["restored an earlier version of", ""],
  delete: ["deleted", ""],
  submit: ["submitted", " for review"],
  request_changes: ["sent", " back with a request for changes"],
  withdraw: ["withdrew", " from review"],
  publish: ["published", ""],
  schedule: ["scheduled", ""],
  cancel_schedule: ["cancelled the schedule of", ""],
  unpublish: ["unpublished", ""],
  retract: ["retracted", ""],
  publish_changes: ["published changes to", ""],
  schedule_failed: ["could not publish", " on schedule"],
};

const SIGN_IN_REASONS: Record<string, string> = {
  "unknown email": "no account has that email",
  "wrong password": "wrong password",
  "wrong code": "wrong two-factor code",
  inactive: "the account is deactivated",
  locked: "the account or address is locked",
};

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const quoted = (value: string) => `“${value}”`;
const utc = (value: unknown) => (typeof value === "string" && !Number.isNaN(Date.parse(value)) ? `${new Date(value).toISOString().replace("T", " ").slice(0, 16)} UTC` : String(value));
const roleLabel = (value: unknown) => (typeof value === "string" && Object.hasOwn(ROLE_LABELS, value) ? ROLE_LABELS[value as keyof typeof ROLE_LABELS] : String(value));
/** "user.two_factor_setup" → "two factor setup", for actions no sentence is written for. */
const actionWords = (action: string) => action.split(".").slice(1).join(" ").replaceAll("_", " ") || action;
const summaryOf = (entry: AuditEntryView): Summary => (entry.summary && typeof entry.summary === "object" && !Array.isArray(entry.summary) ? (entry.summary as Summary) : {});

/** The names an audit page needs: its users, its records, and the records its field changes refer to. */
export interface AuditNames {
  users: Record<string, string>;
  records: Record<string, string>;
  values: Record<string, string>;
}

interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function changesOf(summary: Summary): FieldChange[] {
  const changed = summary.changed;
  if (!Array.isArray(changed)) return [];
  return changed.filter((c): c is FieldChange => !!c && typeof c === "object" && typeof (c as FieldChange).field === "string");
}

/** Looks up every name a page of entries mentions, in a few queries. */
export async function loadAuditNames(entries: AuditEntryView[]): Promise<AuditNames> {
  const userIds = new Set<string>();
  const recordIds = new Map<string, Set<string>>();
  const valueIds = new Set<string>();
  for (const entry of entries) {
    if (entry.actorId) userIds.add(entry.actorId);
    if (entry.targetId && entry.targetType === "User") userIds.add(entry.targetId);
    if (entry.targetId && CONTENT_TYPES.some((k) => k.auditType === entry.targetType)) {
      if (!recordIds.has(entry.targetType!)) recordIds.set(entry.targetType!, new Set());
      recordIds.get(entry.targetType!)!.add(entry.targetId);
    }
    for (const change of changesOf(summaryOf(entry))) {
      if (!holdsIds(change.field)) continue;
      for (const value of [change.before, change.after].flat()) if (typeof value === "string" && value) valueIds.add(value);
    }
  }
  const ids = (type: string) => [...(recordIds.get(type) ?? [])];
  const [users, events, statements, people, organizations, agreements, topics, options] = await Promise.all([
    userIds.size ? db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } }) : [],
    recordIds.has("Event") ? db.event.findMany({ where: { id: { in: ids("Event") } }, select: { id: true, title: true } }) : [],
    recordIds.has("Statement") ? db.statement.findMany({ where: { id: { in: ids("Statement") } }, select: { id: true, title: true } }) : [],
    recordIds.has("Person") ? db.person.findMany({ where: { id: { in: ids("Person") } }, select: { id: true, name: true } }) : [],
    recordIds.has("Organization") ? db.organization.findMany({ where: { id: { in: ids("Organization") } }, select: { id: true, name: true } }) : [],
    recordIds.has("Agreement") ? db.agreement.findMany({ where: { id: { in: ids("Agreement") } }, select: { id: true, name: true } }) : [],
    recordIds.has("Topic") ? db.topic.findMany({ where: { id: { in: ids("Topic") } }, select: { id: true, name: true } }) : [],
    valueIds.size ? loadDeskOptions([...valueIds]) : null,
  ]);
  const records: Record<string, string> = {};
  for (const row of [...events, ...statements]) records[row.id] = row.title;
  for (const row of [...people, ...organizations, ...agreements, ...topics]) records[row.id] = row.name;
  const values: Record<string, string> = { ...(options?.labels ?? {}) };
  for (const option of [...(options?.topics ?? []), ...(options?.treatyActions ?? [])]) if (valueIds.has(option.id)) values[option.id] = option.label;
  return { users: Object.fromEntries(users.map((u) => [u.id, u.name])), records, values };
}

/** The labels of a field's fixed values (a type, a medium), by the field's last key. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  type: EVENT_TYPE_LABELS,
  role: PARTICIPANT_ROLE_LABELS,
  occurrence: OCCURRENCE_LABELS,
  medium: MEDIUM_LABELS,
  status: STATUS_LABELS,
  kind: AGREEMENT_KIND_LABELS,
  quoteType: QUOTE_TYPE_FORM_LABELS,
};

const isEmpty = (value: unknown) => value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

/** A field's value as the desk shows it: records by name, short text quoted, long text left out. */
function valueWords(field: string, value: unknown, names: AuditNames): string | null {
  if (isEmpty(value)) return "nothing";
  const key = field.split(".").pop()!;
  if (typeof value === "string" && Object.hasOwn(VALUE_LABELS, key) && Object.hasOwn(VALUE_LABELS[key]!, value)) return VALUE_LABELS[key]![value]!;
  if (holdsIds(field)) {
    const name = (v: unknown) => (typeof v === "string" && Object.hasOwn(names.values, v) ? names.values[v]! : String(v));
    return Array.isArray(value) ? (value.length ? value.map(name).join(", ") : "nothing") : name(value);
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value.length <= 60 ? quoted(value) : null;
  return null;
}

/** "Title from “A” to “B”; Summary; Countries from Kazakhstan to Kazakhstan, Israel". */
function changeWords(changes: FieldChange[], more: unknown, names: AuditNames): string {
  const parts = changes.map((c) => {
    const before = valueWords(c.field, c.before, names);
    const after = valueWords(c.field, c.after, names);
    return before && after ? `${fieldLabel(c.field)} from ${before} to ${after}` : fieldLabel(c.field);
  });
  if (typeof more === "number" && more > 0) parts.push(`${more} more`);
  return parts.join("; ");
}

function actorParts(entry: AuditEntryView, names: AuditNames): SentencePart[] {
  if (entry.actorId && Object.hasOwn(names.users, entry.actorId)) return [{ text: names.users[entry.actorId]!, href: `/admin/users/${entry.actorId}` }];
  if (entry.actorEmail) return [entry.actorEmail];
  return [entry.action.startsWith("seed.") || entry.action.endsWith(".schedule_failed") || entry.action.endsWith(".publish") ? "Chancery" : "Someone"];
}

function userParts(entry: AuditEntryView, summary: Summary, names: AuditNames): SentencePart {
  if (entry.targetId && Object.hasOwn(names.users, entry.targetId)) return { text: names.users[entry.targetId]!, href: `/admin/users/${entry.targetId}` };
  return text(summary.email) ?? "a user who no longer exists";
}

function recordParts(entry: AuditEntryView, summary: Summary, names: AuditNames): SentencePart[] {
  const kind = CONTENT_TYPES.find((k) => k.auditType === entry.targetType)!;
  const id = entry.targetId ?? "";
  const name = Object.hasOwn(names.records, id) ? names.records[id]! : (text(summary.name) ?? text(summary.slug) ?? id);
  const exists = Object.hasOwn(names.records, id);
  return [`the ${kind.noun} `, exists ? { text: quoted(name), href: `/dashboard/${kind.plural}/${id}` } : quoted(name)];
}

/** The extra clause a content entry carries: its note, reason, schedule, or the fields it changed. */
function recordDetails(verb: string, summary: Summary, names: AuditNames): string {
  const details: string[] = [];
  if (verb === "schedule" && summary.scheduledAt) details.push(`for ${utc(summary.scheduledAt)}`);
  if (verb === "publish_changes" && summary.material === true) details.push("as a material correction");
  if (summary.via === "schedule") details.push("on schedule");
  if (verb === "create" && text(summary.copiedFromTitle)) details.push(`as a copy of ${quoted(text(summary.copiedFromTitle)!)}`);
  // A new or deleted record's every field "changed": the sentence names the record instead.
  const changes = verb === "create" || verb === "delete" ? [] : changesOf(summary).filter((c) => !(isEmpty(c.before) && isEmpty(c.after)));
  if (changes.length) details.push(`changing ${changeWords(changes, summary.moreChanged, names)}`);
  let sentence = details.length ? ` ${details.join(", ")}` : "";
  if (text(summary.note)) sentence += `. Note: ${quoted(text(summary.note)!)}`;
  if (text(summary.reason)) sentence += `. Reason: ${quoted(text(summary.reason)!)}`;
  return sentence;
}

/** A before/after summary of a user change: "role from Editor to Admin". */
function beforeAfter(summary: Summary, field: string, label: string, show: (v: unknown) => string = (v) => quoted(String(v))): string | null {
  const before = (summary.before as Summary | undefined)?.[field];
  const after = (summary.after as Summary | undefined)?.[field];
  if (after === undefined) return null;
  return `${label} from ${show(before)} to ${show(after)}`.trimStart();
}

/** One entry as a sentence, for /admin/audit. */
export function describeAuditEntry(entry: AuditEntryView, names: AuditNames): SentencePart[] {
  const summary = summaryOf(entry);
  const actor = actorParts(entry, names);
  const [domain, verb = ""] = entry.action.split(/\.(.*)/s);

  if (CONTENT_TYPES.some((k) => k.auditType === entry.targetType) && Object.hasOwn(RECORD_VERBS, verb)) {
    const [before, after] = RECORD_VERBS[verb]!;
    return [...actor, ` ${before} `, ...recordParts(entry, summary, names), `${after}${recordDetails(verb, summary, names)}.`];
  }
  const user = () => userParts(entry, summary, names);
  switch (entry.action) {
    case "auth.sign_in":
      return [...actor, " signed in", summary.secondFactor ? ` with a ${String(summary.secondFactor).replaceAll("_", " ")}` : "", summary.newBrowser ? " from a browser not seen before" : "", "."];
    case "auth.sign_out":
      return [...actor, " signed out."];
    case "auth.sign_in_failed":
      return [`A sign-in as ${entry.actorEmail ?? "someone"} failed: ${SIGN_IN_REASONS[String(summary.reason)] ?? String(summary.reason ?? "no reason given")}.`];
    case "auth.second_factor_required":
      return [...actor, " gave the right password and was asked for a two-factor code."];
    case "auth.locked":
      return [
        summary.lockedBy === "address" ? `The address ${entry.targetId ?? "?"}` : entry.targetId ? user() : `The account ${entry.actorEmail ?? "?"}`,
        ` was locked after ${String(summary.failures)} failed attempts, until ${utc(summary.until)}.`,
      ];
    case "access.denied":
      return [...actor, ` was refused ${entry.targetId ?? "a route"}`, summary.role ? ` (as ${roleLabel(summary.role)}; it needs ${roleLabel(summary.required)})` : summary.required ? ` (not signed in; it needs ${roleLabel(summary.required)})` : "", "."];
    case "access.denied_repeated":
      return [`The address ${entry.targetId ?? "?"} was refused ${String(summary.denials)} times within ${String(summary.windowMinutes ?? 15)} minutes (last: ${String(summary.lastRoute ?? "?")}).`];
    case "access.rate_limited":
      return [`The address ${entry.targetId ?? "?"} is refused everything until ${utc(summary.until)} after ${String(summary.denials)} denied requests.`];
    case "user.invite":
      return [...actor, ` invited ${text(summary.email) ?? "someone"} as ${roleLabel(summary.role)}.`];
    case "user.invitation_accepted":
      return [...actor, ` accepted an invitation and joined as ${roleLabel(summary.role)}.`];
    case "user.invitation_revoke":
      return [...actor, ` revoked the invitation for ${text(summary.email) ?? "someone"} (${roleLabel(summary.role)}).`];
    case "user.create":
      return [...actor, " created the account of ", user(), ` as ${roleLabel(summary.role)}`, summary.via === "user:create" ? " from the command line" : summary.reason ? ` (${String(summary.reason)})` : "", "."];
    case "user.recover":
      return [...actor, " recovered the account of ", user(), " from the command line: a new password, ", beforeAfter(summary, "role", "role", roleLabel) ?? "", ", sessions ended."];
    case "user.role_change":
      return [...actor, " changed the role of ", user(), ` ${beforeAfter(summary, "role", "", roleLabel) ?? ""}; their sessions ended.`];
    case "user.deactivate":
      return [...actor, " deactivated ", user(), "; their sessions ended."];
    case "user.reactivate":
      return [...actor, " reactivated ", user(), "."];
    case "user.unlock":
      return [...actor, " unlocked ", user(), "."];
    case "user.profile_change": {
      const changes = [beforeAfter(summary, "name", "name"), beforeAfter(summary, "email", "email")].filter(Boolean);
      return [...actor, " corrected the account of ", user(), ": ", changes.join(", "), "."];
    }
    case "user.password_reset_link":
      return [...actor, " made a password-reset link for ", user(), "."];
    case "user.password_reset_request":
      return [`Someone asked for a password-reset link for ${text(summary.email) ?? "?"}: `, summary.resetId ? "a link was e-mailed to the account." : "no active account has that email; nothing was sent."];
    case "user.password_reset_throttled":
      return [`A password-reset request for ${text(summary.email) ?? "?"} was refused: too many requests.`];
    case "user.password_reset":
      return [...actor, " set a new password with a reset link; every session ended."];
    case "user.password_change":
      return [...actor, " changed their password; their other sessions ended."];
    case "user.password_change_failed":
      return [...actor, ` failed to change their password: ${String(summary.reason ?? "refused")}.`];
    case "user.session_end":
      return [...actor, ` ended one of their sessions (${[text(summary.device), text(summary.sessionIp)].filter(Boolean).join(", ") || "unknown browser"}).`];
    case "user.sessions_end_others":
      return [...actor, ` signed out everywhere else: ${plural(Number(summary.sessionsEnded ?? 0), "other session")} ended.`];
    case "user.sessions_end":
      return [...actor, " signed ", user(), ` out of every session (${plural(Number(summary.sessionsEnded ?? 0), "session")} ended).`];
    case "user.two_factor_setup":
      return [...actor, " started setting up two-factor sign-in."];
    case "user.two_factor_setup_failed":
      return [...actor, ` could not turn on two-factor sign-in: ${String(summary.reason ?? "refused")}.`];
    case "user.two_factor_enable":
      return [...actor, " turned on two-factor sign-in."];
    case "user.two_factor_disable":
      return [...actor, " turned off two-factor sign-in."];
    case "user.two_factor_disable_failed":
      return [...actor, ` could not turn off two-factor sign-in: ${String(summary.reason ?? "refused")}.`];
    case "user.two_factor_reset":
      return [...actor, " reset the two-factor sign-in of ", user(), "; their sessions ended."];
    case "record.export":
      return [...actor, " downloaded an export of the whole record", summary.withCredentials ? " with password hashes" : "", "."];
    case "seed.demo":
      return ["Chancery brought the demo record up to date", summary.version ? ` (version ${String(summary.version)})` : "", "."];
  }
  if (domain === "webhook") {
    return [...actor, ` — webhook endpoint: ${actionWords(entry.action)}`, text(summary.url) ? ` (${summary.url as string})` : "", "."];
  }
  const target = entry.targetType ? ` (${entry.targetType}${entry.targetId ? ` ${entry.targetId}` : ""})` : "";
  return [...actor, `: ${actionWords(entry.action)}${target}.`];
}
