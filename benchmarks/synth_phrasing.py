"""Sentences of the synthetic models: requirements, processes, work packages, milestones."""

from __future__ import annotations

# Per topic (see synth_vocabulary.TOPIC_ARTICLES): (type, title, text). Placeholders: {system} the
# allocated system, {org} an organisation, {site} a kind of place, {n} a small number.
REQUIREMENTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "esp": (
        (
            "functional",
            "Query the EU systems through the ESP",
            "The {system} shall send person and travel document searches to the European search "
            "portal and show the replies grouped by source system. Replies shall be displayed "
            "within {n} seconds for first-line checks at {site}.",
        ),
        (
            "security",
            "Apply the ESP user profile of the officer",
            "The {system} shall attach the ESP user profile that matches the officer's role in the "
            "{org}, so that only systems the officer may access are searched.",
        ),
        (
            "functional",
            "Fall back to the national copies when the ESP is unavailable",
            "When the European search portal cannot be reached, the {system} shall notify the user "
            "and query the underlying systems directly, as the fall-back procedure requires.",
        ),
    ),
    "esp-logs": (
        (
            "legal",
            "Log every ESP query made by national users",
            "The {system} shall log the date and time, the user, the profile used and the systems "
            "queried for every ESP search, and keep the log for one year.",
        ),
    ),
    "sbms": (
        (
            "functional",
            "Send biometric data in the format the sBMS expects",
            "The {system} shall send fingerprints and facial images of a quality that allows the "
            "shared biometric matching service to create templates, checking quality before "
            "sending.",
        ),
        (
            "non-functional",
            "Answer biometric searches fast enough for border checks",
            "The {system} shall return the result of a biometric search to the officer at {site} "
            "within {n} seconds in 95 % of cases.",
        ),
    ),
    "sbms-logs": (
        (
            "legal",
            "Keep logs of sBMS searches for data protection monitoring",
            "The {system} shall log each search of the shared biometric matching service with the "
            "user and the reason, and erase the log one year after it was created.",
        ),
    ),
    "cir": (
        (
            "functional",
            "Keep the individual file in the CIR up to date",
            "The {system} shall send every creation, update and deletion of identity data to the "
            "central system so that the individual file in the CIR stays consistent.",
        ),
        (
            "non-functional",
            "Reconcile national records with the CIR every night",
            "The {system} shall compare national records with the CIR references every night and "
            "report differences to the {org} within {n} hours.",
        ),
    ),
    "cir-identification": (
        (
            "functional",
            "Query the CIR to identify a person during a police identity check",
            "The {system} shall query the common identity repository with biometric data taken "
            "live during an identity check, only where national law allows it and only for its "
            "purposes.",
        ),
        (
            "legal",
            "Record the national legal basis for CIR identity checks",
            "The {org} shall keep the national legislative measure that allows CIR identity checks "
            "and the list of competent authorities, and notify changes to the Commission.",
        ),
    ),
    "cir-multiple-identities": (
        (
            "functional",
            "Show the linked CIR data of a yellow link to the verifying authority",
            "The {system} shall display the CIR data of both linked files to the authority "
            "responsible for the manual verification, and nothing more.",
        ),
    ),
    "cir-law-enforcement": (
        (
            "functional",
            "Query the CIR for terrorist or serious criminal offences",
            "The {system} shall let designated authorities send a reasoned hit/no-hit query to the "
            "CIR for a specific case. Full access shall then go through the central access point.",
        ),
        (
            "organisational",
            "Check reasoned requests at the central access point",
            "The central access point in the {org} shall check every law enforcement request for "
            "the conditions of access before it is forwarded, within {n} hours.",
        ),
    ),
    "cir-logs": (
        (
            "legal",
            "Log every CIR query with its purpose",
            "The {system} shall log each CIR query with the user, the authority, the purpose and "
            "the national file reference, and give the supervisory authority access to the logs.",
        ),
    ),
    "mid": (
        (
            "functional",
            "Receive the result of a multiple-identity detection",
            "The {system} shall receive the link created by the multiple-identity detector when "
            "new data are recorded and show its colour to the user at {site}.",
        ),
        (
            "non-functional",
            "Process MID notifications without loss",
            "The {system} shall queue MID notifications when the receiving application is down and "
            "deliver them within {n} hours of its return.",
        ),
    ),
    "mid-manual-verification": (
        (
            "functional",
            "Manually verify yellow links assigned to the authority",
            "The {system} shall present each yellow link assigned to the {org} with both "
            "identities side by side and record the decision as a green, red or white link.",
        ),
        (
            "organisational",
            "Staff the manual verification of links",
            "The {org} shall assign trained staff to verify yellow links, so that each link is "
            "verified within {n} days of its creation.",
        ),
    ),
    "mid-logs": (
        (
            "legal",
            "Log manual verifications of links",
            "The {system} shall log the user, the date and the outcome of every manual "
            "verification of a link, and keep the log for one year.",
        ),
    ),
    "data-quality": (
        (
            "non-functional",
            "Check the quality of data before they are sent",
            "The {system} shall reject records whose mandatory fields are empty or whose biometric "
            "quality is below the threshold, and tell the user why.",
        ),
        (
            "organisational",
            "Review data quality reports from eu-LISA",
            "The {org} shall review the data quality reports of eu-LISA every {n} months and "
            "correct the records they point to.",
        ),
    ),
    "crrs": (
        (
            "functional",
            "Send anonymised statistics to the CRRS",
            "The {system} shall extract anonymised statistics on queries and hits and send them to "
            "the central repository for reporting and statistics every month.",
        ),
    ),
    "security": (
        (
            "security",
            "Protect connections to the national uniform interface",
            "The {system} shall connect to the national uniform interface only over the encrypted "
            "channel and authenticate with a certificate managed by the {org}.",
        ),
        (
            "security",
            "Report security incidents affecting the components",
            "The {org} shall notify security incidents that may affect the interoperability "
            "components to eu-LISA and the supervisory authority within {n} hours.",
        ),
        (
            "non-functional",
            "Keep the service available during border operations",
            "The {system} shall be available 99.{n} % of the time during opening hours at {site}, "
            "with planned maintenance announced one week in advance.",
        ),
    ),
    "data-subject-rights": (
        (
            "functional",
            "Handle requests of data subjects",
            "The {system} shall register requests for access, rectification, erasure or "
            "restriction and track the reply, which shall be sent within {n} days.",
        ),
        (
            "organisational",
            "Inform persons whose data are processed",
            "The {org} shall inform persons whose data are stored in the CIR or MID of the "
            "processing and of their rights, in a language they understand.",
        ),
    ),
    "supervision": (
        (
            "organisational",
            "Support audits by the supervisory authority",
            "The {org} shall give the supervisory authority access to logs and documentation of "
            "the {system} and answer its requests within {n} days.",
        ),
    ),
}

# (name, owner slug) of the processes whose first EU-bound flow goes to a target; a process
# with no EU-bound flow is a national one.
PROCESSES: dict[str, tuple[tuple[str, str], ...]] = {
    "eu.EES": (("Border check at entry", "border-guard"), ("Border check at exit", "border-guard")),
    "eu.ESP": (("Second-line border check", "border-guard"),),
    "eu.sBMS": (("Biometric search at registration", "migration"),),
    "eu.VIS": (("Visa application processing", "migration"),),
    "eu.ETIAS": (("Manual processing of an ETIAS hit", "border-guard"),),
    "eu.CIR": (
        ("Police identity check with a CIR query", "police"),
        ("Law enforcement access through the central access point", "police"),
    ),
    "eu.MID": (("Manual verification of a yellow MID link", "police"),),
    "eu.Eurodac": (("Registration of an application for international protection", "migration"),),
    "eu.ECRIS-TCN": (
        ("Criminal record request for a third-country national", "interior-ministry"),
    ),
    "eu.SIS": (("Follow-up of a hit on a SIS alert", "police"),),
    "eu.CRRS": (("Monthly statistics to the CRRS", "interior-ministry"),),
    "national": (
        ("Handling of a data subject request", "interior-ministry"),
        ("Nightly synchronisation of national registers", "it-centre"),
    ),
}
PROCESS_VARIANTS = ("airports", "land borders", "seaports", "regional offices", "headquarters")

WORK_PACKAGES = (
    "Connect the {system} to the ESP",
    "Adapt the {system} for CIR identity checks",
    "MID manual verification in the {system}",
    "Logging and audit for the {system}",
    "Security accreditation of the {system}",
    "Data quality controls in the {system}",
    "Acceptance testing of the {system} with eu-LISA",
    "Training of the end users of the {system}",
    "Migration of data to the {system}",
    "Biometric capture upgrade of the {system}",
)

PHASES = (
    ("Preparation", 2024),
    ("Design and build", 2025),
    ("Integration and testing", 2026),
    ("Operation and evaluation", 2027),
)

MILESTONES = (
    "Go-live of the {system}",
    "Compliance tests with eu-LISA passed for the {system}",
    "Security accreditation of the {system} granted",
    "End users of the {system} trained",
)
