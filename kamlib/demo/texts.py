"""Names, touchpoints, loss notes, account-plan prose and client.yaml templates (de/en)."""

from __future__ import annotations

# ---------------------------------------------------------------------------
# Wording (fictional names; any likeness to real companies is coincidental)
# ---------------------------------------------------------------------------

_NAMES: dict[str, dict] = {
    "de": {
        "heads": [
            "Albrecht",
            "Bauer",
            "Brandt",
            "Dietz",
            "Eckert",
            "Feldmann",
            "Frey",
            "Göbel",
            "Hahn",
            "Hartmann",
            "Heinze",
            "Jäger",
            "Kaiser",
            "Keller",
            "Kessler",
            "Krämer",
            "Lang",
            "Lorenz",
            "Maier",
            "Mertens",
            "Möller",
            "Neumann",
            "Otto",
            "Pfeiffer",
            "Reuter",
            "Roth",
            "Sauer",
            "Schäfer",
            "Scholz",
            "Seidel",
            "Sommer",
            "Stein",
            "Thiel",
            "Vogel",
            "Wagner",
            "Walter",
            "Weber",
            "Winkler",
            "Wolf",
            "Ziegler",
            "Allgäu",
            "Bergisch",
            "Bodensee",
            "Donau",
            "Eifel",
            "Elbtal",
            "Erzgebirge",
            "Harz",
            "Hohenlohe",
            "Lausitz",
            "Main",
            "Mosel",
            "Neckar",
            "Oberland",
            "Rhön",
            "Saale",
            "Sauerland",
            "Spessart",
            "Taunus",
            "Weser",
            "Westerwald",
            "Hanse",
        ],
        "stems": {
            "Automobilzulieferer": [
                "Fahrzeugtechnik",
                "Automotive",
                "Präzisionsteile",
                "Karosserietechnik",
                "Umformtechnik",
                "Zulieferteile",
                "Getriebebau",
                "Kunststofftechnik",
            ],
            "Lebensmitteltechnik": [
                "Lebensmitteltechnik",
                "Prozesstechnik",
                "Molkereitechnik",
                "Backtechnik",
                "Getränketechnik",
                "Fleischereitechnik",
                "Anlagenbau",
            ],
            "Verpackung": [
                "Verpackungstechnik",
                "Verpackungsmaschinen",
                "Folientechnik",
                "Etikettiertechnik",
                "Kartonagen",
                "Abfülltechnik",
            ],
            "Medizintechnik": [
                "Medizintechnik",
                "Dentaltechnik",
                "Labortechnik",
                "Orthopädietechnik",
                "Medical Systems",
                "Feinwerktechnik",
            ],
            "Energietechnik": [
                "Energietechnik",
                "Windkrafttechnik",
                "Kraftwerkstechnik",
                "Netztechnik",
                "Solartechnik",
                "Wärmetechnik",
            ],
            "Chemie und Pharma": [
                "Chemie",
                "Pharmatechnik",
                "Verfahrenstechnik",
                "Spezialchemie",
                "Lacke",
            ],
            "Logistik und Intralogistik": [
                "Fördertechnik",
                "Intralogistik",
                "Lagertechnik",
                "Logistiksysteme",
                "Krantechnik",
            ],
        },
        "forms": ["GmbH", "GmbH & Co. KG", "AG", "KG", "GmbH"],
        "form_p": [0.45, 0.3, 0.08, 0.07, 0.10],
        "patterns": ["{head} {stem} {form}", "{head}-{stem} {form}", "{stem} {head} {form}"],
        "pattern_p": [0.6, 0.15, 0.25],
    },
    "en": {
        "heads": [
            "Ashford",
            "Bamford",
            "Barlow",
            "Bennett",
            "Blackwood",
            "Bradley",
            "Carlton",
            "Chapman",
            "Corrigan",
            "Dalton",
            "Donnelly",
            "Ellis",
            "Fairfield",
            "Fletcher",
            "Gallagher",
            "Hadley",
            "Harper",
            "Holloway",
            "Kerrigan",
            "Lambert",
            "Lockwood",
            "Marsh",
            "Murray",
            "Norwood",
            "Palmer",
            "Preston",
            "Quinn",
            "Radcliffe",
            "Rowntree",
            "Sheldon",
            "Thornton",
            "Whitfield",
            "Wren",
            "Yardley",
            "Avon",
            "Brookside",
            "Clyde",
            "Dee",
            "Fenland",
            "Highland",
            "Humber",
            "Kestrel",
            "Liffey",
            "Mersey",
            "Pennine",
            "Severn",
            "Shannon",
            "Solent",
            "Tyne",
            "Wessex",
            "Nordvik",
            "Vandermeer",
            "Ostend",
            "Jutland",
            "Maas",
            "Göta",
        ],
        "stems": {
            "Automotive": [
                "Automotive",
                "Vehicle Systems",
                "Motor Components",
                "Pressings",
                "Drivetrain",
                "Auto Parts",
            ],
            "Food & Beverage": [
                "Foods",
                "Dairy",
                "Brewing",
                "Bakeries",
                "Beverages",
                "Food Processing",
            ],
            "Packaging": ["Packaging", "Cartons", "Labels", "Containers", "Filling Systems"],
            "Medical Devices": [
                "Medical",
                "Surgical",
                "Diagnostics",
                "Healthcare Devices",
                "Orthopaedics",
            ],
            "Energy": ["Energy", "Wind Services", "Power Systems", "Grid Solutions", "Renewables"],
            "Aerospace": ["Aerospace", "Aero Structures", "Avionics", "Precision Engineering"],
            "Agricultural Machinery": [
                "Agri Machinery",
                "Tractors",
                "Farm Equipment",
                "Harvesting Systems",
                "Agritech",
            ],
        },
        "forms": ["Ltd", "Limited", "plc", "Group", "B.V.", "AB", "Ltd"],
        "form_p": [0.5, 0.12, 0.05, 0.08, 0.05, 0.05, 0.15],
        "patterns": ["{head} {stem} {form}", "{head} & Sons {stem} {form}", "{stem} {head} {form}"],
        "pattern_p": [0.7, 0.1, 0.2],
    },
}

_PEOPLE: dict[str, dict[str, list[str]]] = {
    "de": {
        "first": [
            "Andreas",
            "Birgit",
            "Christian",
            "Claudia",
            "Daniel",
            "Eva",
            "Frank",
            "Gabriele",
            "Heike",
            "Jörg",
            "Julia",
            "Katrin",
            "Klaus",
            "Markus",
            "Martina",
            "Michael",
            "Nicole",
            "Oliver",
            "Petra",
            "Ralf",
            "Sandra",
            "Stefan",
            "Susanne",
            "Tobias",
            "Ute",
            "Volker",
            "Yvonne",
            "Matthias",
            "Anja",
            "Holger",
        ],
        "last": [
            "Arnold",
            "Beck",
            "Busch",
            "Dietrich",
            "Engel",
            "Fischer",
            "Franke",
            "Graf",
            "Günther",
            "Haas",
            "Hoffmann",
            "Horn",
            "Jung",
            "Kühn",
            "Lehmann",
            "Ludwig",
            "Meyer",
            "Müller",
            "Nowak",
            "Peters",
            "Richter",
            "Schmitt",
            "Schulz",
            "Schwarz",
            "Simon",
            "Voigt",
            "Werner",
            "Zimmermann",
        ],
    },
    "en": {
        "first": [
            "Alison",
            "Andrew",
            "Catherine",
            "Chris",
            "David",
            "Eleanor",
            "Fiona",
            "Gareth",
            "Helen",
            "Ian",
            "James",
            "Joanne",
            "Karen",
            "Liam",
            "Louise",
            "Mark",
            "Niamh",
            "Owen",
            "Paul",
            "Rebecca",
            "Sarah",
            "Sean",
            "Simon",
            "Sophie",
            "Stuart",
            "Tom",
            "Lars",
            "Ingrid",
            "Pieter",
            "Sanne",
        ],
        "last": [
            "Atkinson",
            "Baker",
            "Brennan",
            "Campbell",
            "Collins",
            "Davies",
            "Edwards",
            "Evans",
            "Foster",
            "Gibson",
            "Hall",
            "Jenkins",
            "Kelly",
            "Lewis",
            "Morgan",
            "O'Brien",
            "Parker",
            "Reid",
            "Robinson",
            "Stewart",
            "Taylor",
            "Turner",
            "Walker",
            "Ward",
            "Wilson",
            "Jansen",
            "Lindqvist",
            "Hansen",
        ],
    },
}

#: touchpoint, phase, channel, owner, segment, importance, ist (round 1), soll.
#: The loyalty phase is deliberately thin (one touchpoint) to show a coverage gap.
_TOUCHPOINTS: dict[str, list[tuple]] = {
    "de": [
        ("Messeauftritt", "awareness", "personal", "Marketing", "alle", 4, 3, 4),
        ("Fachartikel und Anwenderberichte", "awareness", "print", "Marketing", "alle", 2, 2, 3),
        ("Website mit Produktfinder", "awareness", "digital", "Marketing", "alle", 4, 2, 4),
        ("Auftritt in Fachportalen", "awareness", "digital", "Marketing", "Neukunden", 2, 2, 3),
        ("Technische Erstberatung", "evaluation", "personal", "Anwendungstechnik", "alle", 5, 4, 5),
        ("Angebotserstellung", "evaluation", "digital", "Vertriebsinnendienst", "alle", 5, 2, 4),
        (
            "Musterteile und Versuche",
            "evaluation",
            "product",
            "Anwendungstechnik",
            "Key Accounts",
            4,
            3,
            4,
        ),
        ("CAD-Daten zum Download", "evaluation", "digital", "Konstruktion", "alle", 3, 3, 4),
        (
            "Referenzbesuch",
            "evaluation",
            "personal",
            "Vertrieb Außendienst",
            "Key Accounts",
            3,
            3,
            3,
        ),
        ("Auftragsbestätigung", "purchase", "digital", "Vertriebsinnendienst", "alle", 4, 3, 5),
        ("Webshop und EDI-Bestellung", "purchase", "digital", "E-Business", "C-Kunden", 3, 2, 4),
        (
            "Rahmenvertragsverhandlung",
            "purchase",
            "personal",
            "Key Account Management",
            "Key Accounts",
            5,
            4,
            5,
        ),
        (
            "Telefonische Auftragsannahme",
            "purchase",
            "personal",
            "Vertriebsinnendienst",
            "C-Kunden",
            3,
            4,
            3,
        ),
        ("Liefertermintreue", "delivery", "product", "Logistik", "alle", 5, 3, 5),
        ("Lieferavis und Sendungsverfolgung", "delivery", "digital", "Logistik", "alle", 3, 2, 4),
        ("Verpackung und Kennzeichnung", "delivery", "product", "Logistik", "alle", 2, 4, 4),
        ("Rechnungsstellung", "delivery", "print", "Buchhaltung", "alle", 2, 5, 4),
        ("Inbetriebnahme vor Ort", "use_service", "personal", "Service", "alle", 4, 4, 5),
        ("Service-Hotline", "use_service", "personal", "Service", "alle", 5, 3, 5),
        (
            "Reklamationsbearbeitung",
            "use_service",
            "personal",
            "Qualitätsmanagement",
            "alle",
            5,
            2,
            5,
        ),
        ("Ersatzteilversorgung", "use_service", "product", "Service", "alle", 4, 3, 5),
        (
            "Betriebsanleitung und Dokumentation",
            "use_service",
            "print",
            "Technische Redaktion",
            "alle",
            3,
            3,
            3,
        ),
        (
            "Anwenderschulung beim Kunden",
            "use_service",
            "personal",
            "Service",
            "Key Accounts",
            3,
            2,
            4,
        ),
        (
            "Jahresgespräch mit der Geschäftsleitung",
            "loyalty",
            "personal",
            "Key Account Management",
            "Key Accounts",
            4,
            2,
            5,
        ),
    ],
    "en": [
        ("Trade show stand", "awareness", "personal", "Marketing", "all", 4, 3, 4),
        ("Case studies in trade press", "awareness", "print", "Marketing", "all", 2, 2, 3),
        ("Website and product selector", "awareness", "digital", "Marketing", "all", 4, 3, 4),
        ("LinkedIn presence", "awareness", "digital", "Marketing", "new customers", 2, 2, 3),
        (
            "Application engineering advice",
            "evaluation",
            "personal",
            "Application Engineering",
            "all",
            5,
            4,
            5,
        ),
        ("Quotation", "evaluation", "digital", "Inside Sales", "all", 5, 2, 4),
        (
            "Samples and trials",
            "evaluation",
            "product",
            "Application Engineering",
            "key accounts",
            4,
            3,
            4,
        ),
        ("CAD model downloads", "evaluation", "digital", "Engineering", "all", 3, 2, 4),
        ("Reference site visit", "evaluation", "personal", "Field Sales", "key accounts", 3, 3, 3),
        ("Order confirmation", "purchase", "digital", "Inside Sales", "all", 4, 3, 5),
        ("Web shop and EDI ordering", "purchase", "digital", "E-Business", "C customers", 3, 3, 4),
        (
            "Framework agreement negotiation",
            "purchase",
            "personal",
            "Key Account Management",
            "key accounts",
            5,
            4,
            5,
        ),
        ("Telephone order desk", "purchase", "personal", "Inside Sales", "C customers", 3, 4, 3),
        ("On-time delivery", "delivery", "product", "Logistics", "all", 5, 3, 5),
        ("Dispatch notice and tracking", "delivery", "digital", "Logistics", "all", 3, 2, 4),
        ("Packaging and labelling", "delivery", "product", "Logistics", "all", 2, 4, 4),
        ("Invoicing", "delivery", "print", "Finance", "all", 2, 5, 4),
        ("Installation support on site", "use_service", "personal", "Service", "all", 4, 4, 5),
        ("Technical helpline", "use_service", "personal", "Service", "all", 5, 3, 5),
        ("Complaint handling", "use_service", "personal", "Quality", "all", 5, 2, 5),
        ("Spare parts availability", "use_service", "product", "Service", "all", 4, 3, 5),
        ("Manuals and documentation", "use_service", "print", "Technical Writing", "all", 3, 3, 3),
        (
            "Operator training at the customer",
            "use_service",
            "personal",
            "Service",
            "key accounts",
            3,
            2,
            4,
        ),
        (
            "Annual executive review",
            "loyalty",
            "personal",
            "Key Account Management",
            "key accounts",
            4,
            2,
            5,
        ),
    ],
}

_LOST_NOTES: dict[str, dict[str, list[str]]] = {
    "de": {
        "price": [
            "Wettbewerber rund 8 % günstiger, Einkauf hat ohne Rückfrage gewechselt.",
            "Neue Einkaufsleitung mit striktem Preisvergleich; unser Angebot war zu teuer.",
            "Preiserhöhung zum Jahreswechsel wurde nicht akzeptiert.",
        ],
        "competitor": [
            "Wechsel zu einem Systemanbieter, der alles aus einer Hand liefert.",
            "Wettbewerber hat einen Rahmenvertrag mit Konsignationslager angeboten.",
            "Neuer Konzernlieferant wurde zentral vorgegeben.",
        ],
        "delivery": [
            "Wiederholt verspätete Lieferungen im Sommer, Bänder standen still.",
            "Lieferzeit von zehn Wochen war für den Kunden nicht tragbar.",
            "Teillieferungen ohne Vorankündigung, Kunde hat den Lieferanten gewechselt.",
        ],
        "quality": [
            "Serienfehler bei einer Charge, 8D-Report kam zu spät.",
            "Maßabweichungen bei Wareneingangsprüfung, Lieferantenbewertung auf C gesunken.",
            "Zwei Reklamationen in kurzer Folge, Vertrauen verloren.",
        ],
        "service": [
            "Servicetechniker nicht rechtzeitig verfügbar, Anlage stand drei Tage.",
            "Hotline schwer erreichbar, Rückrufe blieben aus.",
            "Kunde vermisste Betreuung nach dem Wechsel des Außendienstmitarbeiters.",
        ],
        "relationship": [
            "Unser Ansprechpartner ist in Rente gegangen, Nachfolger kennt uns nicht.",
            "Gebietswechsel im Außendienst, der Kontakt ist eingeschlafen.",
            "Geschäftsführer hat gewechselt und bringt eigene Lieferanten mit.",
        ],
        "insolvency": [
            "Insolvenzantrag gestellt, Forderungen teilweise ausgefallen.",
            "Betrieb eingestellt nach Insolvenz.",
            "Insolvenz in Eigenverwaltung, Bestellungen gestoppt.",
        ],
        "no_demand": [
            "Produktlinie beim Kunden eingestellt, kein Bedarf mehr.",
            "Fertigung ins Ausland verlagert.",
            "Kunde hat auf eine andere Technologie umgestellt.",
        ],
    },
    "en": {
        "price": [
            "Competitor about 8% cheaper; purchasing switched without asking us.",
            "New purchasing manager compares prices strictly; our quote was too high.",
            "Did not accept the price increase at the turn of the year.",
        ],
        "competitor": [
            "Moved to a system supplier that delivers everything from one source.",
            "Competitor offered a framework agreement with a consignment stock.",
            "Group headquarters nominated a new preferred supplier.",
        ],
        "delivery": [
            "Repeated late deliveries over the summer stopped their line.",
            "A ten-week lead time was not acceptable to the customer.",
            "Unannounced part deliveries; the customer changed supplier.",
        ],
        "quality": [
            "Batch defect; our 8D report came too late.",
            "Dimensional deviations at goods-in inspection; supplier rating dropped to C.",
            "Two complaints in quick succession; trust was lost.",
        ],
        "service": [
            "No service engineer available in time; the machine stood for three days.",
            "Helpline hard to reach, call-backs never came.",
            "Customer felt neglected after the sales rep changed.",
        ],
        "relationship": [
            "Our contact retired; the successor does not know us.",
            "Territory change in field sales; the contact went cold.",
            "New managing director brought his own suppliers.",
        ],
        "insolvency": [
            "Went into administration; part of our receivables written off.",
            "Business closed after insolvency.",
            "Entered a restructuring procedure and stopped ordering.",
        ],
        "no_demand": [
            "Customer discontinued the product line; no more demand.",
            "Production moved abroad.",
            "Customer changed to a different technology.",
        ],
    },
}

#: Account-plan wording; {placeholders} are filled from the generated data.
_PLAN_TEXT: dict[str, list[dict]] = {
    "de": [
        {
            "head_of_sales": "Dr. Klaus Brenner",
            "background": (
                "{name} ({industry}, Region {region}) ist seit {since} Kunde und heute unser "
                "größter Abnehmer mit rund {revenue} Mio. EUR Umsatz in den letzten zwölf Monaten, "
                "vor allem {top_group}. Entscheidungen über Lieferanten fallen im Einkaufsgremium "
                "des Werks; die Technische Leitung ({decider}) hat das letzte Wort, der strategische "
                "Einkauf ({buyer}) verhandelt Rahmenverträge jährlich im Herbst. {missing} beziehen "
                "sie bisher vollständig von Wettbewerbern."
            ),
            "swot": {
                "strengths": [
                    "Langjährige Lieferbeziehung mit hoher Zufriedenheit in der Fertigung",
                    "Unsere Anwendungstechnik ist bei neuen Linien früh eingebunden",
                    "Rahmenvertrag mit festen Abrufmengen",
                ],
                "weaknesses": [
                    "Keine Präsenz im Bereich {missing}",
                    "Abhängigkeit von einem einzigen Ansprechpartner im Einkauf",
                    "Angebote dauern im Schnitt zu lange",
                ],
                "opportunities": [
                    "Modernisierung von zwei Fertigungslinien in den nächsten 18 Monaten",
                    "Bündelung der Lieferanten im Bereich {missing}",
                    "Gemeinsame Entwicklung eines Standardmoduls",
                ],
                "threats": [
                    "Konzernweite Ausschreibung mit Fokus auf Preis",
                    "Asiatischer Wettbewerber mit aggressiven Preisen",
                    "Investitionsstopp bei schwacher Konjunktur",
                ],
            },
            "opportunities": [
                {
                    "name": "Einstieg {missing}: Pilotprojekt im Hauptwerk",
                    "probability": 0.5,
                    "fit": 5,
                    "effort": 3,
                },
                {
                    "name": "Ausstattung der neuen Linie mit {top_group}",
                    "probability": 0.7,
                    "fit": 5,
                    "effort": 2,
                },
                {
                    "name": "Konsignationslager für Verschleißteile",
                    "probability": 0.6,
                    "fit": 4,
                    "effort": 2,
                },
                {
                    "name": "Standardmodul in gemeinsamer Entwicklung",
                    "probability": 0.3,
                    "fit": 3,
                    "effort": 5,
                },
            ],
            "goals": [
                {
                    "text": "Umsatz mit {name} innerhalb von zwölf Monaten um 12 % steigern",
                    "metric": "Nettoumsatz 12 Monate (EUR)",
                    "kind": "revenue_factor",
                    "value": 1.12,
                },
                {
                    "text": "Im Bereich {missing} einen ersten Auftrag gewinnen (Pilotprojekt)",
                    "metric": "Auftragswert {missing} (EUR)",
                    "kind": "gap_share",
                    "value": 0.05,
                },
            ],
            "actions": [
                {
                    "what": "Bedarfsanalyse {missing} mit {user} durchführen",
                    "r": "kam",
                    "a": "head",
                    "c": "Anwendungstechnik",
                    "i": "{buyer}",
                    "days": -40,
                    "status": "done",
                },
                {
                    "what": "Werksbesuch mit Technischer Leitung ({decider}) vereinbaren",
                    "r": "kam",
                    "a": "head",
                    "c": "Geschäftsleitung",
                    "i": "Vertriebsinnendienst",
                    "days": 21,
                    "status": "in_progress",
                },
                {
                    "what": "Pilotangebot {missing} abgeben",
                    "r": "Vertriebsinnendienst",
                    "a": "kam",
                    "c": "Service",
                    "i": "{buyer}",
                    "days": 60,
                    "status": "open",
                },
                {
                    "what": "Angebotsdurchlaufzeit auf fünf Arbeitstage senken",
                    "r": "Vertriebsinnendienst",
                    "a": "head",
                    "c": "kam",
                    "i": "Geschäftsleitung",
                    "days": 90,
                    "status": "open",
                },
                {
                    "what": "Rahmenvertrag für das Folgejahr vorbereiten",
                    "r": "kam",
                    "a": "head",
                    "c": "Controlling",
                    "i": "{buyer}",
                    "days": 110,
                    "status": "open",
                },
            ],
        },
        {
            "head_of_sales": "Dr. Klaus Brenner",
            "background": (
                "{name} ({industry}, Region {region}) kauft seit {since} bei uns, zuletzt rund "
                "{revenue} Mio. EUR in zwölf Monaten, Schwerpunkt {top_group}. Der Kunde wächst "
                "mit neuen Werken; der Einkauf ({buyer}) arbeitet mit einer Lieferantenliste, die "
                "jährlich überprüft wird. Ansprechpartner in der Entscheidung ist {decider}. "
                "{missing} kauft der Kunde bisher nicht bei uns."
            ),
            "swot": {
                "strengths": [
                    "Hohe Liefertreue und kurze Reaktionszeiten im Service",
                    "Gute Beziehung zur Instandhaltung",
                    "Breites Sortiment in {top_group}",
                ],
                "weaknesses": [
                    "Kaum Kontakt zur Geschäftsleitung",
                    "Keine technische Anbindung (EDI) an das Bestellsystem des Kunden",
                ],
                "opportunities": [
                    "Neues Werk im Ausland wird ausgestattet",
                    "Kunde sucht einen Partner für {missing}",
                    "Umstellung auf elektronische Bestellung",
                ],
                "threats": [
                    "Wettbewerber mit eigenem Servicestützpunkt in Kundennähe",
                    "Zentraler Einkauf bündelt Volumen bei weniger Lieferanten",
                ],
            },
            "opportunities": [
                {
                    "name": "Erstausstattung des neuen Werks",
                    "probability": 0.4,
                    "fit": 5,
                    "effort": 4,
                },
                {
                    "name": "{missing} als Ergänzung des Sortiments",
                    "probability": 0.5,
                    "fit": 4,
                    "effort": 3,
                },
                {
                    "name": "EDI-Anbindung mit Mengenrabatt",
                    "probability": 0.7,
                    "fit": 4,
                    "effort": 2,
                },
                {
                    "name": "Schulungsprogramm für Instandhalter",
                    "probability": 0.6,
                    "fit": 3,
                    "effort": 1,
                },
            ],
            "goals": [
                {
                    "text": "Lieferanteil bei {name} auf 55 % erhöhen",
                    "metric": "Lieferanteil (Anteil am Gesamtbedarf)",
                    "kind": "fraction",
                    "value": 0.55,
                },
                {
                    "text": "EDI-Anbindung produktiv setzen",
                    "metric": "Anteil der Bestellungen per EDI",
                    "kind": "fraction",
                    "value": 0.8,
                },
            ],
            "actions": [
                {
                    "what": "Termin mit {decider} zur Werksplanung",
                    "r": "kam",
                    "a": "head",
                    "c": "Anwendungstechnik",
                    "i": "Geschäftsleitung",
                    "days": -20,
                    "status": "done",
                },
                {
                    "what": "EDI-Projekt mit der IT des Kunden starten",
                    "r": "E-Business",
                    "a": "kam",
                    "c": "{buyer}",
                    "i": "Vertriebsinnendienst",
                    "days": 30,
                    "status": "in_progress",
                },
                {
                    "what": "Angebot Erstausstattung neues Werk",
                    "r": "kam",
                    "a": "head",
                    "c": "Anwendungstechnik",
                    "i": "{buyer}",
                    "days": 75,
                    "status": "open",
                },
                {
                    "what": "Schulungstag für die Instandhaltung anbieten",
                    "r": "Service",
                    "a": "kam",
                    "c": "{user}",
                    "i": "{buyer}",
                    "days": 45,
                    "status": "open",
                },
            ],
        },
    ],
    "en": [
        {
            "head_of_sales": "Helen Whitaker",
            "background": (
                "{name} ({industry}, {region}) has been a customer since {since} and is our largest "
                "account with about EUR {revenue}m revenue in the last twelve months, mainly "
                "{top_group}. Supplier decisions are taken by a sourcing board; engineering "
                "({decider}) has the final say and strategic purchasing ({buyer}) renegotiates the "
                "framework agreement every autumn. They buy all their {missing} from competitors."
            ),
            "swot": {
                "strengths": [
                    "Long-standing relationship, production is very satisfied",
                    "Our application engineers are involved early in new lines",
                    "Framework agreement with committed call-off quantities",
                ],
                "weaknesses": [
                    "No presence in {missing}",
                    "Dependent on a single purchasing contact",
                    "Quotations take too long on average",
                ],
                "opportunities": [
                    "Two production lines to be upgraded within 18 months",
                    "Supplier consolidation in {missing}",
                    "Joint development of a standard module",
                ],
                "threats": [
                    "Group-wide tender focused on price",
                    "Low-cost competitor from Asia",
                    "Capital spending freeze if the economy weakens",
                ],
            },
            "opportunities": [
                {
                    "name": "Entry into {missing}: pilot at the main plant",
                    "probability": 0.5,
                    "fit": 5,
                    "effort": 3,
                },
                {"name": "{top_group} for the new line", "probability": 0.7, "fit": 5, "effort": 2},
                {
                    "name": "Consignment stock for wear parts",
                    "probability": 0.6,
                    "fit": 4,
                    "effort": 2,
                },
                {
                    "name": "Jointly developed standard module",
                    "probability": 0.3,
                    "fit": 3,
                    "effort": 5,
                },
            ],
            "goals": [
                {
                    "text": "Grow revenue with {name} by 12% within twelve months",
                    "metric": "Net revenue, 12 months (EUR)",
                    "kind": "revenue_factor",
                    "value": 1.12,
                },
                {
                    "text": "Win a first {missing} order (pilot project)",
                    "metric": "{missing} order value (EUR)",
                    "kind": "gap_share",
                    "value": 0.05,
                },
            ],
            "actions": [
                {
                    "what": "Run a {missing} needs analysis with {user}",
                    "r": "kam",
                    "a": "head",
                    "c": "Application Engineering",
                    "i": "{buyer}",
                    "days": -40,
                    "status": "done",
                },
                {
                    "what": "Arrange a plant visit with engineering ({decider})",
                    "r": "kam",
                    "a": "head",
                    "c": "Managing Director",
                    "i": "Inside Sales",
                    "days": 21,
                    "status": "in_progress",
                },
                {
                    "what": "Submit the {missing} pilot quotation",
                    "r": "Inside Sales",
                    "a": "kam",
                    "c": "Service",
                    "i": "{buyer}",
                    "days": 60,
                    "status": "open",
                },
                {
                    "what": "Cut quotation lead time to five working days",
                    "r": "Inside Sales",
                    "a": "head",
                    "c": "kam",
                    "i": "Managing Director",
                    "days": 90,
                    "status": "open",
                },
                {
                    "what": "Prepare next year's framework agreement",
                    "r": "kam",
                    "a": "head",
                    "c": "Finance",
                    "i": "{buyer}",
                    "days": 110,
                    "status": "open",
                },
            ],
        },
        {
            "head_of_sales": "Helen Whitaker",
            "background": (
                "{name} ({industry}, {region}) has bought from us since {since}, recently about "
                "EUR {revenue}m in twelve months, mostly {top_group}. The customer is growing with "
                "new plants; purchasing ({buyer}) works from an approved-supplier list reviewed "
                "every year. The decision maker is {decider}. They do not buy {missing} from us yet."
            ),
            "swot": {
                "strengths": [
                    "Reliable deliveries and fast service response",
                    "Good relationship with maintenance",
                    "Broad {top_group} range",
                ],
                "weaknesses": [
                    "Hardly any contact with senior management",
                    "No EDI link to the customer's ordering system",
                ],
                "opportunities": [
                    "A new plant abroad is being equipped",
                    "Customer is looking for a {missing} partner",
                    "Move to electronic ordering",
                ],
                "threats": [
                    "Competitor with its own service base close to the customer",
                    "Central purchasing consolidates volume with fewer suppliers",
                ],
            },
            "opportunities": [
                {"name": "First fit of the new plant", "probability": 0.4, "fit": 5, "effort": 4},
                {"name": "{missing} added to the range", "probability": 0.5, "fit": 4, "effort": 3},
                {
                    "name": "EDI link with volume discount",
                    "probability": 0.7,
                    "fit": 4,
                    "effort": 2,
                },
                {
                    "name": "Training programme for maintenance staff",
                    "probability": 0.6,
                    "fit": 3,
                    "effort": 1,
                },
            ],
            "goals": [
                {
                    "text": "Raise our share of wallet at {name} to 55%",
                    "metric": "Share of wallet (of total demand)",
                    "kind": "fraction",
                    "value": 0.55,
                },
                {
                    "text": "Take the EDI link live",
                    "metric": "Share of orders via EDI",
                    "kind": "fraction",
                    "value": 0.8,
                },
            ],
            "actions": [
                {
                    "what": "Meet {decider} about the new plant",
                    "r": "kam",
                    "a": "head",
                    "c": "Application Engineering",
                    "i": "Managing Director",
                    "days": -20,
                    "status": "done",
                },
                {
                    "what": "Start the EDI project with the customer's IT",
                    "r": "E-Business",
                    "a": "kam",
                    "c": "{buyer}",
                    "i": "Inside Sales",
                    "days": 30,
                    "status": "in_progress",
                },
                {
                    "what": "Quote the first fit of the new plant",
                    "r": "kam",
                    "a": "head",
                    "c": "Application Engineering",
                    "i": "{buyer}",
                    "days": 75,
                    "status": "open",
                },
                {
                    "what": "Offer a training day for maintenance",
                    "r": "Service",
                    "a": "kam",
                    "c": "{user}",
                    "i": "{buyer}",
                    "days": 45,
                    "status": "open",
                },
            ],
        },
    ],
}


_CLIENT_YAML = {
    "de": """\
# Engagement-Einstellungen für den Demo-Mandanten (fiktives Unternehmen).
# Jeder Schlüssel außer "name" ist optional; fehlende Werte nehmen die Vorgaben des Kits.
name: {name}
language: de                 # Sprache der Ergebnisberichte: de | en
currency: {currency}
as_of: {as_of}            # Stichtag: Analysefenster endet mit diesem Monat
consultant:
  firm: {firm}
  logo: firm-logo.svg        # Logo der Beratung auf dem Deckblatt (Pfad relativ zu diesem Ordner)

overview:
  top_n: 20                  # Zeilen in der Tabelle der Top-Kunden
  lost_after_months: 12      # mehr als so viele Monate ohne Kauf = verloren

portfolio:
  window_months: 12          # 12 Kalendermonate bis einschließlich Stichtagsmonat
  abc:
    basis: revenue           # ABC nach Umsatz (revenue) oder Deckungsbeitrag (margin)
    cutoffs: [0.80, 0.95]    # kumulierte Anteile A|B und B|C
  xyz:
    method: cv               # Variationskoeffizient der Monatsumsätze
    cutoffs: [0.5, 1.0]      # X <= 0,5 < Y <= 1,0 < Z
  potential:                 # Gewichte der Potenzialkriterien (werden auf 1 normiert)
    future_demand: 0.4       # künftiger Bedarf (Workshop-Bewertung)
    share_of_wallet: 0.3     # geringer Lieferanteil = viel Potenzial (aus Daten)
    growth: 0.3              # Umsatztrend (aus Daten)
  attractiveness:            # Gewichte der Attraktivitätskriterien
    decision_access: 0.3     # Zugang zu den Entscheidern
    processes: 0.2           # Kunde beherrscht die relevanten Prozesse
    chemistry: 0.2           # die Chemie stimmt
    strategy: 0.15           # Kunde hat eine klare Strategie
    margin_quality: 0.15     # Deckungsbeitragsquote (aus Daten)
  zone_split:                # Grenze hoch/niedrig auf den Achsen (Punkte 0-100)
    potential: 50
    attractiveness: 50
  key_account:
    cut_score: 60            # ab dieser Punktzahl (0-100) ein Key-Account-Kandidat
""",
    "en": """\
# Engagement settings for the demo client (a fictional company).
# Every key except "name" is optional; missing values take the kit's defaults.
name: {name}
language: en                 # deliverable language: de | en
currency: {currency}
as_of: {as_of}            # reference date: the analysis window ends with this month
consultant:
  firm: {firm}
  logo: firm-logo.svg        # the consulting firm's logo on the cover (path relative to this folder)

overview:
  top_n: 20                  # rows in the top-customer table
  lost_after_months: 12      # no purchase for more than this many months = lost

portfolio:
  window_months: 12          # 12 calendar months up to and including the as_of month
  abc:
    basis: revenue           # rank by revenue or by contribution margin (margin)
    cutoffs: [0.80, 0.95]    # cumulative shares A|B and B|C
  xyz:
    method: cv               # coefficient of variation of monthly revenue
    cutoffs: [0.5, 1.0]      # X <= 0.5 < Y <= 1.0 < Z
  potential:                 # weights of the potential criteria (normalised to 1)
    future_demand: 0.4       # future demand for our offer (workshop rating)
    share_of_wallet: 0.3     # low share of wallet = high potential (from data)
    growth: 0.3              # revenue trend (from data)
  attractiveness:            # weights of the attractiveness criteria
    decision_access: 0.3     # access to decision makers
    processes: 0.2           # customer has the relevant processes under control
    chemistry: 0.2           # the personal fit works
    strategy: 0.15           # customer has a clear strategy
    margin_quality: 0.15     # contribution margin ratio (from data)
  zone_split:                # high/low boundary on both axes (points 0-100)
    potential: 50
    attractiveness: 50
  key_account:
    cut_score: 60            # key-account candidate from this score (0-100) upwards
""",
}
