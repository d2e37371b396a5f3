"use client";

import type { Transition } from "@/lib/publication/transitions";
import type { AgreementFormValues } from "@/lib/agreements/agreement-input";
import type { OrganizationFormValues } from "@/lib/organizations/organization-input";
import type { PersonFormValues } from "@/lib/people/person-input";
import type { TopicFormValues } from "@/lib/topics/topic-input";
import { AgreementForm } from "./agreement-form";
import { EventEditor, type EventValues } from "./event-editor";
import { OrganizationForm } from "./organization-form";
import { PersonForm } from "./person-form";
import { StatementEditor, type StatementValues } from "./statement-editor";
import { TopicForm } from "./topic-form";
import type { RefOption } from "./ref-select";
import { DeskAbilitiesProvider, type DeskAbilities } from "./desk-abilities";

/** The form of a kind of record, chosen by the plural that names it. */
export function RecordForm({ abilities, ...props }: Parameters<typeof KindForm>[0] & { abilities: DeskAbilities }) {
  return (
    <DeskAbilitiesProvider value={abilities}>
      <KindForm {...props} />
    </DeskAbilitiesProvider>
  );
}

function KindForm({ kind, values, options, ...props }: {
  kind: string;
  id: string | null;
  version: number;
  status: string | null;
  transitions: Transition[];
  canSave: boolean;
  values: object;
  options: { labels: Record<string, string>; countryOf: Record<string, { id: string; name: string }>; treatyActions: RefOption[]; topics: RefOption[] };
}) {
  const common = { id: props.id, version: props.version, canSave: props.canSave, transitions: props.transitions, labels: options.labels };
  switch (kind) {
    case "events":
      return <EventEditor {...props} status={props.status ?? "DRAFT"} initial={values as EventValues} options={options} />;
    case "statements":
      return <StatementEditor {...props} status={props.status ?? "DRAFT"} initial={values as StatementValues} options={options} />;
    case "people":
      return <PersonForm {...common} initial={values as PersonFormValues} />;
    case "organizations":
      return <OrganizationForm {...common} initial={values as OrganizationFormValues} />;
    case "agreements":
      return <AgreementForm {...common} initial={values as AgreementFormValues} />;
    case "topics":
      return <TopicForm {...common} initial={values as TopicFormValues} />;
    default:
      return null;
  }
}
