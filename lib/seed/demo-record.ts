/**
 * The demo record: the Kazakhstan accession to the Abraham Accords and the story
 * around it. Each fact names the publishers that reported it. The seed facts name
 * publishers, not articles, so each source links to the publisher's site (or the
 * Wikipedia article named) and says so in its title; an editor replaces them with
 * article links. Uncertain wording or dates are recorded with the precision known.
 */
import type {
  AgreementKind,
  Attribution,
  DatePrecision,
  EventType,
  Occurrence,
  OrganizationKind,
  ParticipantRole,
  QuoteType,
  StatementMedium,
  TreatyActionType,
} from "@/lib/generated/prisma/enums";

export interface DemoSource {
  url: string;
  title: string;
  publisher: string;
}

const src = (publisher: string, url: string, about: string): DemoSource => ({
  publisher,
  url,
  title: `${publisher}: ${about} (publisher's site; article link to be added)`,
});
const wiki = (article: string): DemoSource => ({
  publisher: "Wikipedia",
  url: `https://en.wikipedia.org/wiki/${encodeURIComponent(article.replaceAll(" ", "_"))}`,
  title: `Wikipedia: ${article}`,
});

export const demoTopics = [
  { slug: "defense", name: "Defense" },
  { slug: "energy", name: "Energy" },
  { slug: "trade", name: "Trade" },
  { slug: "cybersecurity", name: "Cybersecurity" },
  { slug: "food-technology", name: "Food technology" },
  { slug: "investment", name: "Investment" },
  { slug: "technology", name: "Technology" },
  { slug: "infrastructure", name: "Infrastructure" },
  { slug: "normalization", name: "Normalization" },
] as const;

export interface DemoPerson {
  slug: string;
  name: string;
  countryId: string;
  wikidataId?: string;
  offices: Array<{ title: string; countryId?: string; organizationSlug?: string }>;
}

export const demoPeople: DemoPerson[] = [
  { slug: "donald-trump", name: "Donald Trump", countryId: "US", wikidataId: "Q22686", offices: [{ title: "President of the United States", countryId: "US" }] },
  { slug: "benjamin-netanyahu", name: "Benjamin Netanyahu", countryId: "IL", wikidataId: "Q43723", offices: [{ title: "Prime Minister of Israel", countryId: "IL" }] },
  { slug: "kassym-jomart-tokayev", name: "Kassym-Jomart Tokayev", countryId: "KZ", offices: [{ title: "President of Kazakhstan", countryId: "KZ" }] },
  { slug: "marco-rubio", name: "Marco Rubio", countryId: "US", offices: [{ title: "Secretary of State", countryId: "US", organizationSlug: "us-department-of-state" }] },
  { slug: "abdullah-bin-zayed", name: "Abdullah bin Zayed Al Nahyan", countryId: "AE", offices: [{ title: "Minister of Foreign Affairs of the United Arab Emirates", countryId: "AE" }] },
  { slug: "abdullatif-al-zayani", name: "Abdullatif bin Rashid Al Zayani", countryId: "BH", offices: [{ title: "Minister of Foreign Affairs of Bahrain", countryId: "BH" }] },
  { slug: "abdel-fattah-al-burhan", name: "Abdel Fattah al-Burhan", countryId: "SD", offices: [{ title: "Chairman of the Sovereignty Council of Sudan", countryId: "SD" }] },
  { slug: "abdalla-hamdok", name: "Abdalla Hamdok", countryId: "SD", offices: [{ title: "Prime Minister of Sudan", countryId: "SD" }] },
  { slug: "nasredeen-abdulbari", name: "Nasredeen Abdulbari", countryId: "SD", offices: [{ title: "Minister of Justice of Sudan", countryId: "SD" }] },
  { slug: "steven-mnuchin", name: "Steven Mnuchin", countryId: "US", offices: [{ title: "Secretary of the Treasury", countryId: "US" }] },
];

export interface DemoOrganization {
  slug: string;
  name: string;
  acronym?: string;
  kind: OrganizationKind;
  wikidataId?: string;
  countryId?: string;
  members?: string[];
  description?: string;
}

export const demoOrganizations: DemoOrganization[] = [
  { slug: "united-nations", name: "United Nations", acronym: "UN", kind: "INTERGOVERNMENTAL", wikidataId: "Q1065" },
  { slug: "european-union", name: "European Union", acronym: "EU", kind: "INTERGOVERNMENTAL", wikidataId: "Q458" },
  { slug: "c5-plus-1", name: "C5+1", acronym: "C5+1", kind: "OTHER", members: ["KZ", "KG", "TJ", "TM", "UZ", "US"], description: "Diplomatic format of the five Central Asian states and the United States." },
  { slug: "us-department-of-state", name: "United States Department of State", acronym: "State Department", kind: "GOVERNMENT_BODY", countryId: "US" },
  { slug: "kazakhstan-ministry-of-foreign-affairs", name: "Ministry of Foreign Affairs of Kazakhstan", kind: "GOVERNMENT_BODY", countryId: "KZ" },
];

export interface DemoTreatyAction {
  countryId: string;
  type: TreatyActionType;
  date: string | null;
  precision?: DatePrecision;
  note?: string;
  eventSlug?: string;
  sources: DemoSource[];
}

export interface DemoAgreement {
  slug: string;
  name: string;
  kind: AgreementKind;
  summary: string;
  concludedOn: string | null;
  parentSlug?: string;
  actions: DemoTreatyAction[];
  sources: DemoSource[];
}

const JNS = (about: string) => src("JNS", "https://www.jns.org/", about);
const HAMODIA = (about: string) => src("Hamodia", "https://hamodia.com/", about);
const BFP = (about: string) => src("Bridges for Peace", "https://www.bridgesforpeace.com/", about);
const RUSTAVI2 = (about: string) => src("Rustavi2", "https://rustavi2.ge/en", about);
const AP = (about: string) => src("AP", "https://apnews.com/", about);
const VOA = (about: string) => src("VOA", "https://www.voanews.com/", about);
const ALARABIYA = (about: string) => src("Al Arabiya", "https://english.alarabiya.net/", about);
const DEFENCEWEB = (about: string) => src("defenceWeb (Reuters)", "https://www.defenceweb.co.za/", about);
const OMAN_OBSERVER = (about: string) => src("Oman Observer (AFP)", "https://www.omanobserver.om/", about);
const AA = (about: string) => src("Anadolu Agency", "https://www.aa.com.tr/en", about);
const TASS = (about: string) => src("TASS", "https://tass.com/", about);
const CNN = (about: string) => src("CNN", "https://edition.cnn.com/", about);
const AXIOS = (about: string) => src("Axios", "https://www.axios.com/", about);
const REUTERS = (about: string) => src("Reuters", "https://www.reuters.com/", about);
const QAZINFORM = (about: string) => src("Qazinform", "https://qazinform.com/", about);
const KURSIV = (about: string) => src("Kursiv (citing Akorda)", "https://kursiv.media/", about);
const GULF_OBSERVER = (about: string) => src("Gulf Observer", "https://www.gulf-observer.com/", about);
const EPOCH = (about: string) => src("The Epoch Times", "https://www.theepochtimes.com/", about);
const KAPITAL = (about: string) => src("kapital.kz", "https://kapital.kz/", about);
const KZ_EMBASSY = (about: string) => src("Embassy of Kazakhstan in Israel (archived)", "https://www.gov.kz/", about);
const MOROCCO_WIKI = wiki("Israel–Morocco normalization agreement");
const ILKZ_WIKI = wiki("Israel–Kazakhstan relations");

export const demoAgreements: DemoAgreement[] = [
  {
    slug: "abraham-accords",
    name: "Abraham Accords",
    kind: "DECLARATION",
    summary:
      "The Abraham Accords Declaration, signed at the White House on 15 September 2020, and the normalization agreements between Israel and Arab and Muslim-majority states that followed it.",
    concludedOn: "2020-09-15",
    sources: [JNS("signing of the Abraham Accords at the White House"), HAMODIA("Abraham Accords signing ceremony")],
    actions: [
      { countryId: "AE", type: "INTENT_ANNOUNCED", date: "2020-08-13", eventSlug: "uae-israel-normalization-announced", sources: [JNS("UAE–Israel normalization announced"), BFP("UAE–Israel normalization")] },
      { countryId: "AE", type: "SIGNATURE", date: "2020-09-15", eventSlug: "abraham-accords-signed-at-the-white-house", sources: [JNS("signing at the White House"), HAMODIA("signing ceremony")] },
      { countryId: "IL", type: "SIGNATURE", date: "2020-09-15", eventSlug: "abraham-accords-signed-at-the-white-house", sources: [JNS("signing at the White House")] },
      { countryId: "BH", type: "INTENT_ANNOUNCED", date: "2020-09-11", eventSlug: "bahrain-israel-normalization-announced", sources: [JNS("Bahrain–Israel normalization announced"), RUSTAVI2("Bahrain joins normalization")] },
      { countryId: "BH", type: "SIGNATURE", date: "2020-09-15", eventSlug: "abraham-accords-signed-at-the-white-house", sources: [JNS("Bahrain signs at the White House"), RUSTAVI2("Bahrain signs the Declaration of Peace")] },
      { countryId: "SD", type: "INTENT_ANNOUNCED", date: "2020-10-23", eventSlug: "sudan-israel-normalization-announced", sources: [AP("Sudan to normalize ties with Israel"), VOA("Sudan–Israel normalization")] },
      { countryId: "SD", type: "SIGNATURE", date: "2021-01-06", eventSlug: "sudan-signs-abraham-accords-declaration", sources: [ALARABIYA("Sudan signs the Abraham Accords Declaration"), DEFENCEWEB("Sudan signs in Khartoum")] },
      { countryId: "MA", type: "INTENT_ANNOUNCED", date: "2020-12-10", eventSlug: "morocco-israel-normalization-announced", note: "Whether Morocco signed the Abraham Accords Declaration text itself is not confirmed; it signed the US–Israel–Morocco Joint Declaration.", sources: [MOROCCO_WIKI, OMAN_OBSERVER("Morocco–Israel normalization")] },
      { countryId: "KZ", type: "INTENT_ANNOUNCED", date: "2025-11-06", eventSlug: "kazakhstan-to-join-the-abraham-accords", note: "Announced on 6 November 2025, US time (7 November in Moscow, as TASS dates it). A signing ceremony was promised “soon”.", sources: [AA("Kazakhstan to join the Abraham Accords"), TASS("Kazakhstan joins the Abraham Accords"), CNN("Kazakhstan to join the Abraham Accords"), AXIOS("Kazakhstan to join the Abraham Accords")] },
    ],
  },
  {
    slug: "israel-uae-treaty-of-peace",
    name: "Abraham Accords Peace Agreement: Treaty of Peace, Diplomatic Relations and Full Normalization between the United Arab Emirates and the State of Israel",
    kind: "TREATY",
    summary: "The treaty of peace between the United Arab Emirates and Israel, signed at the White House with the Abraham Accords Declaration.",
    concludedOn: "2020-09-15",
    parentSlug: "abraham-accords",
    sources: [JNS("UAE–Israel treaty of peace"), BFP("UAE–Israel treaty")],
    actions: [
      { countryId: "AE", type: "SIGNATURE", date: "2020-09-15", eventSlug: "abraham-accords-signed-at-the-white-house", sources: [JNS("UAE–Israel treaty signed")] },
      { countryId: "IL", type: "SIGNATURE", date: "2020-09-15", eventSlug: "abraham-accords-signed-at-the-white-house", sources: [JNS("UAE–Israel treaty signed")] },
    ],
  },
  {
    slug: "bahrain-israel-declaration-of-peace",
    name: "Abraham Accords: Declaration of Peace, Cooperation, and Constructive Diplomatic and Friendly Relations (Bahrain–Israel)",
    kind: "DECLARATION",
    summary: "Bahrain's declaration of peace with Israel, signed at the White House on 15 September 2020.",
    concludedOn: "2020-09-15",
    parentSlug: "abraham-accords",
    sources: [RUSTAVI2("Bahrain–Israel Declaration of Peace")],
    actions: [
      { countryId: "BH", type: "SIGNATURE", date: "2020-09-15", eventSlug: "abraham-accords-signed-at-the-white-house", sources: [RUSTAVI2("Bahrain signs")] },
      { countryId: "IL", type: "SIGNATURE", date: "2020-09-15", eventSlug: "abraham-accords-signed-at-the-white-house", sources: [JNS("Israel signs with Bahrain")] },
    ],
  },
  {
    slug: "us-israel-morocco-joint-declaration",
    name: "Joint Declaration of the United States, Israel and Morocco",
    kind: "JOINT_DECLARATION",
    summary: "The joint declaration on the normalization of relations between Morocco and Israel, signed in Rabat on 22 December 2020.",
    concludedOn: "2020-12-22",
    parentSlug: "abraham-accords",
    sources: [MOROCCO_WIKI, OMAN_OBSERVER("joint declaration signed in Rabat")],
    actions: ["MA", "IL", "US"].map((countryId) => ({
      countryId,
      type: "SIGNATURE" as const,
      date: "2020-12-22",
      eventSlug: "us-israel-morocco-joint-declaration-signed",
      sources: [MOROCCO_WIKI, OMAN_OBSERVER("joint declaration signed in Rabat")],
    })),
  },
];

export interface DemoParticipant {
  role: ParticipantRole;
  countryId?: string;
  personSlug?: string;
  organizationSlug?: string;
}

export interface DemoEvent {
  slug: string;
  title: string;
  summary: string;
  body: string;
  type: EventType;
  cameoCode: string;
  date: string | null;
  datePrecision?: DatePrecision;
  occurrence?: Occurrence;
  placeName?: string;
  countryId?: string;
  agreementSlug?: string;
  parentSlug?: string;
  topics?: string[];
  participants: DemoParticipant[];
  sources: DemoSource[];
}

export const demoEvents: DemoEvent[] = [
  {
    slug: "israel-kazakhstan-establish-diplomatic-relations",
    title: "Israel and Kazakhstan establish diplomatic relations",
    summary: "Israel and Kazakhstan established diplomatic relations on 10 April 1992.",
    body: "Israel opened its embassy in Kazakhstan in August 1992; Kazakhstan opened its embassy in Israel in May 1996. The two countries signed bilateral agreements in several areas in the mid-1990s.",
    type: "RELATIONS_ESTABLISHED",
    cameoCode: "054",
    date: "1992-04-10",
    countryId: "KZ",
    participants: [{ role: "PARTICIPANT", countryId: "IL" }, { role: "PARTICIPANT", countryId: "KZ" }],
    sources: [KZ_EMBASSY("Kazakhstan–Israel relations"), ILKZ_WIKI, KAPITAL("history of Kazakhstan–Israel relations")],
  },
  {
    slug: "israel-opens-embassy-in-kazakhstan",
    title: "Israel opens its embassy in Kazakhstan",
    summary: "Israel opened its embassy in Kazakhstan in August 1992, months after the two countries established relations.",
    body: "",
    type: "COOPERATION",
    cameoCode: "064",
    date: "1992-08-01",
    datePrecision: "MONTH",
    countryId: "KZ",
    participants: [{ role: "VISITOR", countryId: "IL" }, { role: "HOST", countryId: "KZ" }],
    sources: [KZ_EMBASSY("Kazakhstan–Israel relations"), ILKZ_WIKI],
  },
  {
    slug: "kazakhstan-opens-embassy-in-israel",
    title: "Kazakhstan opens its embassy in Israel",
    summary: "Kazakhstan opened its embassy in Israel in May 1996.",
    body: "",
    type: "COOPERATION",
    cameoCode: "064",
    date: "1996-05-01",
    datePrecision: "MONTH",
    countryId: "IL",
    participants: [{ role: "VISITOR", countryId: "KZ" }, { role: "HOST", countryId: "IL" }],
    sources: [KZ_EMBASSY("Kazakhstan–Israel relations"), ILKZ_WIKI],
  },
  {
    slug: "uae-israel-normalization-announced",
    title: "The UAE and Israel announce the normalization of relations",
    summary: "The United Arab Emirates and Israel announced on 13 August 2020 that they would normalize relations, with the United States as broker.",
    body: "",
    type: "INTENT_ANNOUNCED",
    cameoCode: "031",
    date: "2020-08-13",
    agreementSlug: "abraham-accords",
    topics: ["normalization"],
    participants: [{ role: "PARTICIPANT", countryId: "AE" }, { role: "PARTICIPANT", countryId: "IL" }, { role: "MEDIATOR", countryId: "US" }],
    sources: [JNS("UAE–Israel normalization announced"), HAMODIA("UAE–Israel normalization"), BFP("UAE–Israel normalization")],
  },
  {
    slug: "bahrain-israel-normalization-announced",
    title: "Bahrain and Israel announce the normalization of relations",
    summary: "Bahrain announced on 11 September 2020 that it would establish full diplomatic relations with Israel.",
    body: "",
    type: "INTENT_ANNOUNCED",
    cameoCode: "031",
    date: "2020-09-11",
    agreementSlug: "abraham-accords",
    topics: ["normalization"],
    participants: [{ role: "PARTICIPANT", countryId: "BH" }, { role: "PARTICIPANT", countryId: "IL" }, { role: "MEDIATOR", countryId: "US" }],
    sources: [JNS("Bahrain–Israel normalization announced"), RUSTAVI2("Bahrain–Israel normalization")],
  },
  {
    slug: "abraham-accords-signed-at-the-white-house",
    title: "The Abraham Accords are signed at the White House",
    summary: "The UAE and Bahrain signed normalization agreements with Israel and the Abraham Accords Declaration at the White House on 15 September 2020.",
    body: "The UAE's foreign minister Abdullah bin Zayed and Israel's prime minister Benjamin Netanyahu signed a treaty of peace together with the Abraham Accords Declaration; Bahrain's foreign minister Abdullatif Al Zayani signed a Declaration of Peace and the Accords. The US president signed as a witness.",
    type: "AGREEMENT_SIGNED",
    cameoCode: "057",
    date: "2020-09-15",
    placeName: "White House, Washington, D.C.",
    countryId: "US",
    agreementSlug: "abraham-accords",
    topics: ["normalization"],
    participants: [
      { role: "HOST", countryId: "US" },
      { role: "SIGNATORY", countryId: "AE" },
      { role: "SIGNATORY", countryId: "IL" },
      { role: "SIGNATORY", countryId: "BH" },
      { role: "SIGNATORY", personSlug: "abdullah-bin-zayed" },
      { role: "SIGNATORY", personSlug: "benjamin-netanyahu" },
      { role: "SIGNATORY", personSlug: "abdullatif-al-zayani" },
      { role: "WITNESS", personSlug: "donald-trump" },
    ],
    sources: [JNS("signing at the White House"), HAMODIA("signing ceremony"), RUSTAVI2("Bahrain signs")],
  },
  {
    slug: "sudan-israel-normalization-announced",
    title: "Sudan and Israel announce the normalization of relations",
    summary: "Sudan's move to normalize relations with Israel was announced on 23 October 2020 after a call with Sudan's Abdel Fattah al-Burhan and Abdalla Hamdok and Israel's Benjamin Netanyahu.",
    body: "",
    type: "INTENT_ANNOUNCED",
    cameoCode: "031",
    date: "2020-10-23",
    agreementSlug: "abraham-accords",
    topics: ["normalization"],
    participants: [
      { role: "ANNOUNCER", countryId: "US" },
      { role: "PARTICIPANT", countryId: "SD" },
      { role: "PARTICIPANT", countryId: "IL" },
      { role: "PARTICIPANT", personSlug: "abdel-fattah-al-burhan" },
      { role: "PARTICIPANT", personSlug: "abdalla-hamdok" },
      { role: "PARTICIPANT", personSlug: "benjamin-netanyahu" },
    ],
    sources: [AP("Sudan to normalize ties with Israel"), VOA("Sudan–Israel normalization")],
  },
  {
    slug: "morocco-israel-normalization-announced",
    title: "Morocco and Israel announce the normalization of relations",
    summary: "The normalization of relations between Morocco and Israel was announced on 10 December 2020.",
    body: "",
    type: "INTENT_ANNOUNCED",
    cameoCode: "031",
    date: "2020-12-10",
    agreementSlug: "abraham-accords",
    topics: ["normalization"],
    participants: [{ role: "PARTICIPANT", countryId: "MA" }, { role: "PARTICIPANT", countryId: "IL" }, { role: "ANNOUNCER", countryId: "US" }],
    sources: [MOROCCO_WIKI, OMAN_OBSERVER("Morocco–Israel normalization")],
  },
  {
    slug: "us-israel-morocco-joint-declaration-signed",
    title: "The United States, Israel and Morocco sign a joint declaration in Rabat",
    summary: "The US–Israel–Morocco Joint Declaration was signed in Rabat on 22 December 2020.",
    body: "",
    type: "AGREEMENT_SIGNED",
    cameoCode: "057",
    date: "2020-12-22",
    placeName: "Rabat",
    countryId: "MA",
    agreementSlug: "us-israel-morocco-joint-declaration",
    topics: ["normalization"],
    participants: [{ role: "HOST", countryId: "MA" }, { role: "SIGNATORY", countryId: "IL" }, { role: "SIGNATORY", countryId: "US" }, { role: "SIGNATORY", countryId: "MA" }],
    sources: [MOROCCO_WIKI, OMAN_OBSERVER("joint declaration signed in Rabat")],
  },
  {
    slug: "sudan-signs-abraham-accords-declaration",
    title: "Sudan signs the Abraham Accords Declaration in Khartoum",
    summary: "Sudan's justice minister Nasredeen Abdulbari signed the Abraham Accords Declaration in Khartoum on 6 January 2021 with US Treasury secretary Steven Mnuchin.",
    body: "",
    type: "AGREEMENT_SIGNED",
    cameoCode: "057",
    date: "2021-01-06",
    placeName: "Khartoum",
    countryId: "SD",
    agreementSlug: "abraham-accords",
    topics: ["normalization"],
    participants: [
      { role: "HOST", countryId: "SD" },
      { role: "VISITOR", countryId: "US" },
      { role: "SIGNATORY", personSlug: "nasredeen-abdulbari" },
      { role: "PARTICIPANT", personSlug: "steven-mnuchin" },
    ],
    sources: [AP("Sudan signs the Abraham Accords Declaration"), ALARABIYA("Sudan signs in Khartoum"), DEFENCEWEB("Sudan signs the Abraham Accords")],
  },
  {
    slug: "c5-plus-1-summit-at-the-white-house",
    title: "The United States hosts the C5+1 summit at the White House",
    summary: "The US president hosted the leaders of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan at the White House on 6 November 2025.",
    body: "",
    type: "SUMMIT",
    cameoCode: "043",
    date: "2025-11-06",
    placeName: "White House, Washington, D.C.",
    countryId: "US",
    topics: ["trade", "energy"],
    participants: [
      { role: "HOST", countryId: "US" },
      { role: "PARTICIPANT", countryId: "KZ" },
      { role: "PARTICIPANT", countryId: "KG" },
      { role: "PARTICIPANT", countryId: "TJ" },
      { role: "PARTICIPANT", countryId: "TM" },
      { role: "PARTICIPANT", countryId: "UZ" },
      { role: "PARTICIPANT", organizationSlug: "c5-plus-1" },
      { role: "HOST", personSlug: "donald-trump" },
      { role: "PARTICIPANT", personSlug: "kassym-jomart-tokayev" },
    ],
    sources: [EPOCH("C5+1 summit at the White House"), REUTERS("C5+1 summit"), QAZINFORM("C5+1 summit in Washington")],
  },
  {
    slug: "trump-netanyahu-tokayev-call",
    title: "Trump, Netanyahu and Tokayev hold a call on the Abraham Accords",
    summary: "The US president held a call with Israel's prime minister Benjamin Netanyahu and Kazakhstan's president Kassym-Jomart Tokayev on 6 November 2025, before announcing that Kazakhstan would join the Abraham Accords.",
    body: "",
    type: "PHONE_CALL",
    cameoCode: "041",
    date: "2025-11-06",
    agreementSlug: "abraham-accords",
    participants: [
      { role: "HOST", personSlug: "donald-trump" },
      { role: "PARTICIPANT", personSlug: "benjamin-netanyahu" },
      { role: "PARTICIPANT", personSlug: "kassym-jomart-tokayev" },
      { role: "PARTICIPANT", countryId: "US" },
      { role: "PARTICIPANT", countryId: "IL" },
      { role: "PARTICIPANT", countryId: "KZ" },
    ],
    sources: [AA("call before the announcement"), CNN("Kazakhstan to join the Abraham Accords"), AXIOS("Kazakhstan to join the Abraham Accords")],
  },
  {
    slug: "kazakhstan-to-join-the-abraham-accords",
    title: "Kazakhstan announces it will join the Abraham Accords",
    summary: "Kazakhstan will join the Abraham Accords, the US president announced on Thursday 6 November 2025 after a call with Benjamin Netanyahu and Kassym-Jomart Tokayev; a signing ceremony was promised soon.",
    body:
      "The US president wrote on Truth Social that Kazakhstan is “the first Country of my Second Term to join the Abraham Accords, the first of many”, and that a signing ceremony would be announced soon.\n\nKazakhstan and Israel have had diplomatic relations since 1992. The earlier members of the Accords are the United Arab Emirates, Bahrain, Morocco and Sudan.\n\nTASS dates the announcement 7 November 2025, Moscow time.",
    type: "INTENT_ANNOUNCED",
    cameoCode: "036",
    date: "2025-11-06",
    countryId: "KZ",
    agreementSlug: "abraham-accords",
    topics: ["normalization"],
    participants: [
      { role: "ANNOUNCER", personSlug: "donald-trump" },
      { role: "ANNOUNCER", countryId: "US" },
      { role: "PARTICIPANT", countryId: "KZ" },
      { role: "PARTICIPANT", countryId: "IL" },
      { role: "PARTICIPANT", personSlug: "kassym-jomart-tokayev" },
      { role: "PARTICIPANT", personSlug: "benjamin-netanyahu" },
    ],
    sources: [AA("Kazakhstan to join the Abraham Accords"), TASS("Kazakhstan joins the Abraham Accords"), CNN("Kazakhstan to join the Abraham Accords"), AXIOS("Kazakhstan to join the Abraham Accords")],
  },
  {
    slug: "rubio-meets-tokayev",
    title: "Secretary of State Rubio meets President Tokayev",
    summary: "US secretary of state Marco Rubio met Kazakhstan's president Kassym-Jomart Tokayev on 6 November 2025; they discussed trade, investment, energy, technology and infrastructure.",
    body: "",
    type: "MEETING",
    cameoCode: "040",
    date: "2025-11-06",
    placeName: "Washington, D.C.",
    countryId: "US",
    topics: ["trade", "investment", "energy", "technology", "infrastructure"],
    participants: [
      { role: "HOST", personSlug: "marco-rubio" },
      { role: "VISITOR", personSlug: "kassym-jomart-tokayev" },
      { role: "HOST", countryId: "US" },
      { role: "VISITOR", countryId: "KZ" },
    ],
    sources: [KURSIV("Tokayev meets Rubio"), GULF_OBSERVER("Rubio–Tokayev meeting")],
  },
  {
    slug: "kazakhstan-abraham-accords-signing-ceremony",
    title: "Signing ceremony for Kazakhstan's accession to the Abraham Accords",
    summary: "The US president said a signing ceremony for Kazakhstan's accession to the Abraham Accords would be announced soon. No date has been set.",
    body: "",
    type: "AGREEMENT_SIGNED",
    cameoCode: "057",
    date: null,
    occurrence: "SCHEDULED",
    agreementSlug: "abraham-accords",
    participants: [{ role: "SIGNATORY", countryId: "KZ" }],
    sources: [AA("signing ceremony to be announced"), CNN("signing ceremony to be announced")],
  },
];

export interface DemoStatement {
  slug: string;
  title: string;
  text: string;
  language: string;
  speakerSlug?: string;
  speakerLabel?: string;
  speakerTitle?: string;
  attribution: Attribution;
  medium: StatementMedium;
  platform?: string;
  quoteType: QuoteType;
  saidOn: string;
  eventSlug?: string;
  context?: string;
  countries: string[];
  topics?: string[];
  sources: DemoSource[];
}

export const demoStatements: DemoStatement[] = [
  {
    slug: "trump-kazakhstan-first-of-many",
    title: "Trump: Kazakhstan is “the first Country of my Second Term to join the Abraham Accords”",
    text: "the first Country of my Second Term to join the Abraham Accords, the first of many",
    language: "en",
    speakerSlug: "donald-trump",
    speakerTitle: "President of the United States",
    attribution: "ON_RECORD",
    medium: "SOCIAL_POST",
    platform: "Truth Social",
    quoteType: "PARTIAL",
    saidOn: "2025-11-06",
    eventSlug: "kazakhstan-to-join-the-abraham-accords",
    context: "Posted after a call with Benjamin Netanyahu and Kassym-Jomart Tokayev; the post also said a signing ceremony would be announced soon.",
    countries: ["US", "KZ"],
    topics: ["normalization"],
    sources: [AA("Truth Social post on Kazakhstan"), TASS("Truth Social post on Kazakhstan"), CNN("Truth Social post on Kazakhstan"), AXIOS("Truth Social post on Kazakhstan")],
  },
  {
    slug: "kazakhstan-natural-and-logical-continuation",
    title: "Kazakhstan: joining the Accords is “a natural and logical continuation” of its foreign policy",
    text: "a natural and logical continuation … based on dialogue, mutual respect, and regional stability",
    language: "en",
    speakerLabel: "Ministry of Foreign Affairs of Kazakhstan",
    attribution: "ON_RECORD",
    medium: "OFFICIAL_STATEMENT",
    quoteType: "PARTIAL",
    saidOn: "2025-11-07",
    eventSlug: "kazakhstan-to-join-the-abraham-accords",
    context: "The government described joining the Abraham Accords as a natural and logical continuation of its foreign policy.",
    countries: ["KZ"],
    topics: ["normalization"],
    sources: [REUTERS("Kazakhstan's statement on the Abraham Accords"), QAZINFORM("foreign ministry statement")],
  },
  {
    slug: "rubio-enhanced-relationship",
    title: "Rubio: an “enhanced relationship” with Kazakhstan, “beyond just diplomatic relations”",
    text: "enhanced relationship … beyond just diplomatic relations",
    language: "en",
    speakerSlug: "marco-rubio",
    speakerTitle: "Secretary of State",
    attribution: "ON_RECORD",
    medium: "REMARKS_TO_REPORTERS",
    quoteType: "PARTIAL",
    saidOn: "2025-11-06",
    eventSlug: "kazakhstan-to-join-the-abraham-accords",
    context: "Speaking to reporters, Rubio described special economic development and cooperation in defense, cybersecurity, energy and food technology. The exact wording is reported only in part.",
    countries: ["US", "KZ", "IL"],
    topics: ["defense", "cybersecurity", "energy", "food-technology"],
    sources: [CNN("Rubio on Kazakhstan and the Abraham Accords")],
  },
  {
    slug: "state-department-rubio-tokayev-readout",
    title: "State Department: Rubio and Tokayev discussed trade, investment, energy, technology and infrastructure",
    text: "Secretary Rubio and President Tokayev discussed trade, investment, energy, technology and infrastructure.",
    language: "en",
    speakerLabel: "United States Department of State",
    attribution: "SPOKESPERSON",
    medium: "READOUT",
    quoteType: "PARAPHRASE",
    saidOn: "2025-11-06",
    eventSlug: "rubio-meets-tokayev",
    countries: ["US", "KZ"],
    topics: ["trade", "investment", "energy", "technology", "infrastructure"],
    sources: [KURSIV("Tokayev meets Rubio"), GULF_OBSERVER("Rubio–Tokayev meeting")],
  },
];
