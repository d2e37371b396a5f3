/**
 * The demo record: Kazakhstan's accession to the Abraham Accords and the story
 * around it, checked fact by fact against its sources. Every source is an article
 * (often a syndicated copy, and titled so) or, where no article is known, a
 * publisher's home page titled as such. Nothing here is more precise or more
 * certain than its sources: dates carry the precision they are known to, and what
 * the sources leave open is recorded as unconfirmed. Statements hold only words a
 * source prints as someone's (lib/seed/seed-quotes.ts lists them); a reporter's
 * paraphrase is an event's summary or body, attributed.
 *
 * `load-demo.ts` converges a database to this record; bump DEMO_RECORD_VERSION
 * when changing it, and give an already-published item a `correction` note that
 * says what changed.
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

export const DEMO_RECORD_VERSION = 2;

export interface DemoSource {
  url: string;
  title: string;
  publisher: string;
  /** YYYY-MM-DD, only where the page gives it. */
  publishedOn?: string;
  archiveUrl?: string;
}

/** A publisher's front page, for facts whose article is not known: said so in the title. */
const homePage = (publisher: string, url: string): DemoSource => ({ publisher, url, title: `${publisher} (home page; the article is not known)` });

// ───────────── articles (verified copies) ─────────────

const EPOCH_KZ: DemoSource = {
  url: "https://californiainsider.com/news/kazakhstan-to-join-abraham-accords-5941149",
  title: "Kazakhstan to Join Abraham Accords, Trump Announces (syndicated copy of The Epoch Times report)",
  publisher: "The Epoch Times (via California Insider)",
  publishedOn: "2025-11-06",
};
const TASS_KZ: DemoSource = {
  url: "https://tass.com/world/2040305",
  title: "TASS report of Trump's Truth Social post on Kazakhstan and the Abraham Accords (dated 7 November 2025, Moscow time)",
  publisher: "TASS",
  publishedOn: "2025-11-07",
};
const CNN_KZ: DemoSource = {
  url: "https://kioncentralcoast.com/?p=1230901",
  title: "Kazakhstan will join Abraham Accords, Trump announces (syndicated copy of the CNN report)",
  publisher: "CNN (via KION News Channel 5/46)",
};
const AP_KZ: DemoSource = {
  url: "https://www.boston25news.com/news/world/kazakhstan-will-join/2HWTLTF6AM223O6GNDMR5AN2QE/",
  title: "Kazakhstan will join the Abraham Accords with Israel in symbolic move to boost Trump initiative (syndicated copy of the AP report)",
  publisher: "Associated Press (via Boston 25 News)",
  publishedOn: "2025-11-06",
};
const WION_KZ: DemoSource = {
  url: "https://www.wionews.com/world/-blessed-are-the-peacemakers-trump-announces-expansion-of-abraham-accords-to-normalise-ties-with-israel-says-kazakhstan-will-join-it-1762476791894",
  title: "‘Blessed are the peacemakers’: Trump announces expansion of Abraham Accords to normalise ties with Israel, says Kazakhstan will join it",
  publisher: "WION",
  publishedOn: "2025-11-07",
};
const REUTERS_KZ: DemoSource = {
  url: "https://uzalendonews.co.ke/trump-announces-kazakhstan-to-join-abraham-accords-expanding-israels-regional-ties",
  title: "Trump announces Kazakhstan to join Abraham Accords, expanding Israel's regional ties (syndicated copy of the Reuters report)",
  publisher: "Reuters (via Uzalendo News)",
};
const GULF_OBSERVER_KZ: DemoSource = {
  url: "https://thegulfobserver.com/tokayev-meets-trump-signs-mou-on-critical-minerals-cooperation",
  title: "Tokayev Meets Trump, Signs MoU on Critical Minerals Cooperation (citing the Akorda press service)",
  publisher: "The Gulf Observer",
};
const TOI_KZ: DemoSource = {
  url: "https://www.timesofisrael.com/kazakhstan-which-already-has-relations-with-israel-to-join-abraham-accords/",
  title: "Kazakhstan, which already has relations with Israel, to join Abraham Accords",
  publisher: "The Times of Israel",
};
const AA_KZ: DemoSource = {
  url: "https://www.aa.com.tr/en/americas/trump-says-kazakhstan-has-agreed-to-join-abraham-accords/3737253",
  title: "Trump says Kazakhstan has agreed to join Abraham Accords",
  publisher: "Anadolu Agency",
};
const KZ_EMBASSY: DemoSource = {
  url: "https://web.archive.org/web/20061006230723/http://www.kazakhemb.org.il/Kazakhstan-Israel-eng.html",
  title: "About the Kazakhstan–Israeli relations (Embassy of Kazakhstan in Israel; archived copy of 6 October 2006)",
  publisher: "Embassy of the Republic of Kazakhstan in the State of Israel",
};
const KAPITAL_KZ: DemoSource = {
  url: "https://kapital.kz/gosudarstvo/27073/kazakhstan-zainteresovan-v-sotrudnichestve-s-izrailem.html",
  title: "Казахстан заинтересован в сотрудничестве с Израилем (Kazakhstan is interested in cooperation with Israel)",
  publisher: "kapital.kz",
};
const JNS_SIGNING: DemoSource = {
  url: "https://jewishworldnews.org/uae-and-bahrain-officially-ink-ties-with-israel/",
  title: "UAE and Bahrain officially ink ties with Israel (syndicated copy of the JNS report)",
  publisher: "JNS (via Jewish World News)",
};
const BFP_SIGNING: DemoSource = {
  url: "https://www.bridgesforpeace.com/history-made-israel-uae-bahrain-sign-landmark-peace-deal/",
  title: "History Made: Israel, UAE, Bahrain Sign Landmark Peace Deal",
  publisher: "Bridges for Peace",
  publishedOn: "2020-09-16",
};
const RUSTAVI2_SIGNING: DemoSource = {
  url: "https://rustavi2.ge/en/news/175686",
  title: "Agreements signed to normalize relations between Israel, UAE and Bahrain",
  publisher: "Rustavi2",
  publishedOn: "2020-09-28",
};
const AP_SUDAN_SIGNING: DemoSource = {
  url: "http://oklahoman.com/article/feed/10186619/us-treasury-chief-visits-sudan-after-ending-pariah-status",
  title: "Sudan says it signed ‘Abraham Accords’ with US (syndicated copy of the AP report)",
  publisher: "Associated Press (via The Oklahoman)",
  publishedOn: "2021-01-06",
};
const ALARABIYA_SUDAN: DemoSource = {
  url: "https://english.alarabiya.net/en/News/middle-east/2021/01/06/US-Sudan-sign-Abraham-Accords-normalizing-ties-with-Israel-US-embassy-",
  title: "US, Sudan sign Abraham Accords normalizing ties with Israel: US embassy",
  publisher: "Al Arabiya",
  publishedOn: "2021-01-06",
};
const DEFENCEWEB_SUDAN: DemoSource = {
  url: "https://www.defenceweb.co.za/governance/governance-governance/sudan-quietly-signs-abraham-accords-weeks-after-israel-deal/",
  title: "Sudan quietly signs Abraham Accords weeks after Israel deal (Reuters report)",
  publisher: "defenceWeb (Reuters)",
};
const OMAN_OBSERVER_RABAT: DemoSource = {
  url: "https://www.omanobserver.om/us-israeli-delegation-signs-deals-in-morocco/",
  title: "US-Israeli delegation signs deals in Morocco (AFP report)",
  publisher: "Oman Observer (AFP)",
  publishedOn: "2020-12-23",
};
const wiki = (article: string): DemoSource => ({
  publisher: "Wikipedia",
  url: `https://en.wikipedia.org/wiki/${encodeURIComponent(article.replaceAll(" ", "_"))}`,
  title: `Wikipedia: ${article}`,
});
const MOROCCO_WIKI = wiki("Israel–Morocco normalization agreement");
const BAHRAIN_WIKI = wiki("Bahrain–Israel normalization agreement");
const ILKZ_WIKI = wiki("Israel–Kazakhstan relations");

// ───────────── publishers whose article is not known ─────────────

const HAMODIA = homePage("Hamodia", "https://hamodia.com/");
const AP_HOME = homePage("Associated Press", "https://apnews.com/");
const VOA = homePage("Voice of America", "https://www.voanews.com/");
const AXIOS = homePage("Axios", "https://www.axios.com/");
const QAZINFORM = homePage("Qazinform", "https://qazinform.com/");
const KURSIV = homePage("Kursiv (citing the Akorda press service)", "https://kursiv.media/");

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

export interface DemoOffice {
  title: string;
  countryId?: string;
  organizationSlug?: string;
  /** YYYY-MM-DD (the first of the month or year below DAY precision); null when not known. */
  start: string | null;
  startPrecision?: DatePrecision;
  /** Null while the office is held. */
  end: string | null;
  endPrecision?: DatePrecision;
}

export interface DemoPerson {
  slug: string;
  name: string;
  countryId: string;
  wikidataId?: string;
  offices: DemoOffice[];
}

export const demoPeople: DemoPerson[] = [
  {
    slug: "donald-trump",
    name: "Donald Trump",
    countryId: "US",
    wikidataId: "Q22686",
    offices: [
      { title: "President of the United States", countryId: "US", start: "2017-01-20", end: "2021-01-20" },
      { title: "President of the United States", countryId: "US", start: "2025-01-20", end: null },
    ],
  },
  {
    slug: "benjamin-netanyahu",
    name: "Benjamin Netanyahu",
    countryId: "IL",
    wikidataId: "Q43723",
    offices: [
      { title: "Prime Minister of Israel", countryId: "IL", start: "1996-06-18", end: "1999-07-06" },
      { title: "Prime Minister of Israel", countryId: "IL", start: "2009-03-31", end: "2021-06-13" },
      { title: "Prime Minister of Israel", countryId: "IL", start: "2022-12-29", end: null },
    ],
  },
  {
    slug: "kassym-jomart-tokayev",
    name: "Kassym-Jomart Tokayev",
    countryId: "KZ",
    offices: [{ title: "President of Kazakhstan", countryId: "KZ", start: "2019-03-20", end: null }],
  },
  {
    slug: "marco-rubio",
    name: "Marco Rubio",
    countryId: "US",
    offices: [{ title: "Secretary of State", countryId: "US", organizationSlug: "us-department-of-state", start: "2025-01-21", end: null }],
  },
  {
    slug: "abdullah-bin-zayed",
    name: "Abdullah bin Zayed Al Nahyan",
    countryId: "AE",
    offices: [{ title: "Minister of Foreign Affairs of the United Arab Emirates", countryId: "AE", start: "2006-02-01", startPrecision: "MONTH", end: null }],
  },
  {
    slug: "abdullatif-al-zayani",
    name: "Abdullatif bin Rashid Al Zayani",
    countryId: "BH",
    offices: [{ title: "Minister of Foreign Affairs of Bahrain", countryId: "BH", start: "2020-02-01", startPrecision: "MONTH", end: null }],
  },
  {
    slug: "abdel-fattah-al-burhan",
    name: "Abdel Fattah al-Burhan",
    countryId: "SD",
    offices: [{ title: "Chairman of the Sovereignty Council of Sudan", countryId: "SD", start: "2019-08-21", end: null }],
  },
  {
    slug: "abdalla-hamdok",
    name: "Abdalla Hamdok",
    countryId: "SD",
    offices: [
      { title: "Prime Minister of Sudan", countryId: "SD", start: "2019-08-21", end: "2021-10-25" },
      { title: "Prime Minister of Sudan", countryId: "SD", start: "2021-11-21", end: "2022-01-02" },
    ],
  },
  {
    slug: "nasredeen-abdulbari",
    name: "Nasredeen Abdulbari",
    countryId: "SD",
    offices: [
      { title: "Minister of Justice of Sudan", countryId: "SD", start: "2019-09-01", startPrecision: "MONTH", end: "2021-10-01", endPrecision: "MONTH" },
    ],
  },
  {
    slug: "steven-mnuchin",
    name: "Steven Mnuchin",
    countryId: "US",
    offices: [{ title: "Secretary of the Treasury", countryId: "US", start: "2017-02-13", end: "2021-01-20" }],
  },
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
  {
    slug: "c5-plus-1",
    name: "C5+1",
    acronym: "C5+1",
    kind: "OTHER",
    members: ["KZ", "KG", "TJ", "TM", "UZ", "US"],
    description: "Diplomatic format of the five Central Asian states and the United States.",
  },
  { slug: "us-department-of-state", name: "United States Department of State", acronym: "State Department", kind: "GOVERNMENT_BODY", countryId: "US" },
  { slug: "kazakhstan-ministry-of-foreign-affairs", name: "Ministry of Foreign Affairs of Kazakhstan", kind: "GOVERNMENT_BODY", countryId: "KZ" },
];

export interface DemoTreatyAction {
  countryId: string;
  type: TreatyActionType;
  date: string | null;
  precision?: DatePrecision;
  note?: string;
  /** What the sources leave open about this step; shown to readers as unconfirmed. */
  unconfirmedNote?: string;
  /** For JOINED_THROUGH_RELATED_INSTRUMENT: the instrument it joined through. */
  viaAgreementSlug?: string;
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

export const demoAgreements: DemoAgreement[] = [
  {
    slug: "abraham-accords",
    name: "Abraham Accords",
    kind: "DECLARATION",
    summary:
      "The Abraham Accords Declaration, signed at the White House on 15 September 2020, and the normalization agreements between Israel and Arab and Muslim-majority states that followed it.",
    concludedOn: "2020-09-15",
    sources: [JNS_SIGNING, BFP_SIGNING, RUSTAVI2_SIGNING, HAMODIA],
    actions: [
      { countryId: "AE", type: "INTENT_ANNOUNCED", date: "2020-08-13", eventSlug: "uae-israel-normalization-announced", sources: [JNS_SIGNING] },
      { countryId: "AE", type: "SIGNATURE", date: "2020-09-15", eventSlug: "abraham-accords-signed-at-the-white-house", sources: [JNS_SIGNING, BFP_SIGNING] },
      { countryId: "IL", type: "SIGNATURE", date: "2020-09-15", eventSlug: "abraham-accords-signed-at-the-white-house", sources: [JNS_SIGNING, BFP_SIGNING] },
      { countryId: "BH", type: "INTENT_ANNOUNCED", date: "2020-09-11", eventSlug: "bahrain-israel-normalization-announced", sources: [JNS_SIGNING, BAHRAIN_WIKI] },
      { countryId: "BH", type: "SIGNATURE", date: "2020-09-15", eventSlug: "abraham-accords-signed-at-the-white-house", sources: [JNS_SIGNING, RUSTAVI2_SIGNING] },
      { countryId: "SD", type: "INTENT_ANNOUNCED", date: "2020-10-23", eventSlug: "sudan-israel-normalization-announced", sources: [AP_SUDAN_SIGNING, DEFENCEWEB_SUDAN, AP_HOME, VOA] },
      {
        countryId: "SD",
        type: "SIGNATURE",
        date: "2021-01-06",
        eventSlug: "sudan-signs-abraham-accords-declaration",
        sources: [AP_SUDAN_SIGNING, ALARABIYA_SUDAN, DEFENCEWEB_SUDAN],
      },
      { countryId: "MA", type: "INTENT_ANNOUNCED", date: "2020-12-10", eventSlug: "morocco-israel-normalization-announced", sources: [MOROCCO_WIKI, OMAN_OBSERVER_RABAT] },
      {
        countryId: "MA",
        type: "JOINED_THROUGH_RELATED_INSTRUMENT",
        date: "2020-12-22",
        viaAgreementSlug: "us-israel-morocco-joint-declaration",
        eventSlug: "us-israel-morocco-joint-declaration-signed",
        note: "Morocco normalized relations with Israel through the US–Israel–Morocco Joint Declaration, signed in Rabat.",
        unconfirmedNote: "Whether Morocco signed the Abraham Accords Declaration text itself is not confirmed by the sources.",
        sources: [MOROCCO_WIKI, OMAN_OBSERVER_RABAT],
      },
      {
        countryId: "KZ",
        type: "INTENT_ANNOUNCED",
        date: "2025-11-06",
        eventSlug: "kazakhstan-to-join-the-abraham-accords",
        note: "Announced on 6 November 2025, US time (TASS dates it 7 November, Moscow time). A signing ceremony was promised “soon”.",
        sources: [EPOCH_KZ, CNN_KZ, TASS_KZ, AA_KZ],
      },
    ],
  },
  {
    slug: "israel-uae-treaty-of-peace",
    name: "Abraham Accords Peace Agreement: Treaty of Peace, Diplomatic Relations and Full Normalization between the United Arab Emirates and the State of Israel",
    kind: "TREATY",
    summary: "The treaty of peace between the United Arab Emirates and Israel, signed at the White House with the Abraham Accords Declaration.",
    concludedOn: "2020-09-15",
    parentSlug: "abraham-accords",
    sources: [BFP_SIGNING, RUSTAVI2_SIGNING],
    actions: [
      { countryId: "AE", type: "SIGNATURE", date: "2020-09-15", eventSlug: "abraham-accords-signed-at-the-white-house", sources: [BFP_SIGNING, RUSTAVI2_SIGNING] },
      { countryId: "IL", type: "SIGNATURE", date: "2020-09-15", eventSlug: "abraham-accords-signed-at-the-white-house", sources: [BFP_SIGNING, RUSTAVI2_SIGNING] },
    ],
  },
  {
    slug: "bahrain-israel-declaration-of-peace",
    name: "Abraham Accords: Declaration of Peace, Cooperation, and Constructive Diplomatic and Friendly Relations (Bahrain–Israel)",
    kind: "DECLARATION",
    summary: "Bahrain's declaration of peace with Israel, signed at the White House on 15 September 2020.",
    concludedOn: "2020-09-15",
    parentSlug: "abraham-accords",
    sources: [BAHRAIN_WIKI, RUSTAVI2_SIGNING],
    actions: [
      { countryId: "BH", type: "SIGNATURE", date: "2020-09-15", eventSlug: "abraham-accords-signed-at-the-white-house", sources: [BAHRAIN_WIKI, RUSTAVI2_SIGNING] },
      { countryId: "IL", type: "SIGNATURE", date: "2020-09-15", eventSlug: "abraham-accords-signed-at-the-white-house", sources: [BAHRAIN_WIKI, RUSTAVI2_SIGNING] },
    ],
  },
  {
    slug: "us-israel-morocco-joint-declaration",
    name: "Joint Declaration of the United States, Israel and Morocco",
    kind: "JOINT_DECLARATION",
    summary: "The joint declaration on the normalization of relations between Morocco and Israel, signed in Rabat on 22 December 2020.",
    concludedOn: "2020-12-22",
    parentSlug: "abraham-accords",
    sources: [MOROCCO_WIKI, OMAN_OBSERVER_RABAT],
    actions: ["MA", "IL", "US"].map((countryId) => ({
      countryId,
      type: "SIGNATURE" as const,
      date: "2020-12-22",
      eventSlug: "us-israel-morocco-joint-declaration-signed",
      sources: [MOROCCO_WIKI, OMAN_OBSERVER_RABAT],
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
  /** "c. 1995": the sources give the date only roughly ("the mid-1990s"). */
  dateApproximate?: boolean;
  /** Position among the same day's events (1, 2, …). */
  dayOrder?: number;
  occurrence?: Occurrence;
  placeName?: string;
  countryId?: string;
  agreementSlug?: string;
  parentSlug?: string;
  /** Events this one led to (each reads "followed from" this one). */
  ledTo?: string[];
  unconfirmedNote?: string;
  topics?: string[];
  participants: DemoParticipant[];
  sources: DemoSource[];
  /** Public correction note when a database holds an earlier, published version. */
  correction?: string;
}

const CHECKED = "Checked against the sources:";

export const demoEvents: DemoEvent[] = [
  {
    slug: "israel-kazakhstan-establish-diplomatic-relations",
    title: "Israel and Kazakhstan establish diplomatic relations",
    summary: "Israel and Kazakhstan established diplomatic relations on 10 April 1992.",
    body: "Israel opened its embassy in Kazakhstan in August 1992, and Kazakhstan's embassy in Israel opened in May 1996. The two countries signed bilateral agreements in several areas in the mid-1990s.",
    type: "RELATIONS_ESTABLISHED",
    cameoCode: "054",
    date: "1992-04-10",
    participants: [
      { role: "PARTICIPANT", countryId: "IL" },
      { role: "PARTICIPANT", countryId: "KZ" },
    ],
    sources: [KZ_EMBASSY, ILKZ_WIKI, KAPITAL_KZ],
    correction: `${CHECKED} no place is given for the establishment of relations, so Kazakhstan is no longer named as the place; article sources replace publishers' home pages.`,
  },
  {
    slug: "israel-opens-embassy-in-kazakhstan",
    title: "Israel opens its embassy in Kazakhstan",
    summary: "Israel opened its embassy in Kazakhstan in August 1992, four months after the two countries established diplomatic relations.",
    body: "",
    type: "DIPLOMATIC_COOPERATION",
    cameoCode: "050",
    date: "1992-08-01",
    datePrecision: "MONTH",
    countryId: "KZ",
    participants: [
      { role: "PARTICIPANT", countryId: "IL" },
      { role: "PARTICIPANT", countryId: "KZ" },
    ],
    sources: [KZ_EMBASSY, ILKZ_WIKI],
    correction: `${CHECKED} opening an embassy is diplomatic cooperation (CAMEO 050), not sharing information (064), and neither country was a visitor or host.`,
  },
  {
    slug: "kazakhstan-opens-embassy-in-israel",
    title: "Kazakhstan opens its embassy in Israel",
    summary: "Kazakhstan's embassy in Israel opened in May 1996.",
    body: "In the embassy's own words: “Consulate, and then the Embassy of Kazakhstan in Israel started functioning in May 1996.”",
    type: "DIPLOMATIC_COOPERATION",
    cameoCode: "050",
    date: "1996-05-01",
    datePrecision: "MONTH",
    countryId: "IL",
    participants: [
      { role: "PARTICIPANT", countryId: "KZ" },
      { role: "PARTICIPANT", countryId: "IL" },
    ],
    sources: [KZ_EMBASSY, ILKZ_WIKI],
    correction: `${CHECKED} opening an embassy is diplomatic cooperation (CAMEO 050), not sharing information (064), and neither country was a visitor or host.`,
  },
  {
    slug: "israel-kazakhstan-bilateral-agreements-mid-1990s",
    title: "Israel and Kazakhstan sign bilateral cooperation agreements",
    summary: "In the mid-1990s Israel and Kazakhstan signed bilateral agreements in several areas of cooperation.",
    body:
      "The Kazakh embassy in Israel lists agreements signed during the two countries' visits of 1992–1995: on a joint governmental commission, telecommunications, air communication, science and technology, culture, tourism, and consultations between the foreign ministries.\n\n" +
      "On 6 November 2025 AP reported that the areas of enhanced Israeli–Kazakh cooperation named by a US official — defense, cybersecurity, energy and food technology — “have been subjects of previous bilateral agreements dating back to the mid-1990s”.",
    type: "AGREEMENT_SIGNED",
    cameoCode: "057",
    date: "1995-01-01",
    datePrecision: "YEAR",
    dateApproximate: true,
    unconfirmedNote: "No source gives the agreements' exact dates: the embassy places them in the visits of 1992–1995, AP in “the mid-1990s”.",
    participants: [
      { role: "SIGNATORY", countryId: "IL" },
      { role: "SIGNATORY", countryId: "KZ" },
    ],
    sources: [KZ_EMBASSY, AP_KZ],
  },
  {
    slug: "uae-israel-normalization-announced",
    title: "The UAE and Israel announce the normalization of relations",
    summary: "The United Arab Emirates and Israel agreed on 13 August 2020 to normalize their relations.",
    body: "The accord they signed at the White House on 15 September 2020 was, in JNS's words, “verbally agreed upon on Aug. 13”.",
    type: "INTENT_ANNOUNCED",
    cameoCode: "032",
    date: "2020-08-13",
    agreementSlug: "abraham-accords",
    ledTo: ["abraham-accords-signed-at-the-white-house"],
    topics: ["normalization"],
    participants: [
      { role: "PARTICIPANT", countryId: "AE" },
      { role: "PARTICIPANT", countryId: "IL" },
    ],
    sources: [JNS_SIGNING, HAMODIA],
    correction: `${CHECKED} the United States is no longer described as the broker, which the sources cited do not say; the CAMEO code is 032 (intent to provide diplomatic cooperation), not 031.`,
  },
  {
    slug: "bahrain-israel-normalization-announced",
    title: "Bahrain and Israel announce the normalization of relations",
    summary: "The normalization of relations between Bahrain and Israel was announced by the US president on 11 September 2020.",
    body: "",
    type: "INTENT_ANNOUNCED",
    cameoCode: "032",
    date: "2020-09-11",
    agreementSlug: "abraham-accords",
    ledTo: ["abraham-accords-signed-at-the-white-house"],
    topics: ["normalization"],
    participants: [
      { role: "ANNOUNCER", countryId: "US" },
      { role: "PARTICIPANT", countryId: "BH" },
      { role: "PARTICIPANT", countryId: "IL" },
    ],
    sources: [BAHRAIN_WIKI, JNS_SIGNING],
    correction: `${CHECKED} the United States announced the agreement (it is no longer called a mediator); the CAMEO code is 032, not 031.`,
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
    sources: [JNS_SIGNING, BFP_SIGNING, RUSTAVI2_SIGNING, HAMODIA],
  },
  {
    slug: "sudan-israel-normalization-announced",
    title: "Sudan and Israel announce the normalization of relations",
    summary:
      "The US president announced on 23 October 2020 that Sudan and Israel would normalize relations, after a call with Sudan's Abdel Fattah al-Burhan and Abdalla Hamdok and Israel's Benjamin Netanyahu.",
    body: "",
    type: "INTENT_ANNOUNCED",
    cameoCode: "032",
    date: "2020-10-23",
    agreementSlug: "abraham-accords",
    ledTo: ["sudan-signs-abraham-accords-declaration"],
    topics: ["normalization"],
    participants: [
      { role: "ANNOUNCER", countryId: "US" },
      { role: "ANNOUNCER", personSlug: "donald-trump" },
      { role: "PARTICIPANT", countryId: "SD" },
      { role: "PARTICIPANT", countryId: "IL" },
      { role: "PARTICIPANT", personSlug: "abdel-fattah-al-burhan" },
      { role: "PARTICIPANT", personSlug: "abdalla-hamdok" },
      { role: "PARTICIPANT", personSlug: "benjamin-netanyahu" },
    ],
    sources: [AP_SUDAN_SIGNING, DEFENCEWEB_SUDAN, AP_HOME, VOA],
    correction: `${CHECKED} the CAMEO code is 032 (intent to provide diplomatic cooperation), not 031.`,
  },
  {
    slug: "morocco-israel-normalization-announced",
    title: "Morocco and Israel announce the normalization of relations",
    summary: "The United States announced on 10 December 2020 that Morocco and Israel had agreed to normalize relations.",
    body: "",
    type: "INTENT_ANNOUNCED",
    cameoCode: "032",
    date: "2020-12-10",
    agreementSlug: "abraham-accords",
    ledTo: ["us-israel-morocco-joint-declaration-signed"],
    topics: ["normalization"],
    participants: [
      { role: "ANNOUNCER", countryId: "US" },
      { role: "PARTICIPANT", countryId: "MA" },
      { role: "PARTICIPANT", countryId: "IL" },
    ],
    sources: [MOROCCO_WIKI, OMAN_OBSERVER_RABAT],
    correction: `${CHECKED} the CAMEO code is 032 (intent to provide diplomatic cooperation), not 031.`,
  },
  {
    slug: "us-israel-morocco-joint-declaration-signed",
    title: "The United States, Israel and Morocco sign a joint declaration in Rabat",
    summary: "The US–Israel–Morocco Joint Declaration was signed in Rabat on 22 December 2020, after a US–Israeli delegation met King Mohammed VI.",
    body: "Through this declaration Morocco normalized its relations with Israel. Whether Morocco also signed the Abraham Accords Declaration text itself is not confirmed by the sources.",
    type: "AGREEMENT_SIGNED",
    cameoCode: "057",
    date: "2020-12-22",
    placeName: "Rabat",
    countryId: "MA",
    agreementSlug: "us-israel-morocco-joint-declaration",
    topics: ["normalization"],
    participants: [
      { role: "HOST", countryId: "MA" },
      { role: "SIGNATORY", countryId: "MA" },
      { role: "SIGNATORY", countryId: "IL" },
      { role: "SIGNATORY", countryId: "US" },
    ],
    sources: [OMAN_OBSERVER_RABAT, MOROCCO_WIKI],
  },
  {
    slug: "sudan-signs-abraham-accords-declaration",
    title: "Sudan signs the Abraham Accords Declaration in Khartoum",
    summary:
      "Sudan's justice minister Nasredeen Abdulbari signed the Abraham Accords Declaration in Khartoum on 6 January 2021 with the visiting US Treasury secretary Steven Mnuchin.",
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
      { role: "SIGNATORY", countryId: "SD" },
      { role: "SIGNATORY", countryId: "US" },
      { role: "SIGNATORY", personSlug: "nasredeen-abdulbari" },
      { role: "SIGNATORY", personSlug: "steven-mnuchin" },
    ],
    sources: [AP_SUDAN_SIGNING, ALARABIYA_SUDAN, DEFENCEWEB_SUDAN],
    correction: `${CHECKED} the United States signed (Reuters: the accords were signed by Abdulbari “and visiting US Treasury Secretary Steve Mnuchin”); it is no longer shown as a visitor only.`,
  },
  {
    slug: "rubio-meets-tokayev",
    title: "Secretary of State Rubio meets President Tokayev",
    summary:
      "US secretary of state Marco Rubio met Kazakhstan's president Kassym-Jomart Tokayev in Washington on 6 November 2025. According to the State Department, they discussed expanding trade, investment, and cooperation in energy, technology, and infrastructure.",
    body:
      "The Kazakh president's office, as reported by The Gulf Observer, says Tokayev began his visit with this meeting, which other senior representatives of the US administration attended, and that the two sides focused on trade, energy and technology. AP reports that it took place ahead of the White House summit with the five Central Asian leaders.",
    type: "MEETING",
    cameoCode: "040",
    date: "2025-11-06",
    dayOrder: 1,
    placeName: "Washington, D.C.",
    countryId: "US",
    unconfirmedNote: "Whether the meeting was held over breakfast.",
    topics: ["trade", "investment", "energy", "technology", "infrastructure"],
    participants: [
      { role: "PARTICIPANT", personSlug: "marco-rubio" },
      { role: "PARTICIPANT", personSlug: "kassym-jomart-tokayev" },
      { role: "PARTICIPANT", countryId: "US" },
      { role: "PARTICIPANT", countryId: "KZ" },
    ],
    sources: [GULF_OBSERVER_KZ, AP_KZ, KURSIV],
    correction: `${CHECKED} the State Department's account is a paraphrase, so it is now this meeting's summary rather than a statement; the sources do not say who hosted, so Rubio and Tokayev are participants.`,
  },
  {
    slug: "trump-netanyahu-tokayev-call",
    title: "Trump, Netanyahu and Tokayev hold a call on the Abraham Accords",
    summary:
      "The US president wrote on 6 November 2025 that he had “just held a great call” with Israel's prime minister Benjamin Netanyahu and Kazakhstan's president Kassym-Jomart Tokayev; in the same post he announced that Kazakhstan would join the Abraham Accords.",
    body: "",
    type: "PHONE_CALL",
    cameoCode: "041",
    date: "2025-11-06",
    dayOrder: 2,
    agreementSlug: "abraham-accords",
    ledTo: ["kazakhstan-to-join-the-abraham-accords"],
    participants: [
      { role: "PARTICIPANT", personSlug: "donald-trump" },
      { role: "PARTICIPANT", personSlug: "benjamin-netanyahu" },
      { role: "PARTICIPANT", personSlug: "kassym-jomart-tokayev" },
      { role: "PARTICIPANT", countryId: "US" },
      { role: "PARTICIPANT", countryId: "IL" },
      { role: "PARTICIPANT", countryId: "KZ" },
    ],
    sources: [CNN_KZ, EPOCH_KZ, WION_KZ, AA_KZ],
    correction: `${CHECKED} the sources say the three leaders held the call, not that Trump hosted it.`,
  },
  {
    slug: "kazakhstan-to-join-the-abraham-accords",
    title: "Kazakhstan announces it will join the Abraham Accords",
    summary:
      "Kazakhstan will join the Abraham Accords, the US president announced on Truth Social on Thursday 6 November 2025 after a call with Benjamin Netanyahu and Kassym-Jomart Tokayev; the Kazakh government confirmed it. A signing ceremony was promised “soon”.",
    body:
      "The US president wrote that he had “just held a great call” with Netanyahu and Tokayev, that Kazakhstan is “the first Country of my Second Term to join the Abraham Accords, the first of many”, and that a signing ceremony would be announced soon; “there are many more Countries trying to join this club of STRENGTH”. The Kazakh government called its anticipated accession “a natural and logical continuation” of its foreign policy.\n\n" +
      "Earlier that day three US officials, speaking to AP on condition of anonymity, said Kazakhstan's participation mattered because it would enhance bilateral trade and cooperation and showed Israel becoming less isolated. One said Trump's peace plan for Gaza had “completely changed the paradigm” and that many countries were now willing to “move toward the circle of peace”; the areas of enhanced Israeli–Kazakh cooperation would include defense, cybersecurity, energy and food technology, all of them, AP notes, subjects of bilateral agreements dating back to the mid-1990s.\n\n" +
      "AP calls the move largely symbolic: Kazakhstan has had diplomatic relations with Israel since 1992 and is much farther from Israel than Bahrain, Morocco, Sudan and the United Arab Emirates, which normalized relations with Israel as a result of joining the Accords.\n\n" +
      "TASS dates the announcement 7 November 2025, Moscow time.",
    type: "INTENT_ANNOUNCED",
    cameoCode: "032",
    date: "2025-11-06",
    dayOrder: 3,
    agreementSlug: "abraham-accords",
    ledTo: ["kazakhstan-abraham-accords-signing-ceremony"],
    topics: ["normalization"],
    participants: [
      { role: "ANNOUNCER", personSlug: "donald-trump" },
      { role: "ANNOUNCER", countryId: "US" },
      { role: "PARTICIPANT", countryId: "KZ" },
      { role: "PARTICIPANT", countryId: "IL" },
      { role: "PARTICIPANT", personSlug: "kassym-jomart-tokayev" },
    ],
    sources: [EPOCH_KZ, CNN_KZ, AP_KZ, TASS_KZ, WION_KZ, REUTERS_KZ, AA_KZ, TOI_KZ, AXIOS],
    correction: `${CHECKED} the CAMEO code is 032 (intent to provide diplomatic cooperation), not 036; the account now gives the unnamed US officials' remarks and AP's analysis that the move is largely symbolic, attributed.`,
  },
  {
    slug: "c5-plus-1-summit-at-the-white-house",
    title: "The United States hosts the C5+1 summit at the White House",
    summary:
      "The US president hosted the leaders of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan at the White House on the evening of 6 November 2025, shortly after announcing that Kazakhstan would join the Abraham Accords.",
    body: "At the summit Trump said more countries would join the Abraham Accords, some of the five Central Asian states among them, as reported by AP and by Reuters (via WION); the reports do not give his exact words.",
    type: "SUMMIT",
    cameoCode: "043",
    date: "2025-11-06",
    dayOrder: 4,
    placeName: "White House, Washington, D.C.",
    countryId: "US",
    participants: [
      { role: "HOST", countryId: "US" },
      { role: "HOST", personSlug: "donald-trump" },
      { role: "PARTICIPANT", countryId: "KZ" },
      { role: "PARTICIPANT", countryId: "KG" },
      { role: "PARTICIPANT", countryId: "TJ" },
      { role: "PARTICIPANT", countryId: "TM" },
      { role: "PARTICIPANT", countryId: "UZ" },
      { role: "PARTICIPANT", organizationSlug: "c5-plus-1" },
      { role: "PARTICIPANT", personSlug: "kassym-jomart-tokayev" },
    ],
    sources: [EPOCH_KZ, AA_KZ, AP_KZ, WION_KZ, REUTERS_KZ, QAZINFORM],
    correction: `${CHECKED} no source gives the summit's topics, so trade and energy are no longer listed; Trump's remark that more countries would join is now reported.`,
  },
  {
    slug: "kazakhstan-abraham-accords-signing-ceremony",
    title: "Signing ceremony for Kazakhstan's accession to the Abraham Accords",
    summary: "The US president wrote on 6 November 2025 that a signing ceremony to make Kazakhstan's joining of the Abraham Accords official would be announced soon. No date has been announced.",
    body: "",
    type: "AGREEMENT_SIGNED",
    cameoCode: "057",
    date: null,
    occurrence: "SCHEDULED",
    agreementSlug: "abraham-accords",
    participants: [{ role: "PARTICIPANT", countryId: "KZ" }],
    sources: [WION_KZ, EPOCH_KZ, AA_KZ],
    correction: `${CHECKED} the sources do not say who will sign, so Kazakhstan is listed as a participant.`,
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
  saidPrecision?: DatePrecision;
  eventSlug?: string;
  context?: string;
  countries: string[];
  topics?: string[];
  sources: DemoSource[];
  correction?: string;
}

export const demoStatements: DemoStatement[] = [
  {
    slug: "trump-kazakhstan-first-of-many",
    title: "Trump: Kazakhstan is “the first Country of my Second Term to join the Abraham Accords, the first of many”",
    text: "I just held a great call between Prime Minister Benjamin Netanyahu, of Israel, and President Kassym-Jomart Tokayev, of Kazakhstan. Kazakhstan is the first Country of my Second Term to join the Abraham Accords, the first of many. This is a major step forward in building bridges across the World. Today, more Nations are lining up to embrace Peace and Prosperity through my Abraham Accords. We will soon announce a Signing Ceremony to make it official, and there are many more Countries trying to join this club of STRENGTH.",
    language: "en",
    speakerSlug: "donald-trump",
    speakerTitle: "President of the United States",
    attribution: "ON_RECORD",
    medium: "SOCIAL_POST",
    platform: "Truth Social",
    quoteType: "PARTIAL",
    saidOn: "2025-11-06",
    eventSlug: "kazakhstan-to-join-the-abraham-accords",
    context:
      "Posted after his call with Benjamin Netanyahu and Kassym-Jomart Tokayev, shortly before the C5+1 summit. The capitalisation is as WION prints it; TASS prints the post in lower case. The post went on beyond these words.",
    countries: ["US", "KZ", "IL"],
    topics: ["normalization"],
    sources: [WION_KZ, CNN_KZ, EPOCH_KZ, TASS_KZ],
    correction: "Checked against the sources: the statement now gives the post as reported, including the “great call” and the “club of STRENGTH”.",
  },
  {
    slug: "kazakhstan-natural-and-logical-continuation",
    title: "Kazakhstan: joining the Accords is “a natural and logical continuation” of its foreign policy",
    text: "a natural and logical continuation … based on dialogue, mutual respect, and regional stability",
    language: "en",
    speakerLabel: "Government of Kazakhstan",
    attribution: "ON_RECORD",
    medium: "OFFICIAL_STATEMENT",
    quoteType: "PARTIAL",
    saidOn: "2025-11-07",
    eventSlug: "kazakhstan-to-join-the-abraham-accords",
    context: "The government's statement on Kazakhstan's anticipated accession to the Abraham Accords, as Reuters reports it.",
    countries: ["KZ"],
    topics: ["normalization"],
    sources: [REUTERS_KZ, QAZINFORM],
    correction: "Checked against the sources: Reuters attributes the statement to the Kazakh government.",
  },
  {
    slug: "rubio-enhanced-relationship",
    title: "Rubio: an “enhanced relationship” with Kazakhstan, “beyond just diplomatic relations”",
    text: "enhanced relationship beyond just diplomatic relations and having embassies in each other’s capitals … It is not just with Israel — it’s with all the other countries that are part of the accords, you’re now creating a partnership that brings special and unique economic development",
    language: "en",
    speakerSlug: "marco-rubio",
    speakerTitle: "Secretary of State",
    attribution: "ON_RECORD",
    medium: "REMARKS_TO_REPORTERS",
    quoteType: "PARTIAL",
    saidOn: "2025-11-06",
    eventSlug: "c5-plus-1-summit-at-the-white-house",
    context:
      "Rubio spoke to reporters during Trump's meeting with the Central Asian leaders, defending the significance of the agreement, CNN reports. The copy available breaks off after “economic development”; the areas of cooperation he named, as reported, were defense, cybersecurity, energy and food technology.",
    countries: ["US", "KZ", "IL"],
    topics: ["defense", "cybersecurity", "energy", "food-technology"],
    sources: [CNN_KZ],
    correction: "Checked against the sources: the statement now gives Rubio's fuller wording as CNN prints it, said during the C5+1 summit.",
  },
  {
    slug: "us-official-abraham-accords-club",
    title: "A US official: the Abraham Accords are “a club that many countries want to be a member of”",
    text: "This is going to show that the Abraham Accords is a club that many countries want to be a member of and it will be a step for turning the page on the war in Gaza and moving forward towards more peace and cooperation in the region.",
    language: "en",
    speakerLabel: "a US official (unnamed)",
    attribution: "ANONYMOUS",
    medium: "REMARKS_TO_REPORTERS",
    quoteType: "DIRECT",
    saidOn: "2025-11-01",
    saidPrecision: "MONTH",
    eventSlug: "kazakhstan-to-join-the-abraham-accords",
    context: "Said to Axios ahead of the announcement, by an official who was not named. TASS quotes the first part of it.",
    countries: ["US", "KZ", "IL"],
    topics: ["normalization"],
    sources: [AXIOS, TASS_KZ],
  },
];

/** Statements an earlier demo record published that no source backs as someone's words: retracted, with the reason. */
export const retiredDemoStatements: Array<{ slug: string; reason: string }> = [
  {
    slug: "state-department-rubio-tokayev-readout",
    reason:
      "Not a verbatim statement: the words were a paraphrase of the State Department's account, composed for the record. The paraphrase is now the summary of the meeting “Secretary of State Rubio meets President Tokayev”, attributed to the State Department.",
  },
];

export interface DemoRecord {
  version: number;
  topics: Array<{ slug: string; name: string }>;
  people: DemoPerson[];
  organizations: DemoOrganization[];
  agreements: DemoAgreement[];
  events: DemoEvent[];
  statements: DemoStatement[];
  retiredStatements: Array<{ slug: string; reason: string }>;
}

export const demoRecord: DemoRecord = {
  version: DEMO_RECORD_VERSION,
  topics: [...demoTopics],
  people: demoPeople,
  organizations: demoOrganizations,
  agreements: demoAgreements,
  events: demoEvents,
  statements: demoStatements,
  retiredStatements: retiredDemoStatements,
};
