"""Vocabulary of the synthetic benchmark models: states, bodies, systems, data, provisions."""

from __future__ import annotations

from dataclasses import dataclass

# The Schengen area (29 states) plus Ireland and Cyprus, by ISO 3166-1 alpha-2 code.
STATES: tuple[tuple[str, str], ...] = (
    ("AT", "Austria"), ("BE", "Belgium"), ("BG", "Bulgaria"), ("CH", "Switzerland"),
    ("CY", "Cyprus"), ("CZ", "Czechia"), ("DE", "Germany"), ("DK", "Denmark"),
    ("EE", "Estonia"), ("ES", "Spain"), ("FI", "Finland"), ("FR", "France"),
    ("GR", "Greece"), ("HR", "Croatia"), ("HU", "Hungary"), ("IE", "Ireland"),
    ("IS", "Iceland"), ("IT", "Italy"), ("LI", "Liechtenstein"), ("LT", "Lithuania"),
    ("LU", "Luxembourg"), ("LV", "Latvia"), ("MT", "Malta"), ("NL", "Netherlands"),
    ("NO", "Norway"), ("PL", "Poland"), ("PT", "Portugal"), ("RO", "Romania"),
    ("SE", "Sweden"), ("SI", "Slovenia"), ("SK", "Slovakia"),
)  # fmt: skip

EU_SYSTEMS_IN_SCOPE = ("eu.EES", "eu.VIS", "eu.ETIAS", "eu.SIS", "eu.Eurodac", "eu.ECRIS-TCN")
REG_817 = "2019/817"
REG_818 = "2019/818"


@dataclass(frozen=True)
class OrganisationTemplate:
    """One of the bodies every state has, with the roles the regulations give it."""

    slug: str
    kind: str
    names: tuple[str, ...]
    roles: tuple[tuple[str, tuple[str, ...]], ...]  # (role, systems it is held for; () = all)
    description: str


MVA = "manual-verification-authority"
ORGANISATIONS: tuple[OrganisationTemplate, ...] = (
    OrganisationTemplate(
        "interior-ministry", "ministry",
        ("Ministry of the Interior of {country}", "Ministry of Internal Affairs of {country}"),
        (("ecris-tcn-central-authority", ()), ("data-subject-rights-authority", ())),
        "Leads the national programme for the interoperability regulations and reports on it.",
    ),
    OrganisationTemplate(
        "police", "police",
        ("State Police of {country}", "National Police of {country}"),
        (("designated-authority", ()), ("central-access-point", ()),
         ("identity-check-police-authority", ()), ("sirene-bureau", ()),
         ("europol-national-unit", ()), (MVA, ("eu.SIS",))),
        "Runs police identity checks, the SIRENE Bureau and the central access point.",
    ),
    OrganisationTemplate(
        "border-guard", "border-guard",
        ("State Border Guard of {country}", "Border Police of {country}"),
        (("border-authority", ()), ("etias-national-unit", ()), ("designated-authority", ()),
         (MVA, ("eu.EES", "eu.ETIAS"))),
        "Checks persons at the external borders and hosts the ETIAS National Unit.",
    ),
    OrganisationTemplate(
        "migration", "migration",
        ("Migration Office of {country}",
         "Office of Citizenship and Migration Affairs of {country}"),
        (("visa-authority", ()), ("immigration-authority", ()), ("asylum-authority", ()),
         (MVA, ("eu.VIS",))),
        "Decides on visas, residence permits and applications for international protection.",
    ),
    OrganisationTemplate(
        "it-centre", "it-centre",
        ("Information Centre of the Ministry of the Interior of {country}",
         "National IT Agency for Justice and Home Affairs of {country}"),
        (("national-system-operator", ()), ("data-quality-responsible", ())),
        "Builds and operates the national systems and the connections to the EU systems.",
    ),
    OrganisationTemplate(
        "dpa", "supervisory",
        ("Data Protection Authority of {country}", "Data State Inspectorate of {country}"),
        (("supervisory-authority", ()),),
        "Supervises the lawfulness of the processing of personal data by national authorities.",
    ),
)  # fmt: skip


@dataclass(frozen=True)
class SystemTemplate:
    """A national system every state could run: name, owner, security zone, what it does."""

    name: str
    owner: str
    zone: str
    description: str


SYSTEMS: tuple[SystemTemplate, ...] = (
    SystemTemplate("Border Control System", "border-guard", "border-network",
        "Supports first- and second-line checks of travellers at border crossing points."),
    SystemTemplate("National EES Client", "border-guard", "border-network",
        "Creates and updates entry/exit records and individual files in the EES."),
    SystemTemplate("Visa Case Management System", "migration", "migration-network",
        "Handles visa applications from lodging to decision and issues the visa sticker."),
    SystemTemplate("ETIAS National Unit Workbench", "border-guard", "border-network",
        "Lets the ETIAS National Unit assess hits and decide on travel authorisations."),
    SystemTemplate("SIRENE Case Management System", "police", "restricted-sis-zone",
        "Handles supplementary information exchanged on SIS alerts and hits."),
    SystemTemplate("National SIS Copy", "police", "restricted-sis-zone",
        "Keeps the national copy of the SIS and answers alert queries of end users."),
    SystemTemplate("Police Information System", "police", "police-network",
        "Holds police case files, persons of interest and investigation records."),
    SystemTemplate("Mobile Identity Check Application", "police", "police-network",
        "Captures a live facial image and fingerprints during a police identity check."),
    SystemTemplate("Asylum Case Management System", "migration", "migration-network",
        "Registers applications for international protection and manages the case."),
    SystemTemplate("Eurodac Fingerprint Capture Station", "migration", "migration-network",
        "Takes fingerprints and facial images of applicants and sends them to Eurodac."),
    SystemTemplate("Criminal Records Register", "interior-ministry", "government-cloud",
        "Keeps national criminal records, including convictions of third-country nationals."),
    SystemTemplate("ECRIS-TCN National Gateway", "interior-ministry", "government-cloud",
        "Creates ECRIS-TCN records and queries the central system for convictions."),
    SystemTemplate("Residence Permit Register", "migration", "migration-network",
        "Records residence permits and long-stay visas issued to third-country nationals."),
    SystemTemplate("Biometric Capture Service", "it-centre", "government-cloud",
        "Checks the quality of fingerprints and facial images before they are sent."),
    SystemTemplate("Integration Hub", "it-centre", "dmz",
        "Routes messages between national systems and the national uniform interfaces."),
    SystemTemplate("Identity and Access Management", "it-centre", "government-cloud",
        "Manages user accounts, roles and the ESP user profiles of authorised staff."),
    SystemTemplate("Central Audit Log Service", "it-centre", "government-cloud",
        "Keeps tamper-evident logs of queries to the EU systems and components."),
    SystemTemplate("Document Verification Service", "border-guard", "border-network",
        "Reads and verifies the chip and security features of travel documents."),
    SystemTemplate("Manual Verification Workbench", "police", "police-network",
        "Presents yellow MID links to the responsible authority for manual verification."),
    SystemTemplate("Statistics and Reporting Warehouse", "interior-ministry", "government-cloud",
        "Produces national statistics and sends anonymised data to the CRRS."),
    SystemTemplate("Data Subject Request Portal", "interior-ministry", "dmz",
        "Receives and tracks requests for access, rectification and erasure of data."),
    SystemTemplate("Law Enforcement Access Gateway", "police", "police-network",
        "Lets the central access point check and forward law-enforcement requests."),
)  # fmt: skip

SYSTEM_QUALIFIERS = ("airports", "land borders", "seaports", "consulates", "regional offices",
                     "headquarters", "backup site", "training environment")  # fmt: skip
STATUSES = ("existing", "existing", "existing", "changing", "changing", "planned", "retiring")

# (slug, name, description); every system gets `audit-log`, then a few of the others.
COMPONENTS: tuple[tuple[str, str, str], ...] = (
    ("audit-log", "Audit log", "Writes a log entry for every query and update it handles."),
    ("api", "Service API", "REST and SOAP interface used by other national systems."),
    ("db", "Database", "Relational store of the system's records."),
    ("ui", "User interface", "Web client used by officers and case handlers."),
    ("batch", "Batch processor", "Nightly jobs for deletion, statistics and reconciliation."),
    ("matcher", "Biometric matcher", "Compares fingerprints and facial images locally."),
    ("queue", "Message queue", "Buffers outgoing messages when a central system is unavailable."),
    ("reporting", "Reporting module", "Builds operational reports and dashboards."),
)


@dataclass(frozen=True)
class DataTemplate:
    """A category of data; the list is ordered so that small models keep the key ones."""

    slug: str
    name: str
    personal: bool
    special: bool
    retention: str


DATA: tuple[DataTemplate, ...] = (
    DataTemplate("identity-data", "Identity data (surname, first names, date of birth, sex, "
                 "nationality)", True, False, "P5Y"),
    DataTemplate("facial-image", "Facial image", True, True, "P5Y"),
    DataTemplate("fingerprints", "Fingerprint data", True, True, "P5Y"),
    DataTemplate("travel-document-data", "Travel document data", True, False, "P5Y"),
    DataTemplate("query-statistics", "Anonymised query statistics", False, False, "P5Y"),
    DataTemplate("log-records", "Query and access log records", True, False, "P1Y"),
    DataTemplate("entry-exit-record", "Entry/exit record", True, False, "P3Y"),
    DataTemplate("visa-application-data", "Visa application file", True, False, "P5Y"),
    DataTemplate("travel-authorisation-data", "ETIAS application and travel authorisation",
                 True, False, "P3Y"),
    DataTemplate("sis-alert-data", "SIS alert data", True, False, "until the alert is deleted"),
    DataTemplate("asylum-application-data", "Application for international protection",
                 True, True, "P10Y"),
    DataTemplate("criminal-record-data", "Criminal record data of third-country nationals",
                 True, True, "as long as the conviction is recorded"),
    DataTemplate("mid-link-data", "Multiple-identity links and identity confirmation files",
                 True, False, "as long as the linked data exist"),
    DataTemplate("case-file-data", "Police case file data", True, False, "P5Y"),
    DataTemplate("residence-permit-data", "Residence permit data", True, False, "P10Y"),
    DataTemplate("biometric-templates", "Biometric templates", True, True, "P5Y"),
    DataTemplate("hit-notification", "Hit notification on an alert", True, False, "P3Y"),
    DataTemplate("user-account-data", "User accounts and ESP user profiles", True, False, "P2Y"),
    DataTemplate("border-crossing-point-data", "Border crossing point reference data",
                 False, False, "until replaced"),
    DataTemplate("data-subject-request", "Data subject request and reply", True, False, "P3Y"),
)  # fmt: skip

# Articles with at least two paragraphs that national work cites, by topic; both regulations
# share the numbering of Chapters II to VI, so one list serves 2019/817 and 2019/818.
TOPIC_ARTICLES: dict[str, tuple[int, ...]] = {
    "esp": (6, 7, 8, 9),
    "esp-logs": (10,),
    "sbms": (12, 13),
    "sbms-logs": (16,),
    "cir": (17, 18),
    "cir-identification": (20,),
    "cir-multiple-identities": (21,),
    "cir-law-enforcement": (22,),
    "cir-logs": (24,),
    "mid": (25, 26, 27, 28),
    "mid-manual-verification": (29,),
    "mid-logs": (36,),
    "data-quality": (37,),
    "crrs": (39,),
    "security": (42, 43),
    "data-subject-rights": (47, 48),
    "supervision": (51,),
}


@dataclass(frozen=True)
class EuTarget:
    """An EU system or component national flows reach, through which interface, and why."""

    target: str
    via: str
    regulations: tuple[str, ...]
    legal_basis: tuple[str, ...]  # article(paragraph) of the regulation that grants the access
    data: tuple[str, ...]
    purposes: tuple[str, ...]
    syncs: tuple[str, ...]

    @property
    def is_component(self) -> bool:
        """True for interoperability components, whose flows must be logged."""
        return self.target in ("eu.ESP", "eu.sBMS", "eu.CIR", "eu.MID", "eu.CRRS")


EU_TARGETS: tuple[EuTarget, ...] = (
    EuTarget("eu.ESP", "eu.NUI-EES", (REG_817, REG_818), ("7(1)", "7(2)"),
             ("identity-data", "travel-document-data", "facial-image"),
             ("Query EES, VIS, ETIAS and SIS in one search during a first-line check at {site}",
              "Search the EU systems for a person presented by a case handler at {site}"),
             ("query",)),
    EuTarget("eu.CIR", "eu.NUI-EES", (REG_817, REG_818),
             ("20(1)", "20(2)", "21(1)", "21(2)", "22(1)", "22(2)"),
             ("identity-data", "fingerprints", "facial-image"),
             ("Identify a person who cannot be identified otherwise during a check at {site}",
              "Ask the CIR whether any EU system holds data on a suspect (hit/no-hit)"),
             ("query",)),
    EuTarget("eu.MID", "eu.NUI-VIS", (REG_817, REG_818), ("26(1)", "26(2)"),
             ("mid-link-data", "identity-data"),
             ("Retrieve and resolve yellow links assigned to the authority at {site}",
              "Record the outcome of the manual verification of a link"),
             ("query", "push")),
    EuTarget("eu.sBMS", "eu.NUI-SIS", (REG_817, REG_818), ("14",),
             ("biometric-templates", "fingerprints"),
             ("Search biometric templates across the EU systems for a registration at {site}",),
             ("query",)),
    EuTarget("eu.CRRS", "eu.NUI-ETIAS", (REG_817, REG_818), ("39(1)", "39(2)"),
             ("query-statistics",),
             ("Send anonymised monthly statistics on queries and hits",),
             ("batch",)),
    EuTarget("eu.EES", "eu.NUI-EES", (REG_817,), ("7(2)", "22(1)", "22(2)"),
             ("identity-data", "travel-document-data", "facial-image", "fingerprints",
              "entry-exit-record"),
             ("Create the entry record of a third-country national at {site}",
              "Record the exit and calculate the remaining authorised stay at {site}"),
             ("push", "query")),
    EuTarget("eu.VIS", "eu.NUI-VIS", (REG_817,), ("7(2)", "22(1)", "22(2)"),
             ("visa-application-data", "facial-image", "fingerprints"),
             ("Verify the visa holder's fingerprints at {site}",
              "Create the visa application file once the application is admissible"),
             ("push", "query")),
    EuTarget("eu.ETIAS", "eu.NUI-ETIAS", (REG_817,), ("7(2)", "22(1)", "22(2)"),
             ("travel-authorisation-data", "identity-data"),
             ("Check the travel authorisation status of a traveller at {site}",
              "Send the national unit's assessment of a hit on an application"),
             ("query", "push")),
    EuTarget("eu.SIS", "eu.NUI-SIS", (REG_817, REG_818), ("7(1)", "7(2)"),
             ("sis-alert-data", "identity-data", "hit-notification"),
             ("Check a person against SIS alerts during a check at {site}",
              "Create or update an alert issued by a competent national authority"),
             ("query", "push")),
    EuTarget("eu.Eurodac", "eu.NUI-Eurodac", (REG_818,), ("22(1)", "22(2)"),
             ("asylum-application-data", "fingerprints", "facial-image"),
             ("Register the fingerprints of an applicant for international protection at {site}",
              "Compare fingerprints of a person found illegally staying at {site}"),
             ("push", "query")),
    EuTarget("eu.ECRIS-TCN", "eu.NUI-ECRIS-TCN", (REG_818,), ("7(1)", "7(2)"),
             ("criminal-record-data", "identity-data", "fingerprints"),
             ("Create the ECRIS-TCN record after a conviction of a third-country national",
              "Find which Member States hold conviction information on a person"),
             ("push", "query")),
)  # fmt: skip

SITES = ("the airport", "land border crossing points", "seaports", "consulates",
         "police stations", "reception centres", "regional offices", "headquarters")  # fmt: skip
NATIONAL_PURPOSES = (
    "Pass {data} from the {source} to the {target} for case handling",
    "Synchronise {data} between the {source} and the {target} every night",
    "Let the {target} look up {data} held by the {source}",
    "Forward {data} captured by the {source} to the {target} for quality checks",
    "Notify the {target} of changes to {data} recorded in the {source}",
)
LOG_FIELDS = ("date-time", "user-id", "authority", "purpose", "query-type", "result",
              "systems-queried", "reference-number")  # fmt: skip

# The national systems that send each EU target its flows (by template name); a state that
# has none of them sends from any system.
SOURCES: dict[str, tuple[str, ...]] = {
    "eu.ESP": ("Border Control System", "Document Verification Service",
               "Mobile Identity Check Application", "Visa Case Management System",
               "Police Information System"),
    "eu.CIR": ("Mobile Identity Check Application", "Police Information System",
               "Law Enforcement Access Gateway", "Biometric Capture Service"),
    "eu.MID": ("Manual Verification Workbench", "SIRENE Case Management System",
               "ETIAS National Unit Workbench", "Visa Case Management System"),
    "eu.sBMS": ("Biometric Capture Service", "Eurodac Fingerprint Capture Station",
                "Border Control System"),
    "eu.CRRS": ("Statistics and Reporting Warehouse",),
    "eu.EES": ("National EES Client", "Border Control System"),
    "eu.VIS": ("Visa Case Management System", "Border Control System",
               "Residence Permit Register"),
    "eu.ETIAS": ("ETIAS National Unit Workbench", "Border Control System"),
    "eu.SIS": ("National SIS Copy", "SIRENE Case Management System", "Police Information System"),
    "eu.Eurodac": ("Eurodac Fingerprint Capture Station", "Asylum Case Management System",
                   "Law Enforcement Access Gateway"),
    "eu.ECRIS-TCN": ("ECRIS-TCN National Gateway", "Criminal Records Register"),
}  # fmt: skip

# Where the officers who cause each EU-bound flow work; other targets use SITES.
SITES_BY_TARGET: dict[str, tuple[str, ...]] = {
    "eu.ESP": ("the airport", "land border crossing points", "seaports", "police stations"),
    "eu.CIR": ("police stations", "the airport", "reception centres"),
    "eu.MID": ("headquarters", "regional offices"),
    "eu.sBMS": ("reception centres", "consulates", "the airport"),
    "eu.EES": ("the airport", "land border crossing points", "seaports"),
    "eu.VIS": ("the airport", "land border crossing points", "consulates"),
    "eu.ETIAS": ("the airport", "land border crossing points", "seaports"),
    "eu.SIS": ("police stations", "land border crossing points", "the airport"),
    "eu.Eurodac": ("reception centres", "police stations"),
}

# The national systems that requirements of a topic are allocated to, by template name.
TOPIC_SYSTEMS: dict[str, tuple[str, ...]] = {
    "esp": SOURCES["eu.ESP"],
    "esp-logs": (*SOURCES["eu.ESP"], "Central Audit Log Service"),
    "sbms": SOURCES["eu.sBMS"],
    "sbms-logs": (*SOURCES["eu.sBMS"], "Central Audit Log Service"),
    "cir": SOURCES["eu.CIR"],
    "cir-identification": ("Mobile Identity Check Application", "Police Information System"),
    "cir-multiple-identities": SOURCES["eu.MID"],
    "cir-law-enforcement": ("Law Enforcement Access Gateway", "Police Information System"),
    "cir-logs": (*SOURCES["eu.CIR"], "Central Audit Log Service"),
    "mid": SOURCES["eu.MID"],
    "mid-manual-verification": ("Manual Verification Workbench", "ETIAS National Unit Workbench"),
    "mid-logs": ("Manual Verification Workbench", "Central Audit Log Service"),
    "data-quality": ("Biometric Capture Service", "Border Control System", "Integration Hub"),
    "crrs": SOURCES["eu.CRRS"],
    "security": ("Integration Hub", "Identity and Access Management", "Central Audit Log Service"),
    "data-subject-rights": ("Data Subject Request Portal",),
    "supervision": ("Central Audit Log Service", "Statistics and Reporting Warehouse"),
}
