"""The layout of the import: which sheets exist, their Dutch column headers, and what each column holds.

One definition serves the template (workbook.py), the explanation sheet, the header check and the
parsing of the rows (plan.py), so the three cannot drift apart.
"""

from dataclasses import dataclass, field

from governance.choices import Body, OpinionStatus, PersonFunction, SeatRole
from governance.deadlines import DocumentKind
from partners.choices import FigureKind, FinancialInterestForm, LegalForm, PartyKind, PartyStatus
from partners.interests import Art15Field
from risks.choices import MeasureStatus, RiskCategory, RiskStatus
from risks.matrix import IMPACT_LABELS, LIKELIHOOD_LABELS

# What a column holds: the format shown in the explanation sheet.
FORMATS = {
    "text": "tekst",
    "amount": "bedrag in euro's: 1.234.567,89 of € 1.234,50 of een getalcel; negatief met een minteken. In "
    "duizenden of miljoenen: zet de eenheid achter de kolomkop (“Bijdrage (x € 1.000)”) of achter de naam van het "
    "tabblad (“Financiën deelname (x € 1.000)”); 3.014 wordt dan € 3.014.000",
    "percentage": "aandeel: 12,5% of de breuk 1/342 (een getal zonder %-teken wordt geweigerd: 0,11 kan 0,11% of 11% "
    "zijn)",
    "integer": "geheel getal, zoals 12 of 123.162",
    "year": "jaartal, zoals 2025",
    "date": "datum als dd-mm-jjjj (31-12-2025) of een datumcel",
    "yesno": "ja of nee",
    "choice": "een van de toegestane waarden (hoofdletters maken niet uit)",
    "participant": "CBS-code (GM0014, 0014 of 14) of naam van de gemeente, ook zoals men die schrijft (Den Haag, "
    "Den Bosch, Rijswijk zonder (ZH.)); andere deelnemers met hun code (PV20) of naam. Bij een naam gaat een "
    "gemeente voor: Groningen is de gemeente, de provincie is PV20",
    "party": "naam of afkorting (BNG) van de partij zoals op het tabblad Partijen of al in het register",
    "policy_area": "code (1) of naam (Veiligheid) van het beleidsveld",
    "kvk": "acht cijfers",
    "url": "webadres, zoals https://www.voorbeeld.nl/",
    "municipality": "CBS-code (GM0014, 0014 of 14) of naam van een gemeente",
    "email": "e-mailadres, zoals naam@gemeente.nl",
    "class": "klasse 1 tot en met 5: het cijfer (3), de naam (gemiddeld) of beide (3 – gemiddeld)",
}


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    kind: str = "text"
    required: bool = False
    note: str = ""
    choices: type | None = None
    # For a "class" column: the Dutch name of each class 1–5.
    labels: dict | None = None
    # For a "yesno" column: what an empty cell means.
    default: bool = True

    @property
    def allowed(self) -> str:
        if self.labels is not None:
            return "; ".join(f"{number} – {label}" for number, label in self.labels.items())
        if self.choices is None:
            return ""
        return "; ".join(str(label) for _, label in self.choices.choices)


@dataclass(frozen=True)
class Sheet:
    """One kind of row: a sheet of the workbook, or a CSV file on its own."""

    key: str
    title: str
    description: str
    columns: list[Column] = field(default_factory=list)

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


PARTY_REF = [
    Column("Partij", "party", "party", True),
    Column(
        "Rechtsvorm partij",
        "party_legal_form",
        "choice",
        note="Alleen nodig als twee partijen dezelfde naam hebben.",
        choices=LegalForm,
    ),
]

PARTIES = Sheet(
    "partijen",
    "Partijen",
    "Eén rij per verbonden partij. Een rij wordt gekoppeld aan een partij in het register op KvK-nummer, "
    "anders op naam en rechtsvorm.",
    [
        Column("Naam", "name", required=True),
        Column("Afkorting", "abbreviation"),
        Column("Rechtsvorm", "legal_form", "choice", True, choices=LegalForm),
        Column("Vestigingsplaats", "seat", required=True),
        Column("Status", "status", "choice", note="Leeg is Actief.", choices=PartyStatus),
        Column("Beleidsveld", "policy_area", "policy_area"),
        Column("KvK-nummer", "kvk_number", "kvk"),
        Column("Oprichtingsdatum", "founded_on", "date"),
        Column("Einddatum", "ended_on", "date", note="Verplicht bij status Beëindigd."),
        Column(
            "Centrumgemeente",
            "central_municipality",
            "participant",
            note="Verplicht bij, en alleen bij, een centrumgemeenteregeling.",
        ),
        Column("Openbaar belang", "public_interest", note="BBV art. 15."),
        Column("Doel", "purpose"),
        Column("Overgedragen bevoegdheden", "transferred_powers", note="Wgr art. 27."),
        Column("Uittredingsvoorwaarden", "exit_conditions", note="Wgr art. 9."),
        Column("Website", "website", "url"),
        Column("Regeling (CVDR)", "regulation_url", "url"),
        Column(
            "Begrotingscyclus Wgr",
            "cycle_by_regeling",
            "yesno",
            note="Alleen bij een gemeenschappelijk orgaan: ja als de regeling bepaalt dat het een eigen begroting en "
            "jaarrekening heeft en de termijnen van de Wgr volgt (Wgr art. 8 lid 2). Leeg is nee.",
            default=False,
        ),
        Column(
            "Soort partij",
            "kind",
            "choice",
            note="Wat de partij doet; de vergelijking met andere partijen telt alleen partijen van dezelfde soort. "
            "Leeg: nog niet vastgelegd (geen vergelijking).",
            choices=PartyKind,
        ),
    ],
)

PARTICIPATIONS = Sheet(
    "deelnames",
    "Deelnames",
    "Eén rij per deelnemer in een partij, gekoppeld op partij en deelnemer. De aandelen van alle "
    "deelnemers in één partij komen samen niet boven 100%.",
    [
        *PARTY_REF,
        Column("Deelnemer", "participant", "participant", True),
        Column("Bestuurlijk belang", "governance_interest", "yesno", note="Leeg is ja. BBV art. 1 lid 1b."),
        Column("Wijze van bestuurlijk belang", "governance_interest_note", note="Bijvoorbeeld: 1 zetel in AB en DB."),
        Column("Aantal stemmen", "votes", "integer"),
        Column("Financieel belang", "financial_interest", "yesno", note="Leeg is ja. BBV art. 1 lid 1c."),
        Column("Vorm van financieel belang", "financial_interest_form", "choice", choices=FinancialInterestForm),
        Column("Toelichting financieel belang", "financial_interest_note"),
        Column("Aandeel", "share_percentage", "percentage", note="Aandeel in het kapitaal of in de bijdragen."),
        Column("Aantal aandelen", "shares_count", "integer"),
        Column("Nominale waarde per aandeel", "nominal_value", "amount"),
        Column("Datum toetreding", "joined_on", "date"),
        Column("Datum uittreding", "left_on", "date"),
    ],
)

FIGURE_KEY = [
    Column("Jaar", "year", "year", True),
    Column("Soort", "kind", "choice", True, choices=FigureKind),
]

PARTY_FIGURES = Sheet(
    "financien_partij",
    "Financiën partij",
    "De cijfers van de partij zelf per jaar en soort (begroting of realisatie), BBV art. 15. "
    "Gekoppeld op partij, jaar en soort. Jaar en soort zijn ook de bron die de paragraaf naast de cijfers noemt "
    "(begroting 2026, jaarrekening 2024 (31-12-2024)). Een gegeven dat bewust niet bekend is: tabblad Niet bekend.",
    [
        *PARTY_REF,
        *FIGURE_KEY,
        Column("Eigen vermogen 1-1", "equity_start", "amount"),
        Column("Eigen vermogen 31-12", "equity_end", "amount"),
        Column("Vreemd vermogen 1-1", "liabilities_start", "amount"),
        Column("Vreemd vermogen 31-12", "liabilities_end", "amount"),
        Column("Resultaat", "result", "amount", note="Negatief bij een tekort."),
    ],
)

PARTICIPATION_FIGURES = Sheet(
    "financien_deelname",
    "Financiën deelname",
    "De cijfers van een deelnemer in een partij per jaar en soort: bijdrage, belang en dividend. "
    "Gekoppeld op partij, deelnemer, jaar en soort; de deelname moet bestaan of op het tabblad Deelnames staan.",
    [
        *PARTY_REF,
        Column("Deelnemer", "participant", "participant", True),
        *FIGURE_KEY,
        Column("Bijdrage", "contribution", "amount"),
        Column("Belang 1-1", "interest_start", "amount"),
        Column("Belang 31-12", "interest_end", "amount"),
        Column("Dividend", "dividend", "amount"),
    ],
)

REPRESENTATIVES = Sheet(
    "vertegenwoordigers",
    "Vertegenwoordigers",
    "Eén rij per zetel: een persoon in een orgaan van een partij, of één rij met alleen de persoon. Een persoon "
    "wordt gekoppeld op naam en gemeente (leeg bij een extern lid) en staat op elke rij met dezelfde functie, "
    "e-mail en telefoon. Een zetel wordt gekoppeld op persoon, partij, orgaan, rol en begindatum; zetels van "
    "dezelfde persoon in dezelfde rol en hetzelfde orgaan mogen elkaar niet overlappen.",
    [
        Column("Naam", "name", required=True),
        Column("Functie", "function", "choice", True, choices=PersonFunction),
        Column(
            "Gemeente",
            "municipality",
            "municipality",
            note="De gemeente namens welke de persoon optreedt; leeg bij een extern lid.",
        ),
        Column("E-mailadres", "email", "email"),
        Column("Telefoonnummer", "phone"),
        Column("Partij", "party", "party", note="Leeg: alleen de persoon, zonder zetel."),
        PARTY_REF[1],
        Column("Orgaan", "body", "choice", note="Verplicht bij een zetel.", choices=Body),
        Column("Rol", "role", "choice", note="Leeg is Lid.", choices=SeatRole),
        Column(
            "Namens",
            "on_behalf_of",
            "participant",
            note="De deelnemer die de persoon in deze partij vertegenwoordigt; die moet deelnemen in de partij. "
            "Leeg bij een onafhankelijk lid.",
        ),
        Column("Begindatum", "started_on", "date", note="Verplicht bij een zetel."),
        Column("Einddatum", "ended_on", "date", note="Leeg zolang de zetel loopt."),
        Column("Toelichting", "note"),
    ],
)

RISKS = Sheet(
    "risicos",
    "Risico's",
    "Eén rij per risico van een partij, of van de deelname van één deelnemer (zoals een garantstelling). "
    "Gekoppeld op partij, titel en deelnemer (leeg bij een risico van de hele partij). BBV art. 11.",
    [
        *PARTY_REF,
        Column(
            "Deelnemer",
            "participant",
            "participant",
            note="Alleen bij een risico van de deelname van één deelnemer; die deelname moet bestaan of op het "
            "tabblad Deelnames staan. Leeg: een risico van de hele partij.",
        ),
        Column("Titel", "title", required=True),
        Column("Categorie", "category", "choice", True, choices=RiskCategory),
        Column("Omschrijving", "description"),
        Column("Kans", "likelihood", "class", True, labels=LIKELIHOOD_LABELS),
        Column("Impact", "impact", "class", True, labels=IMPACT_LABELS),
        Column(
            "Financieel gevolg minimum",
            "amount_min",
            "amount",
            note="Bij een bandbreedte; bij één bedrag alleen het maximum invullen. Niet boven het maximum.",
        ),
        Column(
            "Financieel gevolg maximum",
            "amount_max",
            "amount",
            note="Het financiële gevolg als het risico zich voordoet (BBV art. 11 lid 2b).",
        ),
        Column("Status", "status", "choice", note="Leeg is Open.", choices=RiskStatus),
        Column("Eigenaar", "owner"),
        Column(
            "Datum geïdentificeerd",
            "identified_on",
            "date",
            note="Leeg: vandaag bij een nieuw risico; bij een bestaand risico blijft de datum staan.",
        ),
        Column("Laatst beoordeeld", "reviewed_on", "date", note="Niet vóór de datum geïdentificeerd."),
        Column(
            "Vertrouwelijk",
            "confidential",
            "yesno",
            note="Leeg is nee. Een vertrouwelijk risico komt nooit in een openbare rapportage.",
            default=False,
        ),
    ],
)

MEASURES = Sheet(
    "beheersmaatregelen",
    "Beheersmaatregelen",
    "Eén rij per beheersmaatregel van een risico. Het risico wordt gevonden op partij, titel en deelnemer, zoals "
    "op het tabblad Risico's; het moet bestaan of op dat tabblad staan. Gekoppeld op risico en omschrijving.",
    [
        *PARTY_REF,
        Column("Deelnemer", "participant", "participant", note="Alleen bij een risico van één deelname."),
        Column("Titel risico", "risk_title", required=True),
        Column("Omschrijving", "description", required=True),
        Column("Eigenaar", "owner"),
        Column("Uiterlijk gereed", "due_on", "date"),
        Column("Status", "status", "choice", note="Leeg is Gepland.", choices=MeasureStatus),
    ],
)

POPULATION = Sheet(
    "inwoners",
    "Inwoners",
    "Het aantal inwoners van een gemeente op 1 januari van een jaar: de sleutel voor de bijdrage per inwoner. "
    "Gekoppeld op gemeente en jaar.",
    [
        Column("Gemeente", "municipality", "municipality", True),
        Column("Jaar", "year", "year", True),
        Column("Inwoners", "inhabitants", "integer", True, note="Op 1 januari van het jaar; groter dan 0."),
        Column("Bron", "source", note="Leeg: CBS, bevolking op 1 januari."),
    ],
)


class DocumentKinds:
    """The kinds of document of the cycle in the shape of TextChoices, for a choice column."""

    choices = DocumentKind.choices()


# A party has several of these kinds per year: the title tells them apart (governance REPEATING_KINDS).
REPEATING_NOTE = "Bij een begrotingswijziging of overig bestuursbesluit ook de titel: daarvan zijn er meer per jaar."

DOCUMENTS = Sheet(
    "documenten",
    "P&C-documenten",
    "Eén rij per document van de planning-en-controlcyclus dat een partij aan de raden stuurt (kaderbrief, "
    "ontwerpbegroting, begrotingswijziging, jaarrekening enz.). Gekoppeld op partij, soort en jaar; bij een "
    "begrotingswijziging of overig bestuursbesluit ook op titel.",
    [
        *PARTY_REF,
        Column("Soort", "kind", "choice", True, choices=DocumentKinds),
        Column(
            "Jaar",
            "year",
            "year",
            True,
            note="Het begrotingsjaar (kaderbrief, begroting, wijziging) of het jaar waarover de jaarrekening gaat.",
        ),
        Column("Titel", "title", note="Bijvoorbeeld: 1e begrotingswijziging. " + REPEATING_NOTE),
        Column("Verzonden aan de raden", "sent_on", "date", note="Het begin van de zienswijzetermijn."),
        Column(
            "Zienswijze gevraagd",
            "opinion_invited",
            "yesno",
            note="Leeg is ja; nee als de regeling dit besluit uitzondert van zienswijzen.",
        ),
        Column("Vastgesteld door het bestuur", "adopted_on", "date"),
        Column(
            "Verzonden aan de toezichthouder",
            "sent_to_supervisor_on",
            "date",
            note="Niet vóór de vaststelling. Wgr art. 34 lid 2 en 3.",
        ),
        Column("Link", "url", "url", note="Webadres van het document; documenten zijn links, geen bestanden."),
    ],
)

DOCUMENT_REF = [
    *PARTY_REF,
    Column("Soort document", "document_kind", "choice", True, choices=DocumentKinds),
    Column("Jaar document", "year", "year", True),
    Column("Titel document", "document_title", note=REPEATING_NOTE),
]

OPINIONS = Sheet(
    "zienswijzen",
    "Zienswijzen",
    "Eén rij per zienswijze van een gemeente op een document, met de reactie van het bestuur. Het document wordt "
    "gevonden op partij, soort, jaar (en titel), zoals op het tabblad P&C-documenten; het moet bestaan of op dat "
    "tabblad staan. Gekoppeld op document en gemeente; de gemeente neemt deel in de partij.",
    [
        *DOCUMENT_REF,
        Column("Gemeente", "municipality", "municipality", True),
        Column("Status", "status", "choice", note="Leeg is Niet gestart.", choices=OpinionStatus),
        Column(
            "Datum raadsbesluit",
            "council_decision_on",
            "date",
            note="Verplicht bij de status Vastgesteld of Verzonden; niet vóór de verzending van het document.",
        ),
        Column(
            "Verzonden aan het bestuur",
            "sent_on",
            "date",
            note="Verplicht bij de status Verzonden; niet vóór het raadsbesluit.",
        ),
        Column("Zienswijze", "text", note="De tekst van de zienswijze."),
        Column("Link", "url", "url", note="Webadres van het raadsbesluit of de brief."),
        Column("Reactie van het bestuur", "board_answer", note="Het bestuur reageert schriftelijk en gemotiveerd."),
        Column("Datum reactie bestuur", "answered_on", "date"),
    ],
)

PARTICIPATION_REF = [
    *PARTY_REF,
    Column(
        "Deelnemer",
        "participant",
        "participant",
        True,
        note="De deelname moet bestaan of op het tabblad Deelnames staan.",
    ),
    Column("Jaar", "year", "year", True),
]

INTERESTS = Sheet(
    "financiele_belangen",
    "Financiële belangen",
    "Eén rij per financieel belang van een deelnemer in een partij per jaar (BBV art. 1 lid 1c): aandelen, lening, "
    "garantstelling, borgstelling of aansprakelijkheid voor tekorten, met de boekwaarde (BBV art. 36). Gekoppeld op "
    "partij, deelnemer, jaar en vorm; twee belangen van dezelfde vorm in één jaar (twee leningen) onderscheidt de "
    "toelichting. Het dividend staat op het tabblad Financiën deelname.",
    [
        *PARTICIPATION_REF,
        Column("Vorm", "form", "choice", True, choices=FinancialInterestForm),
        Column("Aantal aandelen", "shares_count", "integer", note="Bij aandelen."),
        Column("Nominale waarde per aandeel", "nominal_value", "amount", note="Bij aandelen."),
        Column("Gestort bedrag", "paid_in", "amount", note="Het op de aandelen gestorte kapitaal."),
        Column("Hoofdsom lening", "principal", "amount", note="Bij een lening."),
        Column("Restant lening 1-1", "balance_start", "amount"),
        Column("Restant lening 31-12", "balance_end", "amount"),
        Column(
            "Bedrag garantie of aansprakelijkheid",
            "amount",
            "amount",
            note="Het bedrag waarvoor de gemeente garant of borg staat, of (zo bekend) aansprakelijk is.",
        ),
        Column("Boekwaarde 1-1", "book_value_start", "amount", note="Kapitaalverstrekking of lening, BBV art. 36."),
        Column("Boekwaarde 31-12", "book_value_end", "amount"),
        Column(
            "Toelichting", "note", note="Verplicht om twee belangen van dezelfde vorm in één jaar te onderscheiden."
        ),
    ],
)

UNKNOWNS = Sheet(
    "niet_bekend",
    "Niet bekend",
    "Eén rij per gegeven van BBV art. 15 lid 2 dat de paragraaf bewust als “niet bekend” toont, met de reden "
    "(bijvoorbeeld: jaarrekening nog niet vastgesteld). Gekoppeld op partij, deelnemer, jaar en gegeven.",
    [
        *PARTICIPATION_REF,
        Column("Gegeven", "field", "choice", True, choices=Art15Field),
        Column("Reden", "reason", required=True, note="Waarom het gegeven niet bekend is."),
    ],
)

SHEETS = [
    PARTIES, PARTICIPATIONS, PARTY_FIGURES, PARTICIPATION_FIGURES, REPRESENTATIVES, RISKS, MEASURES, POPULATION,
    DOCUMENTS, OPINIONS, INTERESTS, UNKNOWNS,
]  # fmt: skip
EXPLANATION_TITLE = "Toelichting"
