import { serializeJsonLd, type JsonLd } from "@/lib/site/json-ld";

/** Emits structured data; serializeJsonLd escapes it so text cannot end the script. */
export function JsonLdScript({ data }: { data: JsonLd }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
