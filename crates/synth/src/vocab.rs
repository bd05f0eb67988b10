//! The words stories are made of: an invented harbour-concession saga with its
//! cast, outlets, places and the kinds of event that happen in it.
//!
//! Templates are written with straight quotes and apostrophes and ` - ` for a
//! dash; outlets that set type turn them into “ ” ’ and —. Placeholders:
//! `{P}` a person, `{Q}` another person, `{R}` the first person's role, `{O}` an
//! organisation, `{L}` a place, `{T}` a project, `{N}` the event's number,
//! `{n}` a small number, and in sentence frames `{C}` the quotable clause and
//! `{W}` when it happened.

/// A kind of event and how it is told.
pub(crate) struct Kind {
    /// Starts the event ids of this kind.
    pub(crate) slug: &'static str,
    /// The event's title in timeline.toml.
    pub(crate) title: &'static str,
    /// How another event's relative date names this one ("after {np}").
    pub(crate) np: &'static str,
    /// The tag every event of the kind carries.
    pub(crate) tag: &'static str,
    /// The range of `{N}`, if the kind has a number; numbers over 999 get commas.
    pub(crate) number: Option<(i64, i64)>,
    /// How the articles say it happened: the quotable clause.
    pub(crate) clauses: [&'static str; 3],
}

pub(crate) const KINDS: &[Kind] = &[
    Kind {
        slug: "review",
        title: "{P} orders a review of {T}",
        np: "the review of {T}",
        tag: "politics",
        number: None,
        clauses: [
            "{P}, {R}, ordered a review of {T}",
            "a review of {T} was ordered by {P}",
            "{P} told reporters in {L} that {T} would be reviewed",
        ],
    },
    Kind {
        slug: "protest",
        title: "Protesters march in {L} against {T}",
        np: "the march in {L}",
        tag: "protest",
        number: Some((300, 60_000)),
        clauses: [
            "about {N} people marched through {L} to protest against {T}",
            "thousands of demonstrators, {N} by police estimates, filled the streets of {L}",
            "protesters gathered in {L} to denounce {T}",
        ],
    },
    Kind {
        slug: "contract",
        title: "{O} signs the contract for {T}",
        np: "the signing of the contract for {T}",
        tag: "finance",
        number: Some((5, 900)),
        clauses: [
            "{O} signed the contract for {T}, worth {N} million euros",
            "the contract for {T} was signed by {O} in {L}",
            "officials from {O} put their names to a {N} million euro deal for {T}",
        ],
    },
    Kind {
        slug: "resignation",
        title: "{P} resigns",
        np: "{P}'s resignation",
        tag: "politics",
        number: None,
        clauses: [
            "{P} stepped down as {R}",
            "{P} resigned after weeks of pressure over {T}",
            "{P}'s resignation was accepted by {Q}",
        ],
    },
    Kind {
        slug: "ruling",
        title: "A court in {L} rules on {T}",
        np: "the ruling on {T}",
        tag: "courts",
        number: None,
        clauses: [
            "a court in {L} ruled that {T} could go ahead",
            "judges in {L} declined to suspend {T}",
            "the court's decision on {T} was handed down in {L}",
        ],
    },
    Kind {
        slug: "vote",
        title: "{O} votes on {T}",
        np: "the vote on {T}",
        tag: "politics",
        number: Some((5, 320)),
        clauses: [
            "{O} approved {T} with {N} votes in favour",
            "members of {O} voted on {T}",
            "{T} cleared {O} by a margin of {N} votes",
        ],
    },
    Kind {
        slug: "meeting",
        title: "{P} meets {Q} in {L}",
        np: "the meeting in {L}",
        tag: "diplomacy",
        number: None,
        clauses: [
            "{P} met {Q} in {L} to discuss {T}",
            "{P} and {Q} held talks in {L}",
            "talks between {P} and {Q} on {T} took place in {L}",
        ],
    },
    Kind {
        slug: "arrests",
        title: "Police arrest suspects over {T}",
        np: "the arrests over {T}",
        tag: "investigation",
        number: Some((2, 45)),
        clauses: [
            "police arrested {N} people in connection with {T}",
            "{N} people were detained in {L} over {T}",
            "officers in {L} made {N} arrests linked to {T}",
        ],
    },
    Kind {
        slug: "report",
        title: "{O} publishes a report on {T}",
        np: "the report on {T}",
        tag: "investigation",
        number: Some((12, 480)),
        clauses: [
            "{O} published a {N}-page report on {T}",
            "a report by {O} found serious failings in {T}",
            "the findings of {O} on {T} were made public in {L}",
        ],
    },
    Kind {
        slug: "strike",
        title: "Dockworkers strike in {L}",
        np: "the strike in {L}",
        tag: "labour",
        number: Some((4, 96)),
        clauses: [
            "dockworkers in {L} walked out for {N} hours",
            "a strike over {T} halted work in {L} for {N} hours",
            "the dockworkers' union called a strike in {L}",
        ],
    },
    Kind {
        slug: "inquiry",
        title: "Prosecutors open an inquiry into {T}",
        np: "the inquiry into {T}",
        tag: "investigation",
        number: None,
        clauses: [
            "prosecutors in {L} opened an inquiry into {T}",
            "an investigation into {T} was launched by prosecutors",
            "{P} confirmed that prosecutors were examining {T}",
        ],
    },
    Kind {
        slug: "pledge",
        title: "{O} pledges money for {T}",
        np: "the pledge for {T}",
        tag: "finance",
        number: Some((1, 500)),
        clauses: [
            "{O} pledged {N} million euros for {T}",
            "{N} million euros were set aside for {T} by {O}",
            "{P} said {O} would spend {N} million euros on {T}",
        ],
    },
    Kind {
        slug: "statement",
        title: "{P} defends {T}",
        np: "the statement by {P}",
        tag: "politics",
        number: None,
        clauses: [
            "{P} defended {T} as \"the only serious option\"",
            "\"We have nothing to hide,\" {P} said of {T}",
            "{P} described {T} as \"a mistake we will not repeat\"",
        ],
    },
    Kind {
        slug: "election",
        title: "{P} is elected to lead {O}",
        np: "the election at {O}",
        tag: "politics",
        number: Some((20, 5_000)),
        clauses: [
            "{P} was elected to lead {O} with {N} votes",
            "members of {O} chose {P} as their new head",
            "{P} won the vote for the leadership of {O} by {N} votes",
        ],
    },
    Kind {
        slug: "works",
        title: "Work begins on {T}",
        np: "the start of work on {T}",
        tag: "port",
        number: None,
        clauses: [
            "construction work on {T} began in {L}",
            "the first crews started work on {T}",
            "{O} said work on {T} had started",
        ],
    },
    Kind {
        slug: "delay",
        title: "{T} is delayed",
        np: "the delay to {T}",
        tag: "port",
        number: Some((2, 36)),
        clauses: [
            "{T} was put back by {N} months",
            "{O} announced a delay of {N} months to {T}",
            "engineers told {P} that {T} would not be ready in time",
        ],
    },
];

/// Sentence frames around a clause `{C}` and its date `{W}`.
pub(crate) const FRAMES: &[&str] = &[
    "{W}, {C}.",
    "{W}, {C}.",
    "{C} {W}.",
    "{C} {W}, according to {O}.",
    "{C} {W}, officials said.",
    "{W}, {C}, a move critics called \"long overdue\".",
    "{C} {W} - a development {Q} described as \"deeply worrying\".",
    "According to people familiar with the matter, {C} {W}.",
    "{C} {W}, {Q} told reporters in {L}.",
    "{W}, {C}, two people present said.",
];

/// Sentences that carry no event, to pad an article out.
pub(crate) const FILLER: &[&str] = &[
    "The ministry did not respond to a request for comment.",
    "{O} declined to comment on the figures.",
    "Critics say the process has been opaque from the start.",
    "Residents of {L} have followed the affair closely for years.",
    "The port handles about {N} containers a week, according to {O}.",
    "\"Nobody here trusts the numbers any more,\" said a harbour pilot who asked not to be named.",
    "It was not immediately clear what the decision would mean for workers in {L}.",
    "{P}, {R}, has denied any wrongdoing.",
    "Shares in Costa Verde Holdings fell {n} per cent in early trading.",
    "The affair has dominated the front pages in {L} for months.",
    "Opposition lawmakers called for an independent audit - again.",
    "Several documents seen by this newspaper suggest otherwise.",
    "The harbour's café owners say trade has never been slower.",
    "{Q}, who has followed the case since it began, said the timetable looked \"ambitious at best\".",
    "Neither side has published the full text of the agreement.",
    "In {L}, few people expect the matter to be settled soon.",
    "{O} said it would study the details before deciding on its next step.",
    "The cost of {T} has risen every year since the project was first announced.",
    "A spokesperson for {O} said the company had \"always acted within the law\".",
    "Local fishermen say the works have already changed the currents near {L}.",
    "The government insists the project will create {N} jobs.",
    "It is the {n}th time this year that the port's management has been in the headlines.",
];

/// Headings some articles put between paragraphs.
pub(crate) const HEADINGS: &[&str] = &[
    "A long history",
    "What comes next",
    "Much speculation",
    "Money questions",
    "Reaction in the port",
    "Doubts remain",
    "The view from Brussels",
    "“We were not consulted”",
];

/// Where stories are filed from, for datelines.
pub(crate) const DATELINES: &[&str] = &[
    "Puerto Aldamar",
    "San Telmo",
    "Valparaíso",
    "Lisbon",
    "Brussels",
    "Geneva",
    "Montréal",
    "São Paulo",
];

pub(crate) const PLACES: &[&str] = &[
    "Puerto Aldamar",
    "San Telmo",
    "Valparaíso",
    "Lisbon",
    "Brussels",
    "Geneva",
    "Montréal",
    "São Paulo",
    "Kraków",
    "Zürich",
    "Punta Baja",
    "the capital",
    "Rotterdam",
    "Marseille",
    "Málaga",
    "Gdańsk",
];

pub(crate) const PROJECTS: &[&str] = &[
    "the second container terminal",
    "the dredging of the north channel",
    "the Aldamar rail link",
    "the new customs building",
    "the harbour wall repairs",
    "the desalination plant",
    "the fuel depot at Punta Baja",
    "the ferry concession",
    "the coastal motorway",
    "the free-trade zone",
    "the port's pension fund",
    "the lighthouse restoration",
    "the São Bento bridge",
    "the Île Verte wind farm",
    "the cruise pier",
    "the fish market relocation",
    "the concession contract",
    "the container scanner tender",
    "the shipyard sale",
    "the breakwater extension",
];

pub(crate) const ORGS: &[&str] = &[
    "the port authority",
    "Costa Verde Holdings",
    "the Ministry of Transport",
    "the national audit office",
    "the city council",
    "the Senate",
    "the dockworkers' union",
    "Banco Mercantil del Sur",
    "the European Investment Bank",
    "Société Générale des Travaux Maritimes",
    "the provincial government",
    "the transport committee",
    "Atlântica Logística",
    "the environmental agency",
    "Nordhavn Shipping",
    "the chamber of commerce",
];

pub(crate) const ROLES: &[&str] = &[
    "the transport minister",
    "the mayor of San Telmo",
    "the port authority's chief executive",
    "the head of the dockworkers' union",
    "a senior prosecutor",
    "the finance minister",
    "an opposition senator",
    "the chairman of Costa Verde Holdings",
    "a spokesperson for the port authority",
    "the environment minister",
    "the governor of the coastal province",
    "a former harbour master",
    "the president of the audit office",
    "a lawyer for the contractors",
    "the prime minister",
    "a city councillor",
];

pub(crate) const FIRST_NAMES: &[&str] = &[
    "José",
    "María",
    "Élodie",
    "François",
    "Zoë",
    "Søren",
    "Ayşe",
    "Łukasz",
    "Inês",
    "João",
    "Chloé",
    "Björn",
    "Renée",
    "Anaïs",
    "Mateus",
    "Ana",
    "Carlos",
    "Lucía",
    "Nuno",
    "Marta",
    "Tomás",
    "Helena",
    "Pedro",
    "Sofía",
    "Andrés",
    "Beatriz",
    "Rui",
    "Camille",
    "Jean-Luc",
    "Mariana",
    "Diego",
    "Raquel",
    "Hugo",
    "Clara",
    "Óscar",
    "Irene",
    "Felipe",
    "Teresa",
    "Martín",
    "Leonor",
    "Grégoire",
    "Aurélie",
    "Dmitri",
    "Ingrid",
    "Kwame",
    "Amara",
    "Priya",
    "Rafael",
];

pub(crate) const SURNAMES: &[&str] = &[
    "Núñez",
    "Ferreira",
    "Béranger",
    "Müller",
    "Østergaard",
    "Yılmaz",
    "Kowalski",
    "Gonçalves",
    "Moreau",
    "Lindqvist",
    "Alves",
    "Castillo",
    "Duarte",
    "Herrera",
    "Lefèvre",
    "Mendes",
    "Ortega",
    "Pereira",
    "Quintana",
    "Ramírez",
    "Sousa",
    "Tavares",
    "Valdés",
    "Vidal",
    "Zamora",
    "Aguilar",
    "Barros",
    "Campos",
    "Delgado",
    "Esteves",
    "Fontaine",
    "Garrido",
    "Ibáñez",
    "Jiménez",
    "Lacroix",
    "Machado",
    "Navarro",
    "Oliveira",
    "Pinto",
    "Rocha",
    "Salgado",
    "Torres",
    "Urquiza",
    "Vasconcelos",
    "Weber",
    "Xavier",
    "Young",
    "Zúñiga",
    "Abreu",
    "Brandão",
    "Cardoso",
    "Dubois",
    "Estrada",
    "Falcão",
    "Guerra",
    "Henriques",
    "Iglesias",
    "Jardim",
    "Klein",
    "Lobo",
];

/// An outlet: its name as the article gives it (`None`: not named), the word
/// its source ids start with, its web domain, and whether it sets type.
pub(crate) struct Outlet {
    pub(crate) name: Option<&'static str>,
    pub(crate) slug: &'static str,
    pub(crate) domain: &'static str,
    pub(crate) typographic: bool,
}

const fn outlet(
    name: Option<&'static str>,
    slug: &'static str,
    domain: &'static str,
    typographic: bool,
) -> Outlet {
    Outlet {
        name,
        slug,
        domain,
        typographic,
    }
}

pub(crate) const OUTLETS: &[Outlet] = &[
    outlet(
        Some("The Aldamar Herald"),
        "herald",
        "aldamarherald.example",
        true,
    ),
    outlet(Some("Costa Verde Wire"), "wire", "cvwire.example", false),
    outlet(
        Some("Le Courrier du Port"),
        "courrier",
        "courrierduport.example",
        true,
    ),
    outlet(
        Some("Diário do Atlântico"),
        "diario",
        "diarioatlantico.example",
        true,
    ),
    outlet(
        Some("The Morning Ledger"),
        "ledger",
        "morningledger.example",
        false,
    ),
    outlet(
        Some("Harbour & Shipping Weekly"),
        "weekly",
        "harbourweekly.example",
        true,
    ),
    outlet(
        Some("Nordisk Økonomi"),
        "okonomi",
        "nordiskokonomi.example",
        true,
    ),
    outlet(
        Some("The Coastal Times"),
        "times",
        "coastaltimes.example",
        false,
    ),
    outlet(
        Some("Radio San Telmo"),
        "radio",
        "radiosantelmo.example",
        false,
    ),
    outlet(
        Some("El Observador Marítimo"),
        "observador",
        "observador.example",
        true,
    ),
    outlet(
        Some("Global Trade Review"),
        "review",
        "gtreview.example",
        false,
    ),
    outlet(
        Some("The Evening Post"),
        "post",
        "eveningpost.example",
        true,
    ),
    outlet(None, "dispatch", "news.example", false),
    outlet(None, "report", "reports.example", true),
    outlet(None, "brief", "briefs.example", false),
];

pub(crate) const TAGS: &[&str] = &[
    "port",
    "politics",
    "courts",
    "labour",
    "finance",
    "protest",
    "environment",
    "investigation",
    "diplomacy",
    "milestone",
    "background",
    "transport",
    "corruption",
];

/// Summaries some events carry.
pub(crate) const SUMMARIES: &[&str] = &[
    "{P}'s office later disputed parts of this account.",
    "Part of the long dispute over {T}.",
    "The first time {O} had taken a public position on {T}.",
    "Reported at the time as a turning point; the articles published later are less sure.",
    "{Q} was present, according to one of the sources.",
    "One of several steps in the saga of {T}, which began years earlier.",
    "The sources agree on what happened, less on why.",
];

/// Notes some articles' front matter carries.
pub(crate) const NOTES: &[&str] = &[
    "Translated from Portuguese.",
    "Translated from Spanish; quotations are the translator's.",
    "Corrected after publication: an earlier version misspelt a name.",
    "An opinion column, not a news report.",
    "Syndicated; the original headline was shorter.",
];
