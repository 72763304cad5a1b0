workspace "Latvia - national interoperability architecture (IeM IC, VP, VRS, PMLP concept)" "Exported by archlex: the national interoperability architecture of LV." {
    !identifiers flat

    model {
        e_AM_2d_KD = person "Ministry of Foreign Affairs, Consular Department (Ārlietu ministrijas Konsulārais departaments)" "Runs the consular sections of Latvian embassies that take Schengen visa applications (directly or through an external service provider) and decide on them in the National Visa Information System. Verifies yellow MID links on VIS application files its consulates created. Roles: visa-authority, manual-verification-authority." "Organisation,ministry"
        e_DVI = person "Data State Inspectorate (Datu valsts inspekcija)" "Independent national data-protection supervisory authority under the GDPR and under the Law on the Processing of Personal Data in Criminal and Administrative Violation Proceedings (Directive 2016/680). Audits the national processing for the interoperability components and reviews the logs of law-enforcement CIR queries. Roles: supervisory-authority." "Organisation,supervisory"
        e_IeM = person "Ministry of the Interior (Iekšlietu ministrija)" "Lead ministry for the implementation of the interoperability regulations in Latvia. Owns the national interoperability programme and the shared national components (ESP gateway, MID workstation, audit log service), drafts the amendments to the Law on the Interior Information Systems and the Cabinet regulations on access rights, and chairs the interinstitutional steering group with VP, VRS, PMLP, the Ministry of Foreign Affairs and the Ministry of Justice." "Organisation,ministry"
        e_IeM_2d_IC = person "Information Centre of the Ministry of the Interior (Iekšlietu ministrijas Informācijas centrs, IeM IC)" "Technical operator of most interior-sector information systems: the national part of SIS (N.SIS), the Integrated Interior Information System (IIIS), the Biometric Data Processing System (BDAS), the Punishment Register (Sodu reģistrs) and the national connections to the EU central systems through the national uniform interfaces. Runs the primary and secondary data centres in Riga and the 24/7 service desk. Maintains the Punishment Register and is therefore the ECRIS and ECRIS-TCN central authority; acts as the single contact point for data-subject requests concerning the MID. Roles: national-system-operator, ecris-tcn-central-authority, manual-verification-authority, data-subject-rights-authority, data-quality-responsible." "Organisation,it-centre"
        e_PMLP = person "Office of Citizenship and Migration Affairs (Pilsonības un migrācijas lietu pārvalde, PMLP)" "Migration authority under the Ministry of the Interior. Issues and extends visas and residence permits inside Latvia, examines applications for international protection (Asylum Affairs Division), keeps the Register of Natural Persons (Fizisko personu reģistrs) and owns the National Visa Information System. Verifies yellow MID links that arise from visa and residence-permit data in the VIS. Roles: visa-authority, immigration-authority, asylum-authority, manual-verification-authority, data-quality-responsible." "Organisation,migration"
        e_TA = person "Court Administration (Tiesu administrācija)" "Runs the Court Information System (Tiesu informatīvā sistēma) under the Ministry of Justice. Final criminal judgments, including those against third-country nationals, flow from it to the Punishment Register kept by IeM IC, which then records them in ECRIS-TCN." "Organisation,judicial"
        e_VDD = person "State Security Service (Valsts drošības dienests)" "Security service responsible for counter-terrorism and counter-intelligence. Designated authority: it may ask the central access point for CIR, EES, VIS and ETIAS data in specific terrorism cases, through a reasoned electronic request. Roles: designated-authority." "Organisation,other"
        e_VP = person "State Police (Valsts policija)" "National police. Its International Cooperation Department (Starptautiskās sadarbības pārvalde) houses SIRENE Latvia, the Europol national unit and the Interpol NCB, and acts as the central access point for law-enforcement access to EES, VIS, ETIAS, Eurodac and, after the CIR starts, the CIR. Patrol and criminal police units carry out identity checks and will use the CIR identity-check query once the national law allows it. Roles: sirene-bureau, designated-authority, central-access-point, identity-check-police-authority, europol-national-unit, manual-verification-authority, data-quality-responsible." "Organisation,police"
        e_VRS = person "State Border Guard (Valsts robežsardze)" "Carries out border checks at the external-border crossing points (among them Riga International Airport, the road BCPs Terehova, Grebņeva and Pāternieki, the railway BCPs Zilupe and Indra and the ports of Riga, Ventspils and Liepāja) and immigration control inside the country. Hosts the ETIAS National Unit, registers applications for asylum lodged at the border and in the Mucenieki accommodation centre and takes the fingerprints for Eurodac. Designated authority for law-enforcement access in cases of smuggling of migrants and trafficking in human beings. Roles: border-authority, etias-national-unit, designated-authority, immigration-authority, visa-authority, manual-verification-authority, data-quality-responsible." "Organisation,border-guard"
        e_eu_2e_Commission = person "European Commission" "EU institution that adopts the implementing and delegated acts under both regulations (for example the decisions that fix when each interoperability component starts operations) and evaluates how the framework works." "Organisation,other"
        e_eu_2e_EDPS = person "European Data Protection Supervisor" "Independent EU data-protection authority (Regulation (EU) 2018/1725). Supervises the processing of personal data by eu-LISA, Europol and the ETIAS Central Unit in the interoperability components, audits that processing, and cooperates with the national supervisory authorities (Chapter VII of both regulations)." "Organisation,other"
        e_eu_2e_Europol = person "European Union Agency for Law Enforcement Cooperation (Europol)" "EU agency for police cooperation (Regulation (EU) 2016/794). Its data are among the sources the European search portal queries, and it may query the common identity repository for the prevention, detection and investigation of terrorist and other serious criminal offences. Article 88 TFEU is a legal basis of 2019/818 only." "Organisation,eu-agency"
        e_eu_2e_Frontex = person "European Border and Coast Guard Agency (Frontex)" "EU agency for border management (Regulation (EU) 2019/1896). Hosts the ETIAS Central Unit set up by Regulation (EU) 2018/1240, which verifies multiple-identity links arising from ETIAS data (2019/817 Art 29) and is charged with the transitional multiple-identity detection before the MID starts (2019/817 Art 69)." "Organisation,eu-agency"
        e_eu_2e_Interpol = person "International Criminal Police Organization (Interpol)" "International police organisation, not an EU body. Owns the SLTD and TDAWN databases that the European search portal queries, under safeguards so that the owner of the data does not learn of the query." "Organisation,other"
        e_eu_2e_eu_2d_LISA = person "European Union Agency for the Operational Management of Large-Scale IT Systems in the Area of Freedom, Security and Justice (eu-LISA)" "EU agency (Regulation (EU) 2018/1726) that develops and runs the EU central systems, the interoperability components and their communication infrastructure, during design and development and after entry into operations (Chapter VIII of both regulations)." "Organisation,eu-agency"
        e_AUDIT = softwareSystem "National audit log service (Centralizētais auditācijas pierakstu serviss)" "Central, tamper-evident store of the national logs of ESP, CIR, MID and sBMS queries (2019/817 and 2019/818 Arts 10, 16, 24 and 36) and of the national systems' own access logs. Keeps entries for one year and then erases them unless a monitoring procedure has started; gives data-protection officers and the Data State Inspectorate a review console; feeds the IeM IC security operations centre." "National,Planned" {
            e_AUDIT_2d_COLLECTOR = container "Log collector" "Receives signed log entries from ESP-GW, MID-WS, LEA-REQ and the national systems over a write-only channel." ""
            e_AUDIT_2d_ARCHIVE = container "Log archive" "Write-once store with one-year retention, legal hold for monitoring cases and automatic erasure." ""
            e_AUDIT_2d_REVIEW = container "Review console" "Search and reports for the DPOs of VP, VRS, PMLP and IeM IC and read-only access for the Data State Inspectorate." ""
            e_AUDIT_2d_SIEM = container "Security monitoring" "Correlation rules and alerts for the IeM IC security operations centre, linked to CERT.LV reporting." ""
        }
        e_BDAS = softwareSystem "Biometric Data Processing System (Biometrijas datu apstrādes sistēma, BDAS)" "National biometric system established by the Biometric Data Processing System Law: AFIS and facial recognition for the interior sector. Checks image quality (NFIQ 2, ICAO portrait rules) before biometrics go to Eurodac, SIS and ECRIS-TCN, and sends Eurodac transactions through the Eurodac NUI. Changing for the Eurodac recast (facial images) and for the sBMS quality thresholds." "National" {
            e_BDAS_2d_AFIS = container "Automated fingerprint identification" "Ten-print and latent matching for the State Police forensic service and national identification." ""
            e_BDAS_2d_FACE = container "Facial recognition" "One-to-many facial search for investigations and one-to-one verification." ""
            e_BDAS_2d_QC = container "Biometric quality control" "Quality scoring and rejection of samples below the thresholds of the EU systems." ""
        }
        e_EES_2d_NI = softwareSystem "National EES/ETIAS integration layer (EES/ETIAS nacionālā integrācijas platforma)" "Message broker between the national border and migration systems and the EES and ETIAS national uniform interfaces. Validates messages against the eu-LISA interface control documents, queues them when the NUI is unavailable and reconciles EES acknowledgements. In production since the EES start on 12 October 2025; the ETIAS adapter is being completed for the ETIAS start." "National" {
            e_EES_2d_NI_2d_EES = container "EES adapter" "Creates and updates EES individual files and entry/exit records; handles EES web-service replies." ""
            e_EES_2d_NI_2d_ETIAS = container "ETIAS adapter" "Receives ETIAS applications referred to Latvia and returns the National Unit's decisions." ""
        }
        e_ESP_2d_GW = softwareSystem "National ESP gateway (Eiropas meklēšanas portāla nacionālā vārteja)" "Single national client of the European search portal. National systems call one internal API; the gateway maps the user's role to the ESP profile, builds UMF messages, sends the query to the ESP, writes the national log entry and returns the reply per source system. When the ESP is unavailable it switches to the fall-back routes (NUIs, N.SIS national copy) and tells the user. Runs active-active in the two IeM IC data centres." "National,Planned" {
            e_ESP_2d_GW_2d_API = container "Internal search API" "REST API for RKIS, NVIS, PATV, PIS, ETIAS-NU, LEA-REQ, SODU and MID-WS, authenticated with the IAM tokens." ""
            e_ESP_2d_GW_2d_PROFILES = container "Profile mapping" "Table of national user roles to ESP profiles, reviewed with eu-LISA at least once a year." ""
            e_ESP_2d_GW_2d_UMF = container "UMF adapter" "Builds and parses UMF messages, including transliteration of names with Latvian diacritics." ""
            e_ESP_2d_GW_2d_FALLBACK = container "Fall-back routing" "Routes searches directly to the NUIs and N.SIS during ESP outages and marks them in the log." ""
        }
        e_ETIAS_2d_NU = softwareSystem "ETIAS National Unit case system (ETIAS nacionālās vienības lietu sistēma)" "Case handling for the ETIAS National Unit at the VRS Main Board in Riga: receives applications referred to Latvia after a hit in the automated processing, lets the analysts consult the EU and national systems through the ESP gateway and national queries, records the decision and its justification within the 96-hour limit, and passes yellow MID links on ETIAS data to the MID workstation." "National,Planned"
        e_FPR = softwareSystem "Register of Natural Persons (Fizisko personu reģistrs, FPR)" "Base register of Latvian citizens, non-citizens, foreigners with residence permits and asylum seekers, with the personal code (personas kods). Used to verify inviting persons and to register asylum seekers so that an asylum seeker's personal document can be issued." "National"
        e_IAM = softwareSystem "Interior identity and access management (Iekšlietu lietotāju identitātes un piekļuves pārvaldība)" "Single sign-on with eID card or smart-card two-factor authentication for the staff of VP, VRS, PMLP, the consular department, VDD and IeM IC. Keeps the up-to-date list of authorised staff and their ESP profiles and MID rights, and grants them only after the training record is complete." "National" {
            e_IAM_2d_DIR = container "Directory of authorised staff" "Staff, unit, role and the interoperability profile assigned; source of the lists notified to eu-LISA." ""
            e_IAM_2d_AUTHZ = container "Authorisation service" "Issues tokens with role and ESP profile claims to ESP-GW, MID-WS and LEA-REQ." ""
            e_IAM_2d_TRAIN = container "Training records" "Completion of the interoperability, data-protection and manual-verification courses, linked to rights." ""
        }
        e_IIIS = softwareSystem "Integrated Interior Information System (Integrētā iekšlietu informācijas sistēma, IIIS)" "Set of national registers of the interior sector used in border, police and ETIAS checks, among them the wanted persons register and the register of invalid documents." "National" {
            e_IIIS_2d_WANTED = container "Wanted persons register (Meklēšanā esošo personu reģistrs)" "National search, arrest and discreet-check alerts that are not in SIS." ""
            e_IIIS_2d_DOCS = container "Register of invalid documents (Nederīgo dokumentu reģistrs)" "Lost, stolen and invalidated Latvian and foreign documents reported in Latvia." ""
        }
        e_LEA_2d_REQ = softwareSystem "Law-enforcement access request system (Tiesībaizsardzības piekļuves pieprasījumu sistēma)" "Electronic reasoned requests of the operating units of the designated authorities (VP, VRS, VDD) for CIR queries and for law-enforcement access to EES, VIS, ETIAS and Eurodac, with the verification by the central access point, the query and the case file. Replaces the current paper and e-mail procedure for VIS law-enforcement access." "National,Planned" {
            e_LEA_2d_REQ_2d_FORM = container "Reasoned request e-form" "Request form with the case number, the offence category, the grounds and the data to search with." ""
            e_LEA_2d_REQ_2d_CAP = container "Central access point console" "Verification of each request by the duty officer of the central access point, who then launches the query." ""
        }
        e_MID_2d_WS = softwareSystem "MID manual-verification workstation (Vairāku identitāšu manuālās pārbaudes darbstacija)" "Shared web application in which the authorities Art 29 makes responsible (VRS for EES and ETIAS, PMLP and the consular department for VIS, SIRENE for SIS, IeM IC for ECRIS-TCN) work through their yellow-link worklists: consult the linked CIR and SIS data, record the verification and classify the link, inform the person of a red link, and register data-subject requests on MID data." "National,Planned" {
            e_MID_2d_WS_2d_QUEUE = container "Worklists" "One worklist per responsible authority with the age of each yellow link and escalation." ""
            e_MID_2d_WS_2d_ICF = container "Identity confirmation file viewer" "Side-by-side view of the linked records and the classification form with mandatory justification." ""
            e_MID_2d_WS_2d_DSR = container "Data-subject requests register" "Register of requests for access, rectification, erasure and restriction concerning MID data, with deadlines." ""
        }
        e_NSIS = softwareSystem "National part of the Schengen Information System (Šengenas informācijas sistēmas nacionālā daļa, N.SIS)" "National copy of the SIS database and the national alert management. Border, police and migration systems query the national copy; alerts created by Latvian authorities, including fingerprints and facial images, are sent to Central SIS through the NUI." "National" {
            e_NSIS_2d_COPY = container "National copy" "Full national copy of Central SIS, synchronised continuously; answers up to 2,000 queries per second at peak." ""
            e_NSIS_2d_ALERT = container "Alert management" "Creation, update and deletion of Latvian alerts with quality checks before sending to Central SIS." ""
        }
        e_NVIS = softwareSystem "National Visa Information System (Nacionālā vīzu informācijas sistēma, NVIS)" "Processes Schengen and long-stay visa applications made at Latvian consulates, at the external service provider and at PMLP, including the invitations (ielūgumi) registered by inviting persons and companies in Latvia. Sends application files and decisions to the VIS through the NUI. Changing: consultations of EES, VIS, ETIAS and SIS move to the ESP, and yellow MID links on VIS data are routed to the MID workstation." "National" {
            e_NVIS_2d_CONSULAR = container "Consular module" "Web module used by the consular sections of the embassies and by the external service provider to register applications, biometrics and decisions." ""
            e_NVIS_2d_VIS = container "VIS adapter" "Sends application files, decisions and amendments to the VIS and receives VIS replies." ""
        }
        e_PATV = softwareSystem "Asylum Case System (Patvēruma lietu informācijas sistēma, PATV)" "Registers applications for international protection (VRS at the border and at the Mucenieki centre) and supports the PMLP Asylum Affairs Division in the Dublin and examination procedures. Changing for the Eurodac recast (Regulation (EU) 2024/1358), applicable from 12 June 2026: facial images, more data categories and new registration categories." "National" {
            e_PATV_2d_REG = container "Registration module (VRS)" "Registration of the application with live capture of fingerprints and facial image." ""
            e_PATV_2d_CASE = container "Case module (PMLP)" "Dublin procedure, interviews, decisions and appeals workflow." ""
        }
        e_PIS = softwareSystem "State Police Information System (Valsts policijas informācijas sistēma, PIS)" "Operational and investigation system of the State Police. Changing: the patrol app gains the CIR identity-check query (Art 20) with live fingerprints, and investigators file reasoned requests for law-enforcement access through LEA-REQ." "National" {
            e_PIS_2d_MOBILE = container "Patrol identity-check app" "App on patrol tablets with a contactless fingerprint reader and camera; queries BDAS, the wanted persons register and, through the ESP gateway, the CIR." ""
            e_PIS_2d_CASE = container "Investigation case module" "Criminal intelligence and investigation files; the source of SIS alerts created by the police." ""
        }
        e_RKIS = softwareSystem "Border Control Information System (Robežkontroles informācijas sistēma, RKIS)" "First- and second-line border check application used at every external-border crossing point. Reads the travel document (MRZ and chip), takes the live facial image and four fingerprints, checks the national SIS copy and the national registers, records the EES entry or exit through the integration layer and, from the ESP start, launches every search of EES, VIS and ETIAS through the national ESP gateway. Changing: the ESP integration and the handling of yellow and red MID links at the border are being added." "National" {
            e_RKIS_2d_BCP = container "BCP workstation client" "Thin client at the first-line booths and second-line offices, with document readers, four-print scanners and facial cameras." ""
            e_RKIS_2d_EGATE = container "Automated border control gates" "eGates at Riga International Airport (Starptautiskā lidosta \"Rīga\") for EU citizens and registered EES travellers, with officer supervision console." ""
            e_RKIS_2d_MOBILE = container "Mobile border check devices" "Hand-held devices for checks on trains at Zilupe and Indra and on ships in the ports, connected over the VRS mobile VPN." ""
            e_RKIS_2d_SSS = container "Self-service kiosks" "Kiosks at the airport and at Terehova for pre-enrolment of EES data before the booth." ""
        }
        e_SIRENE_2d_CMS = softwareSystem "SIRENE case management system (SIRENE lietu vadības sistēma)" "Case management of SIRENE Latvia: hit handling, SIRENE forms over SIRENE Mail, flagging and, from the MID start, the SIRENE worklist for yellow links involving SIS alerts and the follow-up of red links on Latvian alerts." "National"
        e_SODU = softwareSystem "Punishment Register (Sodu reģistrs)" "National criminal records register. Receives final judgments from the Court Information System, exchanges conviction information through ECRIS and creates ECRIS-TCN records for third-country nationals convicted in Latvia." "National" {
            e_SODU_2d_ECRIS = container "ECRIS and ECRIS-TCN gateway" "Reference implementation connection to ECRIS and the ECRIS-TCN adapter to the NUI." ""
        }
        e_STAT = softwareSystem "Interior statistics and reporting system (Iekšlietu statistikas un pārskatu sistēma)" "Data warehouse for management reporting of the interior sector. Retrieves reports from the CRRS, combines them with anonymised national counts from the audit log service, and shows data-quality indicators for the data Latvian authorities enter in the EU systems." "National,Planned" {
            e_STAT_2d_DWH = container "Reporting warehouse" "Anonymised, aggregated data only; no personal data are loaded." ""
            e_STAT_2d_DQ = container "Data-quality dashboard" "eu-LISA data-quality findings per authority and system, with remediation tracking." ""
        }
        e_TIS = softwareSystem "Court Information System (Tiesu informatīvā sistēma, TIS)" "Case management of the Latvian courts; sends final criminal judgments to the Punishment Register through the state data exchange platform (VISS)." "National"
        e_VDD_2d_IS = softwareSystem "State Security Service case system" "Case system of the State Security Service. Connected to LEA-REQ through a one-way request gateway; replies come back to an accredited terminal only." "National"
        e_eu_2e_CIR = softwareSystem "Common identity repository (CIR)" "Holds one individual file per person with the identity, travel-document and biometric data recorded in EES, VIS, ETIAS, Eurodac and ECRIS-TCN. Used for identification (Art 20), for multiple-identity detection (Art 21) and for hit/no-hit queries by designated authorities and Europol on terrorism and serious crime (Art 22). Chapter IV of both regulations." "Interoperability component"
        e_eu_2e_CRRS = softwareSystem "Central repository for reporting and statistics (CRRS)" "Repository of anonymised statistical data drawn from the EU systems and the components, for policy, operational and data-quality reporting. Art 39 of both regulations." "Interoperability component"
        e_eu_2e_ECRIS_2d_TCN = softwareSystem "European Criminal Records Information System for third-country nationals (ECRIS-TCN)" "Central index that tells a Member State which other Member States hold criminal records on a third-country national or stateless person. Established by Regulation (EU) 2019/816, which 2019/818 amends; its identity and biometric data are held in the common identity repository." "EU central system" {
            e_eu_2e_NUI_2d_ECRIS_2d_TCN = container "National interface to ECRIS-TCN" "The Member State end of the connection between the national criminal-records authorities and the central ECRIS-TCN (Regulation (EU) 2019/816). The ECRIS-TCN act's own terms for its national connection differ from NUI." "National uniform interface"
        }
        e_eu_2e_EES = softwareSystem "Entry/Exit System (EES)" "Records the entries, exits and refusals of entry of third-country nationals admitted for short stays at the external borders, with their biometric data, and computes the authorised length of stay. Established by Regulation (EU) 2017/2226, which 2019/817 amends; its identity and biometric data are held in the common identity repository." "EU central system" {
            e_eu_2e_NUI_2d_EES = container "National uniform interface of the EES" "Interface in each Member State, identical for all, through which national border and other systems connect to the central EES (Regulation (EU) 2017/2226)." "National uniform interface"
        }
        e_eu_2e_ESP = softwareSystem "European search portal (ESP)" "Single search interface that queries, in parallel, the EU central systems, the CIR and MID, Europol data and the Interpol databases, and returns only the data the user's profile is entitled to. Chapter II of both regulations." "Interoperability component"
        e_eu_2e_ETIAS = softwareSystem "European Travel Information and Authorisation System (ETIAS)" "Pre-travel authorisation for visa-exempt third-country nationals, with automated checks of the application against other EU systems; applications are handled by the ETIAS Central Unit (Frontex) and the ETIAS National Units. Established by Regulation (EU) 2018/1240, which 2019/817 amends; its identity data are held in the common identity repository." "EU central system" {
            e_eu_2e_NUI_2d_ETIAS = container "National uniform interface of ETIAS" "Interface in each Member State, identical for all, through which national systems and the ETIAS National Unit connect to the ETIAS central system (Regulation (EU) 2018/1240)." "National uniform interface"
        }
        e_eu_2e_Eurodac = softwareSystem "Eurodac" "Biometric database of applicants for international protection and of third-country nationals apprehended in irregular situations. Established by Regulation (EU) No 603/2013, replaced by Regulation (EU) 2024/1358 (which also amends 2019/818); its identity and biometric data are held in the common identity repository." "EU central system" {
            e_eu_2e_NUI_2d_Eurodac = container "National interface to Eurodac" "The Member State end of the connection between the national asylum, migration and law-enforcement systems and the central Eurodac (Regulation (EU) No 603/2013, replaced by Regulation (EU) 2024/1358). The Eurodac acts use their own terms (such as national access point) for this connection." "National uniform interface"
        }
        e_eu_2e_Europol_2d_data = softwareSystem "Europol data" "Data processed by Europol under Regulation (EU) 2016/794, queried through the European search portal by users entitled to them." "External"
        e_eu_2e_Interpol_2d_SLTD = softwareSystem "Interpol Stolen and Lost Travel Document database (SLTD)" "Interpol database of stolen and lost travel documents, queried through the European search portal without the query being revealed to the owner of the data." "External"
        e_eu_2e_Interpol_2d_TDAWN = softwareSystem "Interpol Travel Documents Associated with Notices database (TDAWN)" "Interpol database of travel documents linked to Interpol notices, queried through the European search portal without the query being revealed to the owner of the data." "External"
        e_eu_2e_MID = softwareSystem "Multiple-identity detector (MID)" "Checks new or updated records against the data in the CIR and SIS, and stores identity confirmation files with yellow, green, red or white links between records, to detect multiple identities and identity fraud; yellow links are verified manually by the authority Art 29 designates. Chapter V of both regulations." "Interoperability component"
        e_eu_2e_SIS = softwareSystem "Schengen Information System (SIS)" "Alerts on persons and objects shared between Member States. Its use for border checks (Regulation (EU) 2018/1861) and for return (Regulation (EU) 2018/1860) falls under 2019/817; its use for police and judicial cooperation (Regulation (EU) 2018/1862) falls under 2019/818. Its biometric data feed the shared biometric matching service; it is linked to the multiple-identity detector but is not part of the common identity repository." "EU central system" {
            e_eu_2e_NUI_2d_SIS = container "National uniform interface of SIS (NI-SIS)" "Uniform national interface, part of the Central SIS, through which each national SIS (N.SIS) connects to the central system (Regulations (EU) 2018/1860, 2018/1861 and 2018/1862)." "National uniform interface"
        }
        e_eu_2e_VIS = softwareSystem "Visa Information System (VIS)" "Exchange of data on short-stay visa applications and decisions between Member States, extended by Regulation (EU) 2021/1134 to long-stay visas and residence permits. Established by Regulation (EC) No 767/2008, with law-enforcement access under Council Decision 2008/633/JHA (both amended by 2019/817); its identity and biometric data are held in the common identity repository." "EU central system" {
            e_eu_2e_NUI_2d_VIS = container "National uniform interface of the VIS" "Interface in each Member State through which national visa and other systems connect to the central VIS (Regulation (EC) No 767/2008); called the national interface (NI-VIS) in Council Decision 2004/512/EC." "National uniform interface"
        }
        e_eu_2e_sBMS = softwareSystem "Shared biometric matching service (sBMS)" "Stores biometric templates derived from the biometric data in the CIR and SIS and compares biometric data across the systems. Chapter III of both regulations; its start of operations was fixed at 19 May 2025 by Implementing Decision (EU) 2025/875." "Interoperability component"
        e_IeM_2d_IC -> e_AUDIT "Operates"
        e_IeM -> e_BDAS "Owns"
        e_IeM_2d_IC -> e_BDAS "Operates"
        e_IeM -> e_EES_2d_NI "Owns"
        e_IeM_2d_IC -> e_EES_2d_NI "Operates"
        e_IeM -> e_ESP_2d_GW "Owns"
        e_IeM_2d_IC -> e_ESP_2d_GW "Operates"
        e_VRS -> e_ETIAS_2d_NU "Owns"
        e_IeM_2d_IC -> e_ETIAS_2d_NU "Operates"
        e_PMLP -> e_FPR "Operates"
        e_IeM_2d_IC -> e_IAM "Operates"
        e_IeM -> e_IIIS "Owns"
        e_IeM_2d_IC -> e_IIIS "Operates"
        e_VP -> e_LEA_2d_REQ "Owns"
        e_IeM_2d_IC -> e_LEA_2d_REQ "Operates"
        e_IeM -> e_MID_2d_WS "Owns"
        e_IeM_2d_IC -> e_MID_2d_WS "Operates"
        e_IeM -> e_NSIS "Owns"
        e_IeM_2d_IC -> e_NSIS "Operates"
        e_PMLP -> e_NVIS "Owns"
        e_IeM_2d_IC -> e_NVIS "Operates"
        e_PMLP -> e_PATV "Owns"
        e_IeM_2d_IC -> e_PATV "Operates"
        e_VP -> e_PIS "Owns"
        e_IeM_2d_IC -> e_PIS "Operates"
        e_VRS -> e_RKIS "Operates"
        e_VP -> e_SIRENE_2d_CMS "Owns"
        e_IeM_2d_IC -> e_SIRENE_2d_CMS "Operates"
        e_IeM_2d_IC -> e_SODU "Operates"
        e_IeM -> e_STAT "Owns"
        e_IeM_2d_IC -> e_STAT "Operates"
        e_TA -> e_TIS "Operates"
        e_VDD -> e_VDD_2d_IS "Operates"
        e_eu_2e_eu_2d_LISA -> e_eu_2e_CIR "Operates"
        e_eu_2e_eu_2d_LISA -> e_eu_2e_CRRS "Operates"
        e_eu_2e_eu_2d_LISA -> e_eu_2e_ECRIS_2d_TCN "Operates"
        e_eu_2e_eu_2d_LISA -> e_eu_2e_EES "Operates"
        e_eu_2e_eu_2d_LISA -> e_eu_2e_ESP "Operates"
        e_eu_2e_eu_2d_LISA -> e_eu_2e_ETIAS "Operates"
        e_eu_2e_eu_2d_LISA -> e_eu_2e_Eurodac "Operates"
        e_eu_2e_Europol -> e_eu_2e_Europol_2d_data "Operates"
        e_eu_2e_Interpol -> e_eu_2e_Interpol_2d_SLTD "Operates"
        e_eu_2e_Interpol -> e_eu_2e_Interpol_2d_TDAWN "Operates"
        e_eu_2e_eu_2d_LISA -> e_eu_2e_MID "Operates"
        e_eu_2e_eu_2d_LISA -> e_eu_2e_SIS "Operates"
        e_eu_2e_eu_2d_LISA -> e_eu_2e_VIS "Operates"
        e_eu_2e_eu_2d_LISA -> e_eu_2e_sBMS "Operates"
        e_PATV_2d_REG -> e_BDAS_2d_QC "F-ASY-01: Live-scan fingerprints and facial image taken by the VRS at registration, scored before they are sent to Eurodac. (data: Fingerprints, Facial image, Identity data)" "push" "Flow,Special-category data"
        e_BDAS -> e_eu_2e_Eurodac "F-ASY-02: Registers the applicant in Eurodac and compares the biometrics (Regulation (EU) 2024/1358); the reply gives hits with the Member State of origin for the Dublin procedure. The identity data are copied to the CIR and multiple-identity detection runs. (data: Fingerprints, Facial image, Identity data, Asylum application data)" "query via eu.NUI-Eurodac" "Flow,Special-category data"
        e_BDAS -> e_PATV_2d_CASE "F-ASY-03: Eurodac hit or no-hit and the Eurodac reference number added to the asylum case for the Dublin unit. (data: Asylum application data, Identity data)" "push" "Flow"
        e_PATV_2d_CASE -> e_ESP_2d_GW_2d_API "F-ASY-04: The PMLP case officer's search with the \"asylum authority\" profile, to establish identity and previous travel. (data: Identity data, Travel document data, Facial image)" "query" "Flow,Special-category data"
        e_ESP_2d_GW -> e_eu_2e_ESP "F-ASY-05: Search of Eurodac, VIS, EES, SIS and Interpol SLTD within the asylum authority's access rights. (data: Identity data, Travel document data, Facial image)" "query" "Flow,Special-category data"
        e_eu_2e_ESP -> e_ESP_2d_GW "F-ASY-06: Reply per source system; previous visas and entries are evidence for the Dublin responsibility criteria. (data: Identity data, Visa application data, Entry/exit records, SIS alert data, Asylum application data, MID link data)" "query" "Flow"
        e_PATV -> e_FPR "F-ASY-07: Registers the applicant and assigns a personal code so that the asylum seeker's personal document can be issued. (data: Identity data, Asylum application data)" "push" "Flow"
        e_RKIS_2d_BCP -> e_ESP_2d_GW "F-BRD-01: The first-line officer scans the travel document and takes the live facial image; RKIS starts one search with the \"border guard - entry check\" profile. (data: Identity data, Travel document data, Facial image)" "query" "Flow,Special-category data"
        e_ESP_2d_GW -> e_eu_2e_ESP "F-BRD-02: Parallel search of EES, VIS, ETIAS, SIS, Interpol SLTD and TDAWN and the MID with the border guard profile. (data: Identity data, Travel document data, Facial image)" "query" "Flow,Special-category data"
        e_eu_2e_ESP -> e_ESP_2d_GW "F-BRD-03: Combined reply per source system: previous stays and the remaining authorised stay, visa and ETIAS status, SIS hits, SLTD hits and any yellow or red MID link. (data: Identity data, Travel document data, Entry/exit records, Visa application data, ETIAS travel authorisation data, SIS alert data, MID link data)" "query" "Flow"
        e_ESP_2d_GW -> e_RKIS_2d_BCP "F-BRD-04: Result screen at the booth, with each result labelled by the system it comes from. (data: Identity data, Entry/exit records, Visa application data, ETIAS travel authorisation data, SIS alert data, MID link data)" "query" "Flow"
        e_RKIS -> e_NSIS_2d_COPY "F-BRD-05: SIS check against the national copy with the full result set the border check needs (hit forms, action to be taken); stays in place as the fall-back when the ESP is down. (data: Identity data, Travel document data)" "query" "Flow"
        e_RKIS -> e_IIIS "F-BRD-06: Check against the national wanted persons register and the register of invalid documents. (data: Identity data, Travel document data)" "query" "Flow"
        e_RKIS -> e_EES_2d_NI_2d_EES "F-BRD-07: After the decision to admit, RKIS hands the EES individual file (created or updated) and the entry record to the integration layer; refusals of entry go the same way. (data: Identity data, Travel document data, Facial image, Fingerprints, Entry/exit records)" "push" "Flow,Special-category data"
        e_EES_2d_NI -> e_eu_2e_EES "F-BRD-08: Creates or updates the EES individual file and the entry record (Regulation (EU) 2017/2226); the new data are copied to the CIR and trigger multiple-identity detection. (data: Identity data, Travel document data, Facial image, Fingerprints, Entry/exit records)" "push via eu.NUI-EES" "Flow,Special-category data"
        e_RKIS -> e_MID_2d_WS "F-BRD-09: When the ESP reply shows a yellow or red link, the traveller goes to second line; the case opens in the MID workstation for the consultation of the CIR and SIS and, for EES and ETIAS links, the verification by the VRS (Schengen Borders Code Art 8(4a)). (data: MID link data, Identity data)" "push" "Flow"
        e_TIS -> e_SODU "F-ECR-01: Final criminal judgments through the state data exchange platform, within one working day. (data: Conviction data, Identity data)" "push" "Flow"
        e_BDAS_2d_AFIS -> e_SODU "F-ECR-02: Biometrics taken in the criminal proceedings, linked to the conviction of a third-country national. (data: Fingerprints, Facial image)" "push" "Flow,Special-category data"
        e_SODU_2d_ECRIS -> e_eu_2e_ECRIS_2d_TCN "F-ECR-03: Creates the ECRIS-TCN record of a third-country national convicted in Latvia (Regulation (EU) 2019/816); the identity data are copied to the CIR and multiple-identity detection runs. (data: ECRIS-TCN record data, Identity data, Fingerprints, Facial image)" "push via eu.NUI-ECRIS-TCN" "Flow,Special-category data"
        e_SODU -> e_ESP_2d_GW_2d_API "F-ECR-04: Search by the central authority, with the \"ECRIS-TCN central authority\" profile, to find Member States holding records. (data: Identity data, Travel document data)" "query" "Flow"
        e_ESP_2d_GW -> e_eu_2e_ESP "F-ECR-05: Search of ECRIS-TCN and the CIR within the central authority's access rights. (data: Identity data, Travel document data)" "query" "Flow"
        e_eu_2e_ETIAS -> e_EES_2d_NI_2d_ETIAS "F-ETI-01: ETIAS application referred to Latvia for manual processing after a hit in the automated processing, including yellow MID links the National Unit must verify. (data: ETIAS travel authorisation data, Identity data, Travel document data, MID link data)" "push via eu.NUI-ETIAS" "Flow"
        e_EES_2d_NI_2d_ETIAS -> e_ETIAS_2d_NU "F-ETI-02: Opens a case with the 96-hour deadline counter for the duty analyst. (data: ETIAS travel authorisation data, Identity data, Travel document data, MID link data)" "push" "Flow"
        e_ETIAS_2d_NU -> e_ESP_2d_GW_2d_API "F-ETI-03: The analyst checks the hit against the EU systems with the \"ETIAS National Unit\" profile. (data: Identity data, Travel document data)" "query" "Flow"
        e_ESP_2d_GW -> e_eu_2e_ESP "F-ETI-04: Search of EES, VIS, SIS, Europol data and Interpol databases within the National Unit's access rights. (data: Identity data, Travel document data)" "query" "Flow"
        e_eu_2e_ESP -> e_ESP_2d_GW "F-ETI-05: Reply per source system, limited to what the ETIAS National Unit profile may see. (data: Identity data, Entry/exit records, Visa application data, SIS alert data, MID link data)" "query" "Flow"
        e_ETIAS_2d_NU -> e_IIIS "F-ETI-06: Check against the national wanted persons register and invalid documents (ETIAS Regulation Art 26). (data: Identity data, Travel document data)" "query" "Flow"
        e_ETIAS_2d_NU -> e_MID_2d_WS_2d_QUEUE "F-ETI-07: Yellow links on ETIAS data assigned to Latvia go to the VRS worklist in the MID workstation. (data: MID link data, Identity data)" "push" "Flow"
        e_EES_2d_NI_2d_ETIAS -> e_eu_2e_ETIAS "F-ETI-08: Decision to issue, issue with a flag, or refuse the travel authorisation, with the justification; the ETIAS data in the CIR are updated accordingly. (data: ETIAS travel authorisation data)" "push via eu.NUI-ETIAS" "Flow"
        e_ETIAS_2d_NU -> e_EES_2d_NI_2d_ETIAS "F-ETI-09: The National Unit's signed decision is passed to the ETIAS adapter for sending. (data: ETIAS travel authorisation data)" "push" "Flow"
        e_VDD_2d_IS -> e_LEA_2d_REQ_2d_FORM "F-LEA-01: Reasoned request in a specific terrorism case, through the one-way request gateway. (data: Identity data, Travel document data)" "push" "Flow"
        e_PIS_2d_CASE -> e_LEA_2d_REQ_2d_FORM "F-LEA-02: Reasoned request in a specific serious-crime investigation, with the criminal case number. (data: Identity data, Travel document data, Fingerprints)" "push" "Flow,Special-category data"
        e_LEA_2d_REQ_2d_CAP -> e_ESP_2d_GW_2d_API "F-LEA-03: After the central access point has checked the conditions, the duty officer launches the CIR query. (data: Identity data, Travel document data, Fingerprints)" "query" "Flow,Special-category data"
        e_ESP_2d_GW -> e_eu_2e_CIR "F-LEA-04: Hit/no-hit query of the CIR for the prevention, detection or investigation of terrorist or other serious criminal offences. (data: Identity data, Travel document data, Fingerprints)" "query via eu.ESP" "Flow,Special-category data"
        e_eu_2e_CIR -> e_ESP_2d_GW "F-LEA-05: The reply only names the EU systems that hold data on the person; it is stored in the request case file. (data: CIR hit reference)" "query via eu.ESP" "Flow"
        e_LEA_2d_REQ_2d_CAP -> e_eu_2e_EES "F-LEA-06: After a hit in EES, full access under the EES Regulation's law-enforcement conditions, requested by the central access point. (data: Identity data, Travel document data, Facial image, Entry/exit records)" "query via eu.NUI-EES" "Flow,Special-category data"
        e_LEA_2d_REQ_2d_CAP -> e_eu_2e_VIS "F-LEA-07: After a hit in VIS, full access under the VIS law-enforcement conditions, requested by the central access point. (data: Identity data, Travel document data, Visa application data)" "query via eu.NUI-VIS" "Flow"
        e_LEA_2d_REQ_2d_CAP -> e_VDD_2d_IS "F-LEA-08: The result is released to the requesting operating unit; for VDD only to the accredited terminal. (data: CIR hit reference, Identity data, Entry/exit records, Visa application data)" "push" "Flow"
        e_MID_2d_WS_2d_QUEUE -> e_eu_2e_MID "F-MID-01: Retrieves the yellow links for which a Latvian authority is responsible and, when an officer opens one, its identity confirmation file with the references to the linked data. (data: MID link data, Identity data)" "query" "Flow"
        e_MID_2d_WS_2d_ICF -> e_eu_2e_CIR "F-MID-02: The verifying officer consults the identity and document data of the linked CIR individual files (yellow link). (data: Identity data, Travel document data, Facial image)" "query via eu.ESP" "Flow,Special-category data"
        e_MID_2d_WS_2d_ICF -> e_eu_2e_SIS "F-MID-03: SIRENE officers consult the linked SIS alert when the yellow link involves an alert. (data: SIS alert data, Identity data)" "query via eu.NUI-SIS" "Flow"
        e_MID_2d_WS_2d_ICF -> e_eu_2e_MID "F-MID-04: Records the result of the manual verification: green (different persons), white (same person, legitimately) or red (unjustified multiple identity or identity fraud), with the justification, in the identity confirmation file. (data: MID link data)" "push" "Flow"
        e_MID_2d_WS -> e_SIRENE_2d_CMS "F-MID-05: A red link involving a Latvian SIS alert opens a SIRENE case to update the alert and inform the other SIRENE Bureaux concerned. (data: MID link data, SIS alert data)" "push" "Flow"
        e_SODU -> e_MID_2d_WS_2d_QUEUE "F-MID-06: Yellow links on ECRIS-TCN records created by Latvia, as the convicting Member State, go to the IeM IC worklist. (data: MID link data, ECRIS-TCN record data)" "push" "Flow"
        e_MID_2d_WS_2d_ICF -> e_MID_2d_WS_2d_DSR "F-MID-07: The verifying authority's notice to the person concerned by a red link, with the reference to the web portal, is generated and recorded; it is withheld while it would prejudice an investigation. (data: MID link data, Identity data)" "push" "Flow"
        e_PIS_2d_MOBILE -> e_BDAS_2d_AFIS "F-POL-01: First step of an identity check when the person cannot or will not identify themselves: one-to-many search in the national AFIS (Latvian nationals, residents and persons registered in criminal proceedings). (data: Fingerprints)" "query" "Flow,Special-category data"
        e_PIS_2d_MOBILE -> e_IIIS_2d_WANTED "F-POL-02: Check of stated identity data against the national wanted persons register. (data: Identity data)" "query" "Flow"
        e_PIS_2d_MOBILE -> e_ESP_2d_GW_2d_API "F-POL-03: Where the national checks give no identity and one of the grounds of Art 20(1) applies, the officer records the ground and sends the live fingerprints for a CIR query; no query on children under 12 unless in their best interests. (data: Fingerprints, Facial image)" "query" "Flow,Special-category data"
        e_ESP_2d_GW -> e_eu_2e_CIR "F-POL-04: Identification query of the CIR with live biometrics (biometric matching through the sBMS); when the biometric query fails, the identity and document data are used instead. (data: Fingerprints, Facial image)" "query via eu.ESP" "Flow,Special-category data"
        e_eu_2e_CIR -> e_eu_2e_sBMS "F-POL-04B: Inside the EU infrastructure: the CIR has the sBMS compare the templates of the live prints and facial image with those of the stored individual files; modelled so that the concept shows where Latvian biometric queries are matched and logged. (data: Fingerprints, Facial image)" "query" "Flow,Special-category data"
        e_eu_2e_CIR -> e_ESP_2d_GW "F-POL-05: Identity and travel document data of the matching individual file, with the systems the data come from. (data: Identity data, Travel document data)" "query via eu.ESP" "Flow"
        e_PIS -> e_ESP_2d_GW_2d_API "F-POL-06: Once identified, the person's data are searched with the \"police\" profile (SIS, Europol data, Interpol SLTD and TDAWN). (data: Identity data, Travel document data)" "query" "Flow"
        e_ESP_2d_GW -> e_eu_2e_ESP "F-POL-07: Search of SIS, Europol data and Interpol databases within the police's access rights; Interpol is queried without revealing the search to the data owner. (data: Identity data, Travel document data)" "query" "Flow"
        e_PIS_2d_CASE -> e_NSIS_2d_ALERT "F-SIS-01: An investigator's alert (arrest, discreet or specific check, missing person) with the biometrics available in BDAS. (data: SIS alert data, Identity data, Fingerprints, Facial image)" "push" "Flow,Special-category data"
        e_NSIS_2d_ALERT -> e_eu_2e_SIS "F-SIS-02: Creates the alert in Central SIS (Regulation (EU) 2018/1862); biometric templates are stored in the sBMS and multiple-identity detection runs against the CIR and SIS. (data: SIS alert data, Identity data, Fingerprints, Facial image)" "push via eu.NUI-SIS" "Flow,Special-category data"
        e_NSIS -> e_SIRENE_2d_CMS "F-SIS-03: A hit on a Latvian or foreign alert opens a SIRENE case for the exchange of supplementary information. (data: SIS alert data, Identity data)" "push" "Flow"
        e_SIRENE_2d_CMS -> e_PIS "F-SIS-04: SIRENE passes the issuing State's instructions to the unit that found the person or object. (data: SIS alert data, SIRENE supplementary information)" "push" "Flow"
        e_ESP_2d_GW -> e_AUDIT_2d_COLLECTOR "F-SUP-01: Signed log entry for every ESP, CIR and sBMS query made by a Latvian user, within seconds of the query. (data: Query logs)" "push" "Flow"
        e_MID_2d_WS -> e_AUDIT_2d_COLLECTOR "F-SUP-02: Log entries of MID access and of every change to an identity confirmation file. (data: Query logs)" "push" "Flow"
        e_LEA_2d_REQ -> e_AUDIT_2d_COLLECTOR "F-SUP-03: Log of each reasoned request, the central access point's verification and the follow-up access, for the six-monthly review by the Data State Inspectorate. (data: Query logs)" "push" "Flow"
        e_IAM_2d_AUTHZ -> e_ESP_2d_GW_2d_PROFILES "F-SUP-04: Token claims with the user's authority, role and ESP profile; users without completed training get no profile. (data: User identity and authorisations)" "push" "Flow"
        e_IAM_2d_AUTHZ -> e_MID_2d_WS "F-SUP-05: Rights to the worklists of the authority the user belongs to, for the systems that authority verifies. (data: User identity and authorisations)" "push" "Flow"
        e_IAM_2d_AUTHZ -> e_LEA_2d_REQ "F-SUP-06: Rights of the operating units of the designated authorities and of the central access point duty officers. (data: User identity and authorisations)" "push" "Flow"
        e_STAT_2d_DWH -> e_eu_2e_CRRS "F-SUP-07: Authorised IeM analysts retrieve the cross-system statistical reports and data-quality indicators for Latvia. (data: Statistics)" "query" "Flow"
        e_AUDIT_2d_ARCHIVE -> e_STAT_2d_DWH "F-SUP-08: Monthly counts of queries per authority, profile and result, and of links verified per colour and age, without personal data. (data: Statistics)" "batch" "Flow"
        e_AUDIT_2d_COLLECTOR -> e_AUDIT_2d_SIEM "F-SUP-09: Correlation of unusual query patterns (volume, out-of-hours, profile misuse) for the security operations centre. (data: Query logs)" "push" "Flow"
        // flow F-VIS-01 is not drawn: it runs between a system and its own part
        e_NVIS -> e_FPR "F-VIS-02: Verifies the inviting person's personal code and residence status in the Register of Natural Persons. (data: Identity data)" "query" "Flow"
        e_NVIS -> e_ESP_2d_GW_2d_API "F-VIS-03: The visa officer's search of the EU systems with the \"visa authority\" profile. (data: Identity data, Travel document data)" "query" "Flow"
        e_ESP_2d_GW -> e_eu_2e_ESP "F-VIS-04: Search of VIS, EES, ETIAS, SIS and Interpol SLTD for previous applications, stays, refusals and alerts. (data: Identity data, Travel document data)" "query" "Flow"
        e_eu_2e_ESP -> e_ESP_2d_GW "F-VIS-05: Reply per source system, limited to what the visa authority profile may see. (data: Visa application data, Entry/exit records, ETIAS travel authorisation data, SIS alert data, Identity data, MID link data)" "query" "Flow"
        e_NVIS_2d_VIS -> e_eu_2e_VIS "F-VIS-06: Creates the application file in the VIS (Regulation (EC) No 767/2008); the identity, document and biometric data are copied to the CIR and multiple-identity detection runs. (data: Visa application data, Identity data, Travel document data, Facial image, Fingerprints)" "push via eu.NUI-VIS" "Flow,Special-category data"
        e_NVIS -> e_MID_2d_WS_2d_QUEUE "F-VIS-07: A yellow link on a VIS file created by a Latvian consulate or PMLP goes to the worklist of the authority that handles the application (consular department or PMLP). (data: MID link data, Identity data)" "push" "Flow"
        e_NVIS_2d_VIS -> e_eu_2e_VIS "F-VIS-08: Adds the decision (issued, refused, annulled, revoked or extended) to the application file. (data: Visa application data)" "push via eu.NUI-VIS" "Flow"
    }

    views {
        systemLandscape "landscape" "Every organisation and system, and the flows." {
            include *
            autolayout lr
        }
        systemContext e_AUDIT "context-AUDIT" {
            include *
            autolayout lr
        }
        container e_AUDIT "containers-AUDIT" {
            include *
            autolayout lr
        }
        systemContext e_BDAS "context-BDAS" {
            include *
            autolayout lr
        }
        container e_BDAS "containers-BDAS" {
            include *
            autolayout lr
        }
        systemContext e_EES_2d_NI "context-EES_2d_NI" {
            include *
            autolayout lr
        }
        container e_EES_2d_NI "containers-EES_2d_NI" {
            include *
            autolayout lr
        }
        systemContext e_ESP_2d_GW "context-ESP_2d_GW" {
            include *
            autolayout lr
        }
        container e_ESP_2d_GW "containers-ESP_2d_GW" {
            include *
            autolayout lr
        }
        systemContext e_ETIAS_2d_NU "context-ETIAS_2d_NU" {
            include *
            autolayout lr
        }
        systemContext e_FPR "context-FPR" {
            include *
            autolayout lr
        }
        systemContext e_IAM "context-IAM" {
            include *
            autolayout lr
        }
        container e_IAM "containers-IAM" {
            include *
            autolayout lr
        }
        systemContext e_IIIS "context-IIIS" {
            include *
            autolayout lr
        }
        container e_IIIS "containers-IIIS" {
            include *
            autolayout lr
        }
        systemContext e_LEA_2d_REQ "context-LEA_2d_REQ" {
            include *
            autolayout lr
        }
        container e_LEA_2d_REQ "containers-LEA_2d_REQ" {
            include *
            autolayout lr
        }
        systemContext e_MID_2d_WS "context-MID_2d_WS" {
            include *
            autolayout lr
        }
        container e_MID_2d_WS "containers-MID_2d_WS" {
            include *
            autolayout lr
        }
        systemContext e_NSIS "context-NSIS" {
            include *
            autolayout lr
        }
        container e_NSIS "containers-NSIS" {
            include *
            autolayout lr
        }
        systemContext e_NVIS "context-NVIS" {
            include *
            autolayout lr
        }
        container e_NVIS "containers-NVIS" {
            include *
            autolayout lr
        }
        systemContext e_PATV "context-PATV" {
            include *
            autolayout lr
        }
        container e_PATV "containers-PATV" {
            include *
            autolayout lr
        }
        systemContext e_PIS "context-PIS" {
            include *
            autolayout lr
        }
        container e_PIS "containers-PIS" {
            include *
            autolayout lr
        }
        systemContext e_RKIS "context-RKIS" {
            include *
            autolayout lr
        }
        container e_RKIS "containers-RKIS" {
            include *
            autolayout lr
        }
        systemContext e_SIRENE_2d_CMS "context-SIRENE_2d_CMS" {
            include *
            autolayout lr
        }
        systemContext e_SODU "context-SODU" {
            include *
            autolayout lr
        }
        container e_SODU "containers-SODU" {
            include *
            autolayout lr
        }
        systemContext e_STAT "context-STAT" {
            include *
            autolayout lr
        }
        container e_STAT "containers-STAT" {
            include *
            autolayout lr
        }
        systemContext e_TIS "context-TIS" {
            include *
            autolayout lr
        }
        systemContext e_VDD_2d_IS "context-VDD_2d_IS" {
            include *
            autolayout lr
        }
        systemContext e_eu_2e_ECRIS_2d_TCN "context-eu_2e_ECRIS_2d_TCN" {
            include *
            autolayout lr
        }
        container e_eu_2e_ECRIS_2d_TCN "containers-eu_2e_ECRIS_2d_TCN" {
            include *
            autolayout lr
        }
        systemContext e_eu_2e_EES "context-eu_2e_EES" {
            include *
            autolayout lr
        }
        container e_eu_2e_EES "containers-eu_2e_EES" {
            include *
            autolayout lr
        }
        systemContext e_eu_2e_ETIAS "context-eu_2e_ETIAS" {
            include *
            autolayout lr
        }
        container e_eu_2e_ETIAS "containers-eu_2e_ETIAS" {
            include *
            autolayout lr
        }
        systemContext e_eu_2e_Eurodac "context-eu_2e_Eurodac" {
            include *
            autolayout lr
        }
        container e_eu_2e_Eurodac "containers-eu_2e_Eurodac" {
            include *
            autolayout lr
        }
        systemContext e_eu_2e_SIS "context-eu_2e_SIS" {
            include *
            autolayout lr
        }
        container e_eu_2e_SIS "containers-eu_2e_SIS" {
            include *
            autolayout lr
        }
        systemContext e_eu_2e_VIS "context-eu_2e_VIS" {
            include *
            autolayout lr
        }
        container e_eu_2e_VIS "containers-eu_2e_VIS" {
            include *
            autolayout lr
        }
        systemLandscape "view-border-bcp" "Border control at the border crossing point" {
            include e_EES_2d_NI
            include e_ESP_2d_GW
            include e_IIIS
            include e_MID_2d_WS
            include e_NSIS
            include e_RKIS
            include e_eu_2e_EES
            include e_eu_2e_ESP
            autolayout lr
        }
        systemLandscape "view-esp-gateway" "Who reaches the national ESP gateway, one flow away" {
            include e_AUDIT
            include e_ESP_2d_GW
            include e_ETIAS_2d_NU
            include e_IAM
            include e_LEA_2d_REQ
            include e_NVIS
            include e_PATV
            include e_PIS
            include e_RKIS
            include e_SODU
            include e_eu_2e_CIR
            include e_eu_2e_ESP
            autolayout lr
        }
        systemLandscape "view-law-enforcement" "Law-enforcement access through the ESP and the CIR" {
            include e_ESP_2d_GW
            include e_LEA_2d_REQ
            include e_PIS
            include e_VDD_2d_IS
            include e_eu_2e_CIR
            include e_eu_2e_EES
            include e_eu_2e_ESP
            include e_eu_2e_VIS
            include e_eu_2e_sBMS
            autolayout lr
        }
        styles {
            element "Person" {
                shape Person
                background #08427b
                color #ffffff
            }
            element "Software System" {
                background #1168bd
                color #ffffff
            }
            element "Container" {
                background #438dd5
                color #ffffff
            }
            element "EU central system" {
                background #003399
                color #ffcc00
            }
            element "Interoperability component" {
                background #5a6fb0
                color #ffffff
            }
            element "National uniform interface" {
                shape Hexagon
            }
            element "External" {
                background #999999
                color #ffffff
            }
            element "Planned" {
                border dashed
            }
            relationship "Relationship" {
                routing Orthogonal
            }
            relationship "Special-category data" {
                color #c0392b
                thickness 3
            }
        }
    }
}
