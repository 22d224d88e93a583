"""Texts of the strategic customer portfolio deliverable (German and English).

Key families (the analysis returns only keys; see
``kamlib/analysis/recommendations.py``):

- ``portfolio.rec.<AX..CZ|new|no_revenue>`` and ``.title``: handling per ABC-XYZ field
- ``portfolio.zone.<zone>`` (description) and ``.care/.sell/.pricing/.binding``:
  strategy card per zone (zone *names* come from config ``zone_labels``)
- ``portfolio.type.<type>`` and ``.desc``: key-account customer types
- ``portfolio.program.<criterion>`` and ``.desc``: focus programs
- ``portfolio.criterion.<criterion>``: criterion labels
- ``portfolio.h.*`` headings, ``portfolio.intro.*`` section texts,
  ``portfolio.find.*`` executive-summary findings, ``portfolio.text.*``
  section narrative, ``portfolio.col.*`` table headers, ``portfolio.kpi.*``
  KPI tiles, ``portfolio.chart.*`` chart texts, ``portfolio.method.*`` appendix.

Placeholders in ``{braces}`` are filled by ``kamlib.narrative.portfolio`` with
numbers already formatted for the language.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ headings
    "portfolio.h.kpis": {"de": "Das Portfolio in Zahlen", "en": "The portfolio at a glance"},
    "portfolio.h.abc_xyz": {
        "de": "1. Umsatzbedeutung und Regelmäßigkeit (ABC-XYZ)",
        "en": "1. Revenue weight and regularity (ABC-XYZ)",
    },
    "portfolio.h.recommendations": {
        "de": "Empfohlene Bearbeitung je Matrixfeld",
        "en": "Recommended handling per matrix field",
    },
    "portfolio.h.concentration": {
        "de": "2. Umsatzkonzentration",
        "en": "2. Revenue concentration",
    },
    "portfolio.h.matrix": {
        "de": "3. Portfolio: Potenzial × Attraktivität",
        "en": "3. Portfolio: potential × attractiveness",
    },
    "portfolio.h.zones": {
        "de": "4. Zonen und Strategiekarten",
        "en": "4. Zones and strategy cards",
    },
    "portfolio.h.wallet": {
        "de": "5. Wo das Wachstum liegt: Lieferanteil",
        "en": "5. Where the upside is: share of wallet",
    },
    "portfolio.h.ka": {
        "de": "6. Auswahl der Key Accounts",
        "en": "6. Key-account selection",
    },
    "portfolio.h.ka_mismatch": {
        "de": "Abweichungen zwischen Bewertung und heutigem Status",
        "en": "Mismatches between score and current status",
    },
    "portfolio.h.types": {"de": "Kundentypen der Key Accounts", "en": "Key-account customer types"},
    "portfolio.h.sensitivity": {
        "de": "7. Wie belastbar ist die Einteilung?",
        "en": "7. How robust is the placement?",
    },
    "portfolio.h.programs": {
        "de": "8. Schwerpunktprogramme für das Jahr",
        "en": "8. Focus programs for the year",
    },
    "portfolio.h.method": {"de": "Anhang: Methode", "en": "Appendix: method"},
    "portfolio.h.weights": {
        "de": "Anhang: Verwendete Kriterien und Gewichte",
        "en": "Appendix: criteria and weights used",
    },
    "portfolio.h.top_customers": {
        "de": "Die größten Kunden",
        "en": "The largest customers",
    },
    # -------------------------------------------------------- section intros
    "portfolio.intro.abc_xyz": {
        "de": (
            "Die ABC-Analyse ordnet die Kunden nach ihrem {basis} im Analysezeitraum "
            "({window}); die XYZ-Analyse zeigt, wie gleichmäßig sie über die Monate kaufen. "
            "Zusammen beantworten beide die Frage, wie viel Betreuung ein Kunde verdient und "
            "in welcher Form sie am wirtschaftlichsten ist."
        ),
        "en": (
            "The ABC analysis ranks customers by their {basis} in the analysis window "
            "({window}); the XYZ analysis shows how evenly they buy across the months. "
            "Together they answer how much attention a customer deserves and which form of "
            "service is the most economical."
        ),
    },
    "portfolio.intro.concentration": {
        "de": (
            "Die Konzentrationskurve zeigt, wie stark der Umsatz auf wenige Kunden verteilt ist. "
            "Je weiter sie sich von der Diagonale entfernt, desto abhängiger ist das Geschäft "
            "von einzelnen Abnehmern."
        ),
        "en": (
            "The concentration curve shows how strongly revenue rests on a few customers. "
            "The further it bulges away from the diagonal, the more the business depends on "
            "individual buyers."
        ),
    },
    "portfolio.intro.matrix": {
        "de": (
            "Umsatz allein sagt wenig über die Zukunft. Das Portfolio bewertet jeden Kunden "
            "nach seinem Potenzial (wie viel zusätzliches Geschäft möglich ist) und nach seiner "
            "Attraktivität für uns (wie gut er zu unserer Strategie passt). Die Blasengröße "
            "entspricht dem heutigen Umsatz, die Farbe der Zone."
        ),
        "en": (
            "Revenue alone says little about the future. The portfolio rates every customer on "
            "potential (how much more business is possible) and on attractiveness to us (how "
            "well the customer fits our strategy). Bubble size is today's revenue, colour is "
            "the zone."
        ),
    },
    "portfolio.intro.zones": {
        "de": (
            "Jede Zone bekommt eine eigene Bearbeitungsstrategie. Die Karten beschreiben, wie "
            "intensiv betreut wird, wo Cross- und Upselling ansetzt, wie die Preise gestaltet "
            "werden und mit welchen Instrumenten wir die Kunden binden."
        ),
        "en": (
            "Each zone gets its own strategy. The cards describe how intensively we serve the "
            "customers, where cross- and upselling starts, how pricing works and which "
            "instruments tie the customers to us."
        ),
    },
    "portfolio.intro.wallet": {
        "de": (
            "Der Lieferanteil (Share of Wallet) setzt unseren Umsatz ins Verhältnis zum "
            "gesamten Jahresbedarf des Kunden in unseren Produktbereichen. Die Lücke in Euro ist "
            "das Geschäft, das heute beim Wettbewerb landet."
        ),
        "en": (
            "Share of wallet relates our revenue to the customer's total annual demand in our "
            "product areas. The gap in money is the business that goes to competitors today."
        ),
    },
    "portfolio.intro.ka": {
        "de": (
            "Key Accounts sind die Kunden, deren Verlust wir uns nicht leisten können – oder "
            "die das Potenzial haben, diese Bedeutung zu erreichen. Neben Umsatz und "
            "Deckungsbeitrag fließen Marktbedeutung, Know-how, Türöffner-Funktion, Komplexität "
            "des Buying-Centers, Breite des Chancenfelds und strategische Passung in den "
            "Key-Account-Score ein. Kunden ab {cut} Punkten qualifizieren sich."
        ),
        "en": (
            "Key accounts are the customers we cannot afford to lose – or those with the "
            "potential to become that important. Besides revenue and margin, the key-account "
            "score weighs market significance, know-how, door-opener role, complexity of the "
            "buying centre, breadth of the opportunity field and strategic fit. Customers "
            "scoring {cut} points or more qualify."
        ),
    },
    "portfolio.intro.sensitivity": {
        "de": (
            "Die Gewichte der Kriterien sind eine Managemententscheidung. Um zu prüfen, wie "
            "stark die Einteilung davon abhängt, wurde jedes Gewicht einzeln um {step} gesenkt "
            "und erhöht (die übrigen wurden anteilig angepasst) und gezählt, wie viele Kunden "
            "dabei die Zone wechseln."
        ),
        "en": (
            "The criterion weights are a management decision. To test how much the placement "
            "depends on them, each weight was lowered and raised by {step} in turn (the others "
            "rescaled to match), counting how many customers change zone."
        ),
    },
    "portfolio.intro.programs": {
        "de": (
            "Statt vieler Einzelaktionen bekommt jedes Quartal genau einen Schwerpunkt, der im "
            "ganzen Unternehmen parallel zum Tagesgeschäft umgesetzt wird – höchstens drei bis "
            "vier Programme im Jahr. Vorgeschlagen werden die Kriterien mit dem größten "
            "Rückstand bei den Kunden mit hohem Potenzial (Schutz- und Entwicklungszone)."
        ),
        "en": (
            "Instead of many one-off actions, each quarter gets exactly one focus that the whole "
            "company works on alongside daily business – three to four programs a year at most. "
            "The suggestions are the criteria with the largest shortfall among high-potential "
            "customers (protect and develop zones)."
        ),
    },
    # ------------------------------------------------------------ KPI tiles
    "portfolio.kpi.customers": {"de": "Kunden mit Umsatz", "en": "Customers with revenue"},
    "portfolio.kpi.customers_note": {"de": "von {total} im Stamm", "en": "of {total} on file"},
    "portfolio.kpi.revenue": {"de": "Umsatz im Analysezeitraum", "en": "Revenue in the window"},
    "portfolio.kpi.a_share": {
        "de": "Umsatzanteil der A-Kunden",
        "en": "Revenue share of A customers",
    },
    "portfolio.kpi.a_note": {"de": "{n} A-Kunden", "en": "{n} A customers"},
    "portfolio.kpi.top_share": {
        "de": "Anteil des größten Kunden",
        "en": "Largest customer's share",
    },
    "portfolio.kpi.protect": {
        "de": "Umsatz in der Schutzzone",
        "en": "Revenue in the protect zone",
    },
    "portfolio.kpi.protect_note": {"de": "{n} Kunden", "en": "{n} customers"},
    "portfolio.kpi.wallet_gap": {"de": "Ungenutztes Potenzial", "en": "Untapped potential"},
    "portfolio.kpi.wallet_note": {
        "de": "Lieferanteilslücke, hohes Potenzial",
        "en": "wallet gap, high-potential zones",
    },
    "portfolio.kpi.ka": {"de": "Key-Account-Kandidaten", "en": "Key-account candidates"},
    "portfolio.kpi.ka_note": {"de": "{n} heute als KA geführt", "en": "{n} flagged today"},
    # ------------------------------------------------------ summary findings
    "portfolio.find.concentration_high": {
        "de": (
            "<strong>Klumpenrisiko:</strong> {n_a} A-Kunden ({cust_share} des Stamms) bringen "
            "{rev_share} des Umsatzes; der größte Kunde, {top_name}, allein {top_share}. Fällt "
            "er aus, fehlt ein spürbarer Teil des Geschäfts – die Beziehung gehört auf die "
            "Risikoliste der Geschäftsleitung."
        ),
        "en": (
            "<strong>Concentration risk:</strong> {n_a} A customers ({cust_share} of the base) "
            "bring {rev_share} of revenue; the largest customer, {top_name}, alone {top_share}. "
            "Losing it would remove a noticeable part of the business – the relationship "
            "belongs on management's risk list."
        ),
    },
    "portfolio.find.concentration": {
        "de": (
            "<strong>Konzentration:</strong> {n_a} A-Kunden ({cust_share} des Stamms) bringen "
            "{rev_share} des Umsatzes; kein Einzelkunde liegt über {top_share}. Die Abhängigkeit "
            "ist typisch für das Geschäft, verlangt aber konsequente Pflege genau dieser Kunden."
        ),
        "en": (
            "<strong>Concentration:</strong> {n_a} A customers ({cust_share} of the base) bring "
            "{rev_share} of revenue; no single customer exceeds {top_share}. That dependence is "
            "typical of the business, but it calls for consistent care of exactly these "
            "customers."
        ),
    },
    "portfolio.find.upside": {
        "de": (
            "<strong>Wo das Wachstum liegt:</strong> {n} Kunden in der Entwicklungszone kaufen "
            "heute für {revenue} bei uns, ihr ungenutzter Bedarf beträgt {gap}."
        ),
        "en": (
            "<strong>Where the upside is:</strong> {n} customers in the develop zone buy "
            "{revenue} from us today, with {gap} of their demand still going elsewhere."
        ),
    },
    "portfolio.find.upside.one": {
        "de": (
            "<strong>Wo das Wachstum liegt:</strong> Ein Kunde in der Entwicklungszone kauft "
            "heute für {revenue} bei uns, sein ungenutzter Bedarf beträgt {gap}."
        ),
        "en": (
            "<strong>Where the upside is:</strong> one customer in the develop zone buys "
            "{revenue} from us today, with {gap} of its demand still going elsewhere."
        ),
    },
    "portfolio.find.upside_no_gap": {
        "de": (
            "<strong>Wo das Wachstum liegt:</strong> {n} Kunden in der Entwicklungszone kaufen "
            "heute für {revenue} bei uns; für eine Bewertung der Lücke in Euro fehlt der "
            "Jahresbedarf (Potenzial) im Kundenstamm."
        ),
        "en": (
            "<strong>Where the upside is:</strong> {n} customers in the develop zone buy "
            "{revenue} from us today; to put a money value on the gap, the customer master "
            "needs each customer's annual demand (potential)."
        ),
    },
    "portfolio.find.upside_no_gap.one": {
        "de": (
            "<strong>Wo das Wachstum liegt:</strong> Ein Kunde in der Entwicklungszone kauft "
            "heute für {revenue} bei uns; für eine Bewertung der Lücke in Euro fehlt der "
            "Jahresbedarf (Potenzial) im Kundenstamm."
        ),
        "en": (
            "<strong>Where the upside is:</strong> one customer in the develop zone buys "
            "{revenue} from us today; to put a money value on the gap, the customer master "
            "needs its annual demand (potential)."
        ),
    },
    "portfolio.find.upside_criterion": {
        "de": "Am stärksten bremst das Kriterium „{criterion}“ – dort setzt die Entwicklung an.",
        "en": "What holds the zone back most is “{criterion}” – that is where development starts.",
    },
    "portfolio.find.protect": {
        "de": (
            "<strong>Wen wir schützen:</strong> {n} Kunden der Schutzzone stehen für "
            "{rev_share} des Umsatzes, allen voran {names}. Sie brauchen Top-Betreuung und "
            "Bindungsinstrumente gegen Abwerbung{unflagged}."
        ),
        "en": (
            "<strong>Whom to protect:</strong> {n} customers in the protect zone stand for "
            "{rev_share} of revenue, led by {names}. They need top care and binding instruments "
            "against poaching{unflagged}."
        ),
    },
    "portfolio.find.protect.one": {
        "de": (
            "<strong>Wen wir schützen:</strong> Einziger Kunde der Schutzzone ist {names} mit "
            "{rev_share} des Umsatzes. Er braucht Top-Betreuung und Bindungsinstrumente gegen "
            "Abwerbung{unflagged}."
        ),
        "en": (
            "<strong>Whom to protect:</strong> the only customer in the protect zone is {names} "
            "with {rev_share} of revenue. It needs top care and binding instruments against "
            "poaching{unflagged}."
        ),
    },
    "portfolio.find.protect_unflagged": {
        "de": "; {n} von ihnen werden noch nicht als Key Account geführt",
        "en": "; {n} of them are not yet managed as key accounts",
    },
    "portfolio.find.protect_unflagged.one": {
        "de": "; einer davon wird noch nicht als Key Account geführt",
        "en": "; one of them is not yet managed as a key account",
    },
    "portfolio.find.protect_unflagged_single": {
        "de": ", wird aber noch nicht als Key Account geführt",
        "en": ", yet is not managed as a key account",
    },
    "portfolio.find.withdraw": {
        "de": (
            "<strong>Was wir lassen:</strong> {n} Kunden ({cust_share} des Stamms) liegen in der "
            "Rückzugszone und bringen nur {rev_share} des Umsatzes. Aktive Besuche hier beenden, "
            "auf Innendienst, Webshop oder Handel umstellen und Kleinaufträge über einen "
            "Mindestbestellwert steuern."
        ),
        "en": (
            "<strong>What to stop:</strong> {n} customers ({cust_share} of the base) sit in the "
            "withdraw zone and bring only {rev_share} of revenue. Stop active field visits "
            "there, move them to inside sales, webshop or distributors, and steer small orders "
            "with a minimum order value."
        ),
    },
    "portfolio.find.withdraw_heavy": {
        "de": (
            "<strong>Was wir lassen:</strong> {n} Kunden ({cust_share} des Stamms) liegen in der "
            "Rückzugszone, bringen aber {rev_share} des Umsatzes. Den Außendienstaufwand dort "
            "senken – vorher klären, welche dieser Kunden sich über Innendienst, Webshop oder "
            "Handel halten lassen, damit der Umsatz nicht mit dem Aufwand verschwindet."
        ),
        "en": (
            "<strong>What to stop:</strong> {n} customers ({cust_share} of the base) sit in the "
            "withdraw zone yet bring {rev_share} of revenue. Cut field-sales effort there – but "
            "first decide which of them can be kept through inside sales, webshop or "
            "distributors, so the revenue does not leave with the effort."
        ),
    },
    "portfolio.find.ka_mismatch": {
        "de": "<strong>Key-Account-Status prüfen:</strong> {parts}.",
        "en": "<strong>Review key-account status:</strong> {parts}.",
    },
    "portfolio.find.ka_new": {
        "de": "{n} Kunden erfüllen die Key-Account-Kriterien, werden aber nicht so geführt ({names})",
        "en": "{n} customers meet the key-account criteria but are not managed as such ({names})",
    },
    "portfolio.find.ka_new.one": {
        "de": "{names} erfüllt die Key-Account-Kriterien, wird aber nicht so geführt",
        "en": "{names} meets the key-account criteria but is not managed as a key account",
    },
    "portfolio.find.ka_old": {
        "de": "{n} heutige Key Accounts liegen unter der Schwelle von {cut} Punkten",
        "en": "{n} current key accounts score below the threshold of {cut} points",
    },
    "portfolio.find.ka_old.one": {
        "de": "ein heutiger Key Account ({names}) liegt unter der Schwelle von {cut} Punkten",
        "en": "one current key account ({names}) scores below the threshold of {cut} points",
    },
    "portfolio.find.ka_match": {
        "de": (
            "<strong>Key Accounts:</strong> Die heutige Auswahl deckt sich mit der Bewertung – "
            "{n} Kunden qualifizieren sich, alle werden bereits als Key Account geführt."
        ),
        "en": (
            "<strong>Key accounts:</strong> today's selection matches the scoring – {n} "
            "customers qualify and all are already managed as key accounts."
        ),
    },
    "portfolio.find.program": {
        "de": (
            "<strong>Erster Schwerpunkt:</strong> Das Jahr beginnt mit dem Programm "
            "„{program}“ für {n} Zielkunden; insgesamt schlagen wir {count} Programme vor."
        ),
        "en": (
            "<strong>First focus:</strong> the year starts with the program “{program}” for "
            "{n} target customers; we suggest {count} programs in total."
        ),
    },
    "portfolio.find.none_names": {"de": "keine", "en": "none"},
    "portfolio.find.and": {"de": "und", "en": "and"},
    "portfolio.find.more": {"de": "und {n} weitere", "en": "and {n} more"},
    # ------------------------------------------------------ section narrative
    "portfolio.text.abc": {
        "de": (
            "{n_a} A-Kunden bringen {a_share} des Umsatzes, {n_b} B-Kunden {b_share} und "
            "{n_c} C-Kunden zusammen nur {c_share}. Das größte Matrixfeld nach Umsatz ist "
            "{top_field} mit {top_field_share}; {x_share} des Umsatzes kommt von Kunden mit "
            "stetigem Bedarf (X), {z_share} von sporadischen Käufern (Z)."
        ),
        "en": (
            "{n_a} A customers bring {a_share} of revenue, {n_b} B customers {b_share} and "
            "{n_c} C customers together only {c_share}. The largest matrix field by revenue is "
            "{top_field} with {top_field_share}; {x_share} of revenue comes from customers with "
            "steady demand (X), {z_share} from sporadic buyers (Z)."
        ),
    },
    "portfolio.text.az_warning": {
        "de": (
            "{n} A-Kunden kaufen sporadisch (AZ) – bei ihnen lohnt es sich, die Ursache zu "
            "kennen: Projektgeschäft, ein Zweitlieferant oder eine Lagerpolitik des Kunden?"
        ),
        "en": (
            "{n} A customers buy sporadically (AZ) – it pays to know why: project business, a "
            "second supplier or the customer's stock policy?"
        ),
    },
    "portfolio.text.lorenz": {
        "de": (
            "{cust_share} der Kunden erwirtschaften {cutoff} des Umsatzes. Die zehn größten "
            "Kunden stehen für {top10}, die zwanzig größten für {top20}. Zum Vergleich: In "
            "vielen Industrieunternehmen vereinen die Key Accounts 30–55 % des Umsatzes."
        ),
        "en": (
            "{cust_share} of customers earn {cutoff} of revenue. The ten largest customers "
            "account for {top10}, the twenty largest for {top20}. For comparison: in many "
            "industrial companies key accounts hold 30–55% of revenue."
        ),
    },
    "portfolio.text.matrix": {
        "de": (
            "{n_placed} Kunden sind im Portfolio platziert. Beschriftet sind die Key Accounts "
            "und die Kunden, die sich als Key Account qualifizieren, ohne so geführt zu werden "
            "(höchstens {labels}, die größten zuerst). Die gestrichelten Linien markieren die "
            "Zonengrenzen bei {split_p} Punkten Potenzial und {split_a} Punkten Attraktivität."
        ),
        "en": (
            "{n_placed} customers are placed in the portfolio. Labelled are the key accounts and "
            "the customers that qualify as key accounts without being managed as one (at most "
            "{labels}, largest first). The dashed lines mark the zone borders at {split_p} "
            "points of potential and {split_a} points of attractiveness."
        ),
    },
    "portfolio.text.unplaced": {
        "de": (
            "{n} Kunden fehlen im Bild, weil für sie auf einer Achse kein einziges Kriterium "
            "vorliegt (weder Bewertung noch Daten)."
        ),
        "en": (
            "{n} customers are missing from the chart because not a single criterion is "
            "available for them on one axis (neither rating nor data)."
        ),
    },
    "portfolio.zone_unplaced": {"de": "nicht platziert", "en": "not placed"},
    "portfolio.text.unrated": {
        "de": (
            "Für {n} Kunden liegen keine Workshop-Bewertungen vor; sie sind allein anhand der "
            "Daten (Lieferanteil, Wachstum, Margenqualität) platziert. Ihre Position ist "
            "vorläufig und sollte im nächsten Workshop bestätigt werden."
        ),
        "en": (
            "{n} customers have no workshop ratings; they are placed on the data-derived "
            "criteria alone (share of wallet, growth, margin quality). Treat their position as "
            "provisional and confirm it in the next workshop."
        ),
    },
    "portfolio.text.wallet": {
        "de": (
            "Für {n_known} Kunden ist der Jahresbedarf bekannt. Zusammen kaufen sie {revenue} bei "
            "uns, ihr Bedarf beträgt {potential} – ein Lieferanteil von {sow}. Die Lücke von "
            "{gap} liegt zu {high_share} bei Kunden der Schutz- und Entwicklungszone."
        ),
        "en": (
            "Annual demand is known for {n_known} customers. Together they buy {revenue} from "
            "us against a demand of {potential} – a share of wallet of {sow}. {high_share} of "
            "the {gap} gap sits with customers in the protect and develop zones."
        ),
    },
    "portfolio.text.not_placed": {
        "de": (
            "Noch lässt sich kein Kunde im Portfolio platzieren, weil Angaben fehlen: {axes}. "
            "Sobald der Jahresbedarf im Kundenstamm (Spalte „Potenzial“) oder Workshop-"
            "Bewertungen (ratings) vorliegen, zeigt dieser Bericht Portfolio, Zonen, "
            "Sensitivität und Schwerpunktprogramme."
        ),
        "en": (
            "No customer can be placed in the portfolio yet because information is missing: "
            "{axes}. As soon as the customer master carries the annual demand (column "
            "“potential”) or workshop ratings are available (ratings), this report shows the "
            "portfolio, the zones, the sensitivity and the focus programs."
        ),
    },
    "portfolio.text.axis_missing": {
        "de": "für die Achse {axis} liegt keines der Kriterien vor ({criteria})",
        "en": "no criterion of the {axis} axis is available ({criteria})",
    },
    "portfolio.text.wallet_missing": {
        "de": (
            "Im Kundenstamm fehlt der Jahresbedarf (Spalte „Potenzial“). Ohne ihn lässt sich "
            "der Lieferanteil nicht berechnen; wir empfehlen, ihn für die wichtigsten Kunden im "
            "Vertrieb zu schätzen."
        ),
        "en": (
            "The customer master has no annual demand (column “potential”). Without it the share "
            "of wallet cannot be computed; we recommend that sales estimate it for the most "
            "important customers."
        ),
    },
    "portfolio.text.ka": {
        "de": (
            "{n_qual} Kunden erreichen die Schwelle von {cut} Punkten; heute werden {n_flag} "
            "Kunden als Key Account geführt, {n_both} davon qualifizieren sich."
        ),
        "en": (
            "{n_qual} customers reach the threshold of {cut} points; {n_flag} customers are "
            "managed as key accounts today, {n_both} of whom qualify."
        ),
    },
    "portfolio.text.ka_not_flagged": {
        "de": "Qualifizieren sich, werden aber nicht als Key Account geführt",
        "en": "Qualify but are not managed as key accounts",
    },
    "portfolio.text.ka_flagged_not": {
        "de": "Werden als Key Account geführt, liegen aber unter der Schwelle",
        "en": "Managed as key accounts but below the threshold",
    },
    "portfolio.text.ka_none": {
        "de": "Keine Kunden in dieser Gruppe.",
        "en": "No customers in this group.",
    },
    "portfolio.text.more_in_export": {
        "de": "Gezeigt sind die ersten {shown} von {total}; die vollständige Liste enthält der Export.",
        "en": "Showing the first {shown} of {total}; the full list is in the export.",
    },
    "portfolio.text.types": {
        "de": (
            "Kundentypen helfen, die Betreuung der Key Accounts zu differenzieren. Ein Kunde kann "
            "mehrere Typen tragen."
        ),
        "en": (
            "Customer types help to differentiate how key accounts are served. A customer may "
            "carry more than one type."
        ),
    },
    "portfolio.text.sensitivity": {
        "de": (
            "{robust} der Kunden bleiben bei jeder einzelnen Gewichtsänderung in ihrer Zone. "
            "Am empfindlichsten reagiert die Einteilung auf das Gewicht „{criterion}“: "
            "{changed} der Kunden wechseln dann die Zone."
        ),
        "en": (
            "{robust} of customers stay in their zone under every single weight change. The "
            "placement is most sensitive to the weight of “{criterion}”: {changed} of customers "
            "then change zone."
        ),
    },
    "portfolio.text.sensitivity_robust": {
        "de": "Die Einteilung ist damit robust; die Strategie hängt nicht an einzelnen Gewichten.",
        "en": "The placement is therefore robust; the strategy does not hinge on single weights.",
    },
    "portfolio.text.sensitivity_fragile": {
        "de": (
            "Damit ist ein spürbarer Teil der Einteilung von den Gewichten abhängig. Kunden "
            "nahe den Zonengrenzen sollten im Workshop einzeln bestätigt werden."
        ),
        "en": (
            "A noticeable part of the placement therefore depends on the weights. Customers "
            "close to the zone borders should be confirmed one by one in the workshop."
        ),
    },
    "portfolio.text.programs_none": {
        "de": (
            "Ohne Workshop-Bewertungen für Kunden mit hohem Potenzial lassen sich keine "
            "Schwerpunktprogramme ableiten."
        ),
        "en": (
            "Without workshop ratings for high-potential customers, no focus programs can be "
            "derived."
        ),
    },
    "portfolio.text.program_targets": {"de": "Zielkunden", "en": "Target customers"},
    "portfolio.text.weights_intro": {
        "de": (
            "Gewichte sind auf 100 % je Achse normiert. Kriterien mit Quelle „Daten“ werden aus "
            "Umsätzen und Kundenstamm berechnet, wenn keine Bewertung vorliegt."
        ),
        "en": (
            "Weights are normalised to 100% per axis. Criteria with source “data” are computed "
            "from sales and the customer master when no rating exists."
        ),
    },
    "portfolio.text.settings": {
        "de": (
            "ABC-Grenzen {abc_cut} (Basis: {basis}); XYZ-Grenzen {xyz_cut} ({xyz_method}); "
            "neu, wenn der erste Kauf weniger als {min_hist} Monate zurückliegt; Zonengrenzen "
            "bei {split_p} (Potenzial) und {split_a} (Attraktivität); Key-Account-Schwelle "
            "{cut} Punkte; Schritt der Sensitivitätsprüfung ±{step}."
        ),
        "en": (
            "ABC cut-offs {abc_cut} (basis: {basis}); XYZ cut-offs {xyz_cut} ({xyz_method}); "
            "new when the first purchase is fewer than {min_hist} months ago; zone borders at "
            "{split_p} (potential) and {split_a} (attractiveness); key-account threshold {cut} "
            "points; sensitivity step ±{step}."
        ),
    },
    "portfolio.basis.revenue": {"de": "Umsatz", "en": "revenue"},
    "portfolio.basis.margin": {"de": "Deckungsbeitrag", "en": "contribution margin"},
    "portfolio.xyz_method.cv": {"de": "Variationskoeffizient", "en": "coefficient of variation"},
    "portfolio.xyz_method.frequency": {
        "de": "Anteil der Monate mit Bestellung",
        "en": "share of months with an order",
    },
    "portfolio.source.rating": {"de": "Bewertung", "en": "rating"},
    "portfolio.source.data": {"de": "Daten", "en": "data"},
    "portfolio.quarter": {"de": "Q{q}", "en": "Q{q}"},
    # ------------------------------------------------------------ table columns
    "portfolio.col.field": {"de": "Feld", "en": "Field"},
    "portfolio.col.customers": {"de": "Kunden", "en": "Customers"},
    "portfolio.col.revenue": {"de": "Umsatz", "en": "Revenue"},
    "portfolio.col.revenue_share": {"de": "Umsatzanteil", "en": "Revenue share"},
    "portfolio.col.customer_share": {"de": "Kundenanteil", "en": "Customer share"},
    "portfolio.col.cum_share": {"de": "kumuliert", "en": "Cumulative"},
    "portfolio.col.recommendation": {"de": "Empfohlene Bearbeitung", "en": "Recommended handling"},
    "portfolio.col.customer": {"de": "Kunde", "en": "Customer"},
    "portfolio.col.class": {"de": "ABC-XYZ", "en": "ABC-XYZ"},
    "portfolio.col.zone": {"de": "Zone", "en": "Zone"},
    "portfolio.col.key_accounts": {"de": "Key Accounts", "en": "Key accounts"},
    "portfolio.col.potential_score": {"de": "Ø Potenzial", "en": "Avg. potential"},
    "portfolio.col.attractiveness_score": {"de": "Ø Attraktivität", "en": "Avg. attractiveness"},
    "portfolio.col.potential": {"de": "Jahresbedarf", "en": "Annual demand"},
    "portfolio.col.sow": {"de": "Lieferanteil", "en": "Share of wallet"},
    "portfolio.col.gap": {"de": "Lücke", "en": "Gap"},
    "portfolio.col.rank": {"de": "Rang", "en": "Rank"},
    "portfolio.col.ka_score": {"de": "KA-Score", "en": "KA score"},
    "portfolio.col.flagged": {"de": "heute KA", "en": "KA today"},
    "portfolio.col.type": {"de": "Kundentyp", "en": "Customer type"},
    "portfolio.col.quarter": {"de": "Quartal", "en": "Quarter"},
    "portfolio.col.program": {"de": "Programm", "en": "Program"},
    "portfolio.col.targets": {"de": "Zielkunden", "en": "Targets"},
    "portfolio.col.examples": {"de": "Beispiele", "en": "Examples"},
    "portfolio.col.target_revenue": {"de": "Umsatz Zielkunden", "en": "Target revenue"},
    "portfolio.col.axis": {"de": "Achse", "en": "Axis"},
    "portfolio.col.criterion": {"de": "Kriterium", "en": "Criterion"},
    "portfolio.col.weight": {"de": "Gewicht", "en": "Weight"},
    "portfolio.col.source": {"de": "Quelle", "en": "Source"},
    "portfolio.col.type_count": {"de": "Key Accounts", "en": "Key accounts"},
    "portfolio.col.description": {"de": "Beschreibung", "en": "Description"},
    "portfolio.col.score_p": {"de": "Potenzial", "en": "Potential"},
    "portfolio.col.score_a": {"de": "Attraktivität", "en": "Attractiveness"},
    # ---------------------------------------------------------------- axes
    "portfolio.axis.potential": {"de": "Potenzial", "en": "Potential"},
    "portfolio.axis.attractiveness": {"de": "Attraktivität", "en": "Attractiveness"},
    "portfolio.axis.key_account": {"de": "Key-Account-Score", "en": "Key-account score"},
    # --------------------------------------------------------------- charts
    "portfolio.chart.bubble_title": {
        "de": "Kundenportfolio: Potenzial × Attraktivität",
        "en": "Customer portfolio: potential × attractiveness",
    },
    "portfolio.chart.bubble_legend": {
        "de": "Blasenfläche = Umsatz, z. B.:",
        "en": "Bubble area = revenue, e.g.:",
    },
    "portfolio.chart.axis_attractiveness": {
        "de": "Attraktivität / strategische Passung (0–100)",
        "en": "Attractiveness / strategic fit (0–100)",
    },
    "portfolio.chart.axis_potential": {
        "de": "Potenzial (0–100)",
        "en": "Potential (0–100)",
    },
    "portfolio.chart.heat_title": {
        "de": "ABC-XYZ-Matrix: Kunden und Umsatzanteil",
        "en": "ABC-XYZ matrix: customers and revenue share",
    },
    "portfolio.chart.heat_share": {"de": "{share} Umsatz", "en": "{share} of revenue"},
    "portfolio.chart.heat_new": {
        "de": "Neukunden: {n} ({share} Umsatz)",
        "en": "new customers: {n} ({share} of revenue)",
    },
    "portfolio.chart.heat_no_revenue": {
        "de": "ohne Umsatz im Zeitraum: {n}",
        "en": "no revenue in the window: {n}",
    },
    "portfolio.chart.heat_outside": {"de": "Außerhalb der Matrix", "en": "Outside the matrix"},
    "portfolio.chart.count": {"de": "{n} Kunden", "en": "{n} customers"},
    "portfolio.chart.count_one": {"de": "1 Kunde", "en": "1 customer"},
    "portfolio.chart.axis_xyz": {
        "de": "XYZ – Regelmäßigkeit des Bedarfs",
        "en": "XYZ – regularity of demand",
    },
    "portfolio.chart.axis_abc": {"de": "ABC – Umsatzbedeutung", "en": "ABC – revenue weight"},
    "portfolio.chart.lorenz_title": {
        "de": "Umsatzkonzentration (Pareto-Kurve)",
        "en": "Revenue concentration (Pareto curve)",
    },
    "portfolio.chart.lorenz_curve": {
        "de": "Kumulierter Umsatzanteil",
        "en": "Cumulative revenue share",
    },
    "portfolio.chart.lorenz_equal": {"de": "Gleichverteilung", "en": "Equal distribution"},
    "portfolio.chart.lorenz_note": {
        "de": "{customers} der Kunden = {revenue} des Umsatzes",
        "en": "{customers} of customers = {revenue} of revenue",
    },
    "portfolio.chart.axis_customer_share": {
        "de": "Anteil der Kunden (nach Umsatz sortiert)",
        "en": "Share of customers (largest first)",
    },
    "portfolio.chart.axis_revenue_cum": {"de": "Anteil am Umsatz", "en": "Share of revenue"},
    "portfolio.chart.zone_title": {
        "de": "Zonen: Anteil an Kunden und Umsatz",
        "en": "Zones: share of customers and revenue",
    },
    "portfolio.chart.zone_customers": {"de": "Anteil Kunden", "en": "Share of customers"},
    "portfolio.chart.zone_revenue": {"de": "Anteil Umsatz", "en": "Share of revenue"},
    "portfolio.chart.sens_title": {
        "de": "Sensitivität: Zonenwechsel je Gewichtsänderung",
        "en": "Sensitivity: zone changes per weight change",
    },
    "portfolio.chart.sens_down": {"de": "Gewicht −{step}", "en": "Weight −{step}"},
    "portfolio.chart.sens_up": {"de": "Gewicht +{step}", "en": "Weight +{step}"},
    "portfolio.chart.sens_axis": {
        "de": "Anteil der Kunden, die die Zone wechseln",
        "en": "Share of customers changing zone",
    },
    "portfolio.chart.ka_title": {
        "de": "Key-Account-Ranking (Top {n})",
        "en": "Key-account ranking (top {n})",
    },
    "portfolio.chart.ka_axis": {
        "de": "Key-Account-Score (0–100)",
        "en": "Key-account score (0–100)",
    },
    "portfolio.chart.ka_cut": {"de": "Schwelle {cut}", "en": "Threshold {cut}"},
    "portfolio.chart.ka_flagged": {"de": "heute Key Account", "en": "Key account today"},
    "portfolio.chart.ka_not_flagged": {
        "de": "noch kein Key Account",
        "en": "Not a key account yet",
    },
    "portfolio.chart.wallet_title": {
        "de": "Größte Lieferanteilslücken (Top {n})",
        "en": "Largest wallet gaps (top {n})",
    },
    "portfolio.chart.wallet_revenue": {"de": "Umsatz heute", "en": "Revenue today"},
    "portfolio.chart.wallet_gap": {"de": "Lücke zum Jahresbedarf", "en": "Gap to annual demand"},
    "portfolio.chart.wallet_axis": {
        "de": "Jahresbedarf des Kunden",
        "en": "Customer's annual demand",
    },
    "portfolio.chart.no_wallet": {
        "de": "Kein Jahresbedarf im Kundenstamm erfasst",
        "en": "No annual demand recorded in the customer master",
    },
    "portfolio.chart.no_data": {"de": "Keine Daten", "en": "No data"},
    # --------------------------------------------------------- ABC / XYZ classes
    "portfolio.abc.A.short": {"de": "A (Top-Umsatz)", "en": "A (top revenue)"},
    "portfolio.abc.B.short": {"de": "B (mittel)", "en": "B (medium)"},
    "portfolio.abc.C.short": {"de": "C (klein)", "en": "C (small)"},
    "portfolio.xyz.X.short": {"de": "X (stetig)", "en": "X (steady)"},
    "portfolio.xyz.Y.short": {"de": "Y (schwankend)", "en": "Y (fluctuating)"},
    "portfolio.xyz.Z.short": {"de": "Z (sporadisch)", "en": "Z (sporadic)"},
    "portfolio.xyz.new": {"de": "neu", "en": "new"},
    "portfolio.xyz.none": {"de": "ohne Umsatz", "en": "no revenue"},
    # ---------------------------------------- handling per ABC-XYZ field (nine + two)
    "portfolio.rec.AX.title": {"de": "Kerngeschäft sichern", "en": "Secure the core"},
    "portfolio.rec.AX": {
        "de": (
            "Key-Account-Betreuung mit festem Ansprechpartner; verbindliche Rahmenverträge mit "
            "Abrufmengen, Konsignations- oder Kanban-Lösungen; Lieferfähigkeit absichern und "
            "Preise über die Laufzeit festschreiben."
        ),
        "en": (
            "Key-account care with a dedicated contact; binding framework contracts with call-off "
            "volumes, consignment or kanban stock; secure delivery capability and fix prices for "
            "the contract term."
        ),
    },
    "portfolio.rec.AY.title": {"de": "Bedarf gemeinsam planen", "en": "Plan demand together"},
    "portfolio.rec.AY": {
        "de": (
            "Intensive Betreuung; Schwankungen mit rollierenden Forecasts gemeinsam mit dem "
            "Einkauf glätten, Rahmenvertrag mit flexiblen Abrufen, regelmäßige Account-Reviews."
        ),
        "en": (
            "Intensive care; smooth fluctuations with rolling forecasts agreed with purchasing, "
            "framework contract with flexible call-offs, regular account reviews."
        ),
    },
    "portfolio.rec.AZ.title": {"de": "Ursachen klären", "en": "Find out why"},
    "portfolio.rec.AZ": {
        "de": (
            "Herausfinden, warum der Bedarf so sprunghaft ist – Projektgeschäft, Zweitlieferant "
            "oder Lagerpolitik? Projektpipeline früh kennen, Buying-Center breiter erschließen, "
            "Angebote projektbezogen steuern."
        ),
        "en": (
            "Find out why demand is so erratic – project business, a second supplier or stock "
            "policy? Know the project pipeline early, reach more of the buying centre, manage "
            "quotes project by project."
        ),
    },
    "portfolio.rec.BX.title": {"de": "Effizient ausbauen", "en": "Grow efficiently"},
    "portfolio.rec.BX": {
        "de": (
            "Verlässliche Stammkunden: Nachschub automatisieren (EDI, Abrufaufträge), Sortiment "
            "per Cross-Selling verbreitern, Kandidaten für den Sprung zum A-Kunden gezielt "
            "entwickeln."
        ),
        "en": (
            "Reliable regulars: automate replenishment (EDI, call-off orders), broaden the range "
            "through cross-selling, develop candidates for the step up to A."
        ),
    },
    "portfolio.rec.BY.title": {"de": "Standardbetreuung", "en": "Standard care"},
    "portfolio.rec.BY": {
        "de": (
            "Betreuung durch Innen- und Außendienst im festen Rhythmus; Jahresvereinbarungen und "
            "Bonusstaffeln stabilisieren den Bedarf."
        ),
        "en": (
            "Care by inside and field sales at a fixed rhythm; annual agreements and volume "
            "bonuses steady the demand."
        ),
    },
    "portfolio.rec.BZ.title": {"de": "Anlassbezogen bedienen", "en": "Serve on occasion"},
    "portfolio.rec.BZ": {
        "de": (
            "Gelegenheitsgeschäft: Angebote schnell und standardisiert erstellen, Bedarfsanlässe "
            "erfragen, keine Dauerbetreuung im Außendienst."
        ),
        "en": (
            "Occasional business: quote quickly and in a standard way, ask about upcoming needs, "
            "no permanent field-sales coverage."
        ),
    },
    "portfolio.rec.CX.title": {"de": "Automatisieren", "en": "Automate"},
    "portfolio.rec.CX": {
        "de": (
            "Kleine, aber regelmäßige Abnehmer: Bestellweg automatisieren (Webshop, EDI, "
            "Kanban), Betreuung durch den Innendienst, Sammelbestellungen statt Kleinmengen."
        ),
        "en": (
            "Small but regular buyers: automate ordering (webshop, EDI, kanban), care by inside "
            "sales, bundled orders instead of small quantities."
        ),
    },
    "portfolio.rec.CY.title": {"de": "Kostengünstig bedienen", "en": "Serve at low cost"},
    "portfolio.rec.CY": {
        "de": (
            "Über kostengünstige Kanäle bedienen (Innendienst, Webshop, Handelspartner); "
            "Bestellungen bündeln, auf Wachstumssignale achten."
        ),
        "en": (
            "Serve through low-cost channels (inside sales, webshop, distributors); bundle "
            "orders, watch for signs of growth."
        ),
    },
    "portfolio.rec.CZ.title": {"de": "Aufwand begrenzen", "en": "Limit the effort"},
    "portfolio.rec.CZ": {
        "de": (
            "Nur über Low-Cost-Kanal oder Handel bedienen; Mindestbestellwert oder "
            "Kleinmengenzuschlag einführen. Ausnahmen nur bei nachgewiesenem Potenzial."
        ),
        "en": (
            "Serve only via a low-cost channel or distributor; introduce a minimum order value "
            "or small-order surcharge. Exceptions only where potential is proven."
        ),
    },
    "portfolio.rec.new.title": {"de": "Neukunden", "en": "New customers"},
    "portfolio.rec.new": {
        "de": (
            "Zu kurze Historie für eine XYZ-Einstufung: Onboarding begleiten, Bedarf und "
            "Potenzial im ersten Halbjahr erheben, danach neu einstufen."
        ),
        "en": (
            "History too short for an XYZ class: accompany onboarding, establish demand and "
            "potential in the first six months, then classify again."
        ),
    },
    "portfolio.rec.no_revenue.title": {"de": "Ohne Umsatz", "en": "No revenue"},
    "portfolio.rec.no_revenue": {
        "de": (
            "Kein Umsatz im Analysezeitraum: prüfen, ob der Kunde verloren ist (Rückgewinnung) "
            "oder der Stammsatz bereinigt werden kann."
        ),
        "en": (
            "No revenue in the window: check whether the customer is lost (win-back) or the "
            "master record can be cleaned up."
        ),
    },
    # ------------------------------------------------------- zones: strategy cards
    "portfolio.zone.protect": {
        "de": (
            "Hohes Potenzial und hohe Passung: unsere Schlüsselkunden. Sie erhalten die beste "
            "Betreuung und werden aktiv gegen Abwerbeversuche des Wettbewerbs geschützt."
        ),
        "en": (
            "High potential and high fit: our key accounts. They get the best care and are "
            "actively defended against competitors trying to poach them."
        ),
    },
    "portfolio.zone.protect.care": {
        "de": (
            "Key Account Manager mit Selling-Center; Besuch mindestens monatlich, "
            "Geschäftsleitungskontakt jedes Quartal, jährliches Strategiegespräch mit Account-Plan."
        ),
        "en": (
            "Key account manager with a selling centre; visits at least monthly, senior "
            "management contact every quarter, an annual strategy meeting with an account plan."
        ),
    },
    "portfolio.zone.protect.sell": {
        "de": (
            "Gemeinsame Bedarfsplanung, Cross-Selling über das ganze Sortiment; neue Produkte und "
            "Pilotanwendungen zuerst hier anbieten."
        ),
        "en": (
            "Joint demand planning, cross-selling across the whole range; offer new products and "
            "pilot applications here first."
        ),
    },
    "portfolio.zone.protect.pricing": {
        "de": (
            "Wertorientierte Preise; Konditionen an Volumen und Laufzeit knüpfen statt "
            "Rabatte ohne Gegenleistung zu gewähren."
        ),
        "en": (
            "Value-based prices; tie terms to volume and contract length instead of granting "
            "discounts with nothing in return."
        ),
    },
    "portfolio.zone.protect.binding": {
        "de": (
            "Rahmen- und Serviceverträge, IT-Anbindung (EDI, Kundenportal, Konsignationslager), "
            "gemeinsame Entwicklungsprojekte – Wechselkosten bewusst aufbauen."
        ),
        "en": (
            "Framework and service contracts, IT links (EDI, customer portal, consignment stock), "
            "joint development projects – build switching costs on purpose."
        ),
    },
    "portfolio.zone.develop": {
        "de": (
            "Hohes Potenzial, aber die Passung stimmt noch nicht: die Zone mit dem größten "
            "Hebel. Wir arbeiten gezielt an den Kriterien, die die Attraktivität belasten – "
            "etwa am fehlenden Zugang zu den Entscheidern."
        ),
        "en": (
            "High potential, but the fit is not there yet: the zone with the biggest upside. We "
            "work on the criteria that hold attractiveness back – for example missing access to "
            "the decision makers."
        ),
    },
    "portfolio.zone.develop.care": {
        "de": (
            "Benannter Verantwortlicher mit einem SMART-Entwicklungsziel; Besuch alle vier bis "
            "sechs Wochen, gezielter Aufbau von Kontakten zu Entscheidern und Fachabteilungen."
        ),
        "en": (
            "A named owner with a SMART development goal; visits every four to six weeks, "
            "building contacts with decision makers and specialist departments."
        ),
    },
    "portfolio.zone.develop.sell": {
        "de": (
            "Bedarf je Produktgruppe erheben (Share of Wallet), mit Einstiegsprodukten und "
            "Referenzen Lieferanteile vom Wettbewerb gewinnen."
        ),
        "en": (
            "Establish demand per product group (share of wallet) and win share from "
            "competitors with entry products and references."
        ),
    },
    "portfolio.zone.develop.pricing": {
        "de": (
            "Einstiegskonditionen befristen und an Mengenzusagen koppeln; keine dauerhaften "
            "Sonderpreise."
        ),
        "en": (
            "Time-limit entry terms and tie them to volume commitments; no permanent special "
            "prices."
        ),
    },
    "portfolio.zone.develop.binding": {
        "de": (
            "Test- und Pilotvereinbarungen, Rahmenvertrag als Ziel; Verbesserungen in den "
            "Abläufen des Kunden (z. B. Bestellabwicklung) als Türöffner nutzen."
        ),
        "en": (
            "Trial and pilot agreements with a framework contract as the goal; use improvements "
            "to the customer's processes (e.g. order handling) as a door opener."
        ),
    },
    "portfolio.zone.maintain": {
        "de": (
            "Gute Passung, aber wenig Wachstumsspielraum: diese Kunden halten wir und bedienen "
            "sie effizient."
        ),
        "en": (
            "Good fit but little room to grow: we keep these customers and serve them efficiently."
        ),
    },
    "portfolio.zone.maintain.care": {
        "de": (
            "Innendienst mit festen Telefonterminen; Besuch ein- bis zweimal im Jahr oder "
            "anlassbezogen."
        ),
        "en": "Inside sales with scheduled calls; visits once or twice a year or when needed.",
    },
    "portfolio.zone.maintain.sell": {
        "de": (
            "Standard-Cross-Selling über Newsletter und Webshop-Empfehlungen; Service- und "
            "Ersatzteilgeschäft sichern."
        ),
        "en": (
            "Standard cross-selling through newsletters and webshop suggestions; secure service "
            "and spare-parts business."
        ),
    },
    "portfolio.zone.maintain.pricing": {
        "de": (
            "Listenpreise mit Mengenstaffeln; Preiserhöhungen konsequent weitergeben, Rabatte an "
            "das Bestellverhalten binden."
        ),
        "en": (
            "List prices with volume tiers; pass on price increases consistently, link discounts "
            "to ordering behaviour."
        ),
    },
    "portfolio.zone.maintain.binding": {
        "de": "Webshop- oder EDI-Anbindung, Abrufaufträge, Serviceverträge für die installierte Basis.",
        "en": "Webshop or EDI link, call-off orders, service contracts for the installed base.",
    },
    "portfolio.zone.withdraw": {
        "de": (
            "Wenig Potenzial und geringe Passung: den Betreuungsaufwand bewusst senken und die "
            "Kunden in kostengünstige Kanäle überführen."
        ),
        "en": (
            "Little potential and a weak fit: deliberately reduce the care effort and move these "
            "customers to low-cost channels."
        ),
    },
    "portfolio.zone.withdraw.care": {
        "de": "Keine aktiven Außendienstbesuche; Betreuung über Innendienst, Webshop oder Händler.",
        "en": "No active field visits; served by inside sales, webshop or distributors.",
    },
    "portfolio.zone.withdraw.sell": {
        "de": "Kein aktives Cross-Selling; Standardsortiment ab Lager.",
        "en": "No active cross-selling; standard range from stock.",
    },
    "portfolio.zone.withdraw.pricing": {
        "de": "Mindestbestellwert oder Kleinmengenzuschlag; Sonderkonditionen auslaufen lassen.",
        "en": "Minimum order value or small-order surcharge; let special terms expire.",
    },
    "portfolio.zone.withdraw.binding": {
        "de": "Keine Investition in Bindung; Self-Service-Kanäle anbieten.",
        "en": "No investment in binding; offer self-service channels.",
    },
    "portfolio.card.care": {"de": "Betreuung und Besuche", "en": "Care and visits"},
    "portfolio.card.sell": {"de": "Cross- und Upselling", "en": "Cross- and upselling"},
    "portfolio.card.pricing": {"de": "Preise und Konditionen", "en": "Pricing and terms"},
    "portfolio.card.binding": {"de": "Bindungsinstrumente", "en": "Binding instruments"},
    "portfolio.card.figures": {
        "de": "{n} Kunden · {revenue} Umsatz ({share})",
        "en": "{n} customers · {revenue} revenue ({share})",
    },
    # ---------------------------------------------------------- customer types
    "portfolio.type.breadwinner": {"de": "Ernährer", "en": "Breadwinner"},
    "portfolio.type.breadwinner.desc": {
        "de": (
            "Bringt {share} oder mehr unseres Deckungsbeitrags und setzt auf langfristige "
            "Zusammenarbeit. Sein Verlust träfe das Ergebnis sofort – Betreuung auf "
            "Geschäftsleitungsebene."
        ),
        "en": (
            "Brings {share} or more of our contribution margin and looks for a long-term "
            "relationship. Losing it would hit profit immediately – care at senior management "
            "level."
        ),
    },
    "portfolio.type.prospect": {"de": "Hoffnungsträger", "en": "Prospect"},
    "portfolio.type.prospect.desc": {
        "de": (
            "Heute klein oder neu, aber mit großem Budget – oft der Ernährer eines Wettbewerbers. "
            "Qualifizieren über die drei P: Bedarf, Zahlungsfähigkeit, Entscheidungsbefugnis."
        ),
        "en": (
            "Small or new today but with a large budget – often a competitor's breadwinner. "
            "Qualify it by the three Ps: need, ability to pay, power to decide."
        ),
    },
    "portfolio.type.image_maker": {"de": "Imageträger", "en": "Image maker"},
    "portfolio.type.image_maker.desc": {
        "de": (
            "Bekannter Name und führend in seiner Branche oder Region. Als Referenz öffnet er "
            "Türen – Referenzprojekte und gemeinsame Auftritte vereinbaren."
        ),
        "en": (
            "A well-known name leading its industry or region. As a reference it opens doors – "
            "agree on reference projects and joint appearances."
        ),
    },
    "portfolio.type.expert": {"de": "Experte", "en": "Expert"},
    "portfolio.type.expert.desc": {
        "de": (
            "Stellt hohe Ansprüche an Qualität und Service und kennt den Markt genau. Ein "
            "wertvoller Partner für Entwicklung und Lernen – fachlich auf Augenhöhe betreuen."
        ),
        "en": (
            "Demanding on quality and service, with deep market knowledge. A valuable partner "
            "for development and learning – serve it with matching expertise."
        ),
    },
    # ---------------------------------------------------------- focus programs
    "portfolio.program.future_demand": {
        "de": "Zukunftsbedarf erschließen",
        "en": "Open up future demand",
    },
    "portfolio.program.future_demand.desc": {
        "de": (
            "Mit den Zielkunden deren Vorhaben der nächsten zwei bis drei Jahre besprechen und "
            "früh in Projekte und Neuanläufe eingebunden werden."
        ),
        "en": (
            "Discuss the target customers' plans for the next two to three years and get "
            "involved early in projects and product launches."
        ),
    },
    "portfolio.program.share_of_wallet": {
        "de": "Share-of-Wallet-Kampagne",
        "en": "Share-of-wallet campaign",
    },
    "portfolio.program.share_of_wallet.desc": {
        "de": (
            "Heutigen und erreichbaren Lieferanteil je Kunde ermitteln, Bedarf je Produktgruppe "
            "erheben und die Vertriebskapazität auf die größten Lücken konzentrieren."
        ),
        "en": (
            "Establish current and achievable share of wallet per customer, map demand per "
            "product group and focus sales capacity on the largest gaps."
        ),
    },
    "portfolio.program.growth": {
        "de": "Wachstum neu anstoßen",
        "en": "Restart growth",
    },
    "portfolio.program.growth.desc": {
        "de": (
            "Bei Kunden mit rückläufigem Umsatz die Ursachen klären (Verlagerung, Wettbewerb, "
            "Unzufriedenheit) und mit einem konkreten Angebot gegensteuern."
        ),
        "en": (
            "With customers whose revenue is falling, find the cause (relocation, competition, "
            "dissatisfaction) and counter it with a concrete offer."
        ),
    },
    "portfolio.program.customer_size": {
        "de": "Konzern- und Standortgeschäft bündeln",
        "en": "Cover group and sites",
    },
    "portfolio.program.customer_size.desc": {
        "de": (
            "Weitere Standorte und Schwestergesellschaften der Zielkunden identifizieren und "
            "über eine gemeinsame Vereinbarung erschließen."
        ),
        "en": (
            "Identify further sites and sister companies of the target customers and open them "
            "up through a group-wide agreement."
        ),
    },
    "portfolio.program.market_position": {
        "de": "Marktstellung der Kunden stärken",
        "en": "Strengthen customers' market position",
    },
    "portfolio.program.market_position.desc": {
        "de": (
            "Gemeinsame Anwendungen, Marketing und Referenzen, die den Zielkunden in ihrem "
            "eigenen Markt helfen – ihr Erfolg wird unser Wachstum."
        ),
        "en": (
            "Joint applications, marketing and references that help the target customers in "
            "their own market – their success becomes our growth."
        ),
    },
    "portfolio.program.decision_access": {
        "de": "Kein Zugang zu Entscheidern",
        "en": "No access to decision makers",
    },
    "portfolio.program.decision_access.desc": {
        "de": (
            "Buying-Center der Zielkunden auf allen Ebenen erfassen, Motive der Entscheider "
            "verstehen und den Zugang gezielt über Geschäftsleitung, Technik und Service öffnen."
        ),
        "en": (
            "Map the buying centres of the target customers at every level, understand the "
            "decision makers' motives and open access deliberately through management, "
            "engineering and service."
        ),
    },
    "portfolio.program.processes": {
        "de": "Prozesse nicht im Griff",
        "en": "Processes not under control",
    },
    "portfolio.program.processes.desc": {
        "de": (
            "Kunden mit Reibung in Anfrage und Auftragsabwicklung unterstützen: Bestellwege "
            "vereinfachen, Stammdaten abgleichen, Schnittstellen einrichten – weniger Fehler, "
            "schnellere Abwicklung auf beiden Seiten."
        ),
        "en": (
            "Help customers with friction in enquiries and order handling: simplify ordering, "
            "align master data, set up interfaces – fewer errors and faster processing on both "
            "sides."
        ),
    },
    "portfolio.program.chemistry": {
        "de": "Beziehung neu aufstellen",
        "en": "Relationship reset",
    },
    "portfolio.program.chemistry.desc": {
        "de": (
            "Wo die persönliche Ebene nicht trägt, Betreuerteam überprüfen, zusätzliche "
            "Kontaktebenen schaffen und ein offenes Feedbackgespräch führen."
        ),
        "en": (
            "Where the personal fit does not work, review the account team, add contact levels "
            "and hold an open feedback meeting."
        ),
    },
    "portfolio.program.strategy": {
        "de": "Strategiedialog mit Kunden",
        "en": "Strategy dialogue",
    },
    "portfolio.program.strategy.desc": {
        "de": (
            "Mit Kunden ohne klare Strategie deren Ziele gemeinsam herausarbeiten und zeigen, "
            "welchen Beitrag unser Angebot leisten kann."
        ),
        "en": (
            "Work out the goals of customers without a clear strategy together with them and "
            "show what our offer can contribute."
        ),
    },
    "portfolio.program.margin_quality": {
        "de": "Margenqualität verbessern",
        "en": "Improve margin quality",
    },
    "portfolio.program.margin_quality.desc": {
        "de": (
            "Rabatte und Sonderkonditionen der Zielkunden überprüfen, Leistungen bepreisen und "
            "den Produktmix zugunsten margenstarker Artikel verschieben."
        ),
        "en": (
            "Review discounts and special terms of the target customers, charge for services and "
            "shift the product mix towards higher-margin items."
        ),
    },
    "portfolio.program.payment_behaviour": {
        "de": "Zahlungsdisziplin",
        "en": "Payment discipline",
    },
    "portfolio.program.payment_behaviour.desc": {
        "de": (
            "Zahlungsziele klar vereinbaren, Mahnprozess straffen und Skonto bzw. Konditionen an "
            "pünktliche Zahlung koppeln."
        ),
        "en": (
            "Agree clear payment terms, tighten dunning and link early-payment discounts and "
            "terms to paying on time."
        ),
    },
    # -------------------------------------------------------- criterion labels
    "portfolio.criterion.future_demand": {"de": "Zukunftsbedarf", "en": "Future demand"},
    "portfolio.criterion.share_of_wallet": {
        "de": "Lieferanteil (niedrig = Potenzial)",
        "en": "Share of wallet (low = potential)",
    },
    "portfolio.criterion.growth": {"de": "Wachstumstrend", "en": "Growth trend"},
    "portfolio.criterion.customer_size": {"de": "Größe des Kunden", "en": "Customer size"},
    "portfolio.criterion.market_position": {"de": "Marktstellung", "en": "Market position"},
    "portfolio.criterion.decision_access": {
        "de": "Zugang zu Entscheidern",
        "en": "Access to decision makers",
    },
    "portfolio.criterion.processes": {"de": "Prozesse im Griff", "en": "Processes under control"},
    "portfolio.criterion.chemistry": {"de": "Chemie", "en": "Chemistry"},
    "portfolio.criterion.strategy": {"de": "Klare Strategie", "en": "Clear strategy"},
    "portfolio.criterion.margin_quality": {"de": "Margenqualität", "en": "Margin quality"},
    "portfolio.criterion.payment_behaviour": {"de": "Zahlungsverhalten", "en": "Payment behaviour"},
    "portfolio.criterion.revenue": {"de": "Umsatz", "en": "Revenue"},
    "portfolio.criterion.margin": {"de": "Deckungsbeitrag", "en": "Contribution margin"},
    "portfolio.criterion.market_significance": {
        "de": "Marktbedeutung",
        "en": "Market significance",
    },
    "portfolio.criterion.know_how": {"de": "Know-how-Träger", "en": "Know-how carrier"},
    "portfolio.criterion.door_opener": {"de": "Türöffner", "en": "Door opener"},
    "portfolio.criterion.buying_center": {
        "de": "Komplexität des Buying-Centers",
        "en": "Buying-centre complexity",
    },
    "portfolio.criterion.opportunity_field": {
        "de": "Breite des Chancenfelds",
        "en": "Breadth of opportunity field",
    },
    "portfolio.criterion.strategic_fit": {"de": "Strategische Passung", "en": "Strategic fit"},
    "portfolio.criterion.image": {"de": "Image / Bekanntheit", "en": "Image / reputation"},
    "portfolio.criterion.expertise": {"de": "Anspruch und Marktkenntnis", "en": "Expertise"},
    # ---------------------------------------------------------- method appendix
    "portfolio.method.abc": {
        "de": (
            "<strong>ABC.</strong> Grundlage ist der {basis} je Kunde im Analysezeitraum "
            "({window}: die {months} Kalendermonate bis einschließlich des Stichtagsmonats). "
            "Die Kunden werden absteigend sortiert (bei Gleichstand nach Kundennummer). Ein "
            "Kunde ist A, solange der Umsatz aller vor ihm eingeordneten Kunden unter {cut_a} "
            "der Summe liegt – der Kunde, der die Grenze überschreitet, zählt also noch zu A; "
            "entsprechend B unter {cut_b}, der Rest C. Anteile beziehen sich auf die Summe der "
            "positiven Werte; Kunden ohne oder mit negativem Umsatz sind C."
        ),
        "en": (
            "<strong>ABC.</strong> The basis is each customer's {basis} in the analysis window "
            "({window}: the {months} calendar months up to and including the as-of month). "
            "Customers are sorted in descending order (ties by customer number). A customer is "
            "A as long as the revenue of all customers ranked before it is below {cut_a} of the "
            "total – so the customer that crosses the line is still A; likewise B below "
            "{cut_b}, the rest C. Shares refer to the sum of positive values; customers with "
            "zero or negative revenue are C."
        ),
    },
    "portfolio.method.xyz": {
        "de": (
            "<strong>XYZ.</strong> Maß der Regelmäßigkeit ist der Variationskoeffizient "
            "(Standardabweichung / Mittelwert) der Monatsumsätze – über die Monate ab dem ersten "
            "Kauf (frühestens Beginn des Zeitraums) bis zum Stichtag, Monate ohne Umsatz "
            "eingeschlossen. X bis {cut_x}, Y bis {cut_y}, darüber Z. Kunden, deren erster Kauf "
            "weniger als {min_hist} Monate zurückliegt, gelten als „neu“."
        ),
        "en": (
            "<strong>XYZ.</strong> Regularity is measured by the coefficient of variation "
            "(standard deviation / mean) of monthly revenue – over the months from the first "
            "purchase (at the earliest the window start) to the as-of month, months without "
            "revenue included. X up to {cut_x}, Y up to {cut_y}, Z above. Customers whose first "
            "purchase is fewer than {min_hist} months ago count as “new”."
        ),
    },
    "portfolio.method.scores": {
        "de": (
            "<strong>Potenzial und Attraktivität.</strong> Jedes Kriterium wird im Workshop "
            "mit 1–5 bewertet oder aus den Daten abgeleitet und auf 0–100 umgerechnet "
            "(1 → 0, 5 → 100). Die gewichteten Kriterien ergeben je Achse einen Score von "
            "0–100. Ein niedriger Lieferanteil bedeutet hohes Potenzial. Fehlt ein Kriterium für "
            "einen Kunden, werden die übrigen Gewichte anteilig erhöht."
        ),
        "en": (
            "<strong>Potential and attractiveness.</strong> Each criterion is rated 1–5 in the "
            "workshop or derived from the data and converted to 0–100 (1 → 0, 5 → 100). The "
            "weighted criteria give a score of 0–100 per axis. A low share of wallet means high "
            "potential. Where a criterion is missing for a customer, the other weights are "
            "scaled up proportionally."
        ),
    },
    "portfolio.method.zones": {
        "de": (
            "<strong>Zonen.</strong> Die Zonengrenzen liegen bei {split_p} Punkten Potenzial "
            "und {split_a} Punkten Attraktivität; ein Wert genau auf der Grenze zählt als hoch. "
            "Hohes Potenzial und hohe Attraktivität = {protect}, hohes Potenzial und niedrige "
            "Attraktivität = {develop}, niedriges Potenzial und hohe Attraktivität = {maintain}, "
            "beides niedrig = {withdraw}."
        ),
        "en": (
            "<strong>Zones.</strong> The zone borders lie at {split_p} points of potential and "
            "{split_a} points of attractiveness; a value exactly on the border counts as high. "
            "High potential and high attractiveness = {protect}, high potential and low "
            "attractiveness = {develop}, low potential and high attractiveness = {maintain}, "
            "both low = {withdraw}."
        ),
    },
    "portfolio.method.ka": {
        "de": (
            "<strong>Key-Account-Score.</strong> Gewichteter Score (0–100) aus Umsatz und "
            "Deckungsbeitrag (100 × Anteil, der nicht von größeren Kunden gehalten wird) sowie den "
            "Workshop-Kriterien. Ab {cut} Punkten qualifiziert sich ein Kunde. Kundentypen: "
            "Ernährer ab {share} unseres Deckungsbeitrags; Hoffnungsträger mit hohem Potenzial, "
            "niedrigem Lieferanteil und einem Bedarf, der bei fairem Lieferanteil für einen "
            "A-Kunden reicht; "
            "Imageträger und Experte nach Workshop-Bewertung."
        ),
        "en": (
            "<strong>Key-account score.</strong> A weighted score (0–100) from revenue and "
            "contribution margin (100 × the share not held by larger customers) and the workshop "
            "criteria. A customer scoring {cut} points or more qualifies. Customer types: "
            "breadwinner from {share} of our contribution margin; prospect with high potential, "
            "a low share of wallet and a demand that would make it an A customer at a fair "
            "share; image maker and expert from workshop ratings."
        ),
    },
    "portfolio.method.sensitivity": {
        "de": (
            "<strong>Sensitivität und Programme.</strong> Jedes Gewicht wird einzeln um ±{step} "
            "verändert, die übrigen werden neu normiert. Schwerpunktprogramme entstehen aus den "
            "Kriterien mit dem größten gewichteten Rückstand (5 − Bewertung, gewichtet mit dem "
            "Potenzial-Score) bei Kunden der Schutz- und Entwicklungszone; die "
            "Lieferanteils-Kampagne zielt umgekehrt auf Kunden mit niedrigem Lieferanteil."
        ),
        "en": (
            "<strong>Sensitivity and programs.</strong> Each weight is changed by ±{step} in "
            "turn, the others renormalised. Focus programs come from the criteria with the "
            "largest weighted shortfall (5 − rating, weighted by the potential score) among "
            "customers in the protect and develop zones; the share-of-wallet campaign instead "
            "targets customers with a low share of wallet."
        ),
    },
    "portfolio.method.sources": {
        "de": (
            "Hintergrund: Einen Bestandskunden zu halten kostet bis zu zehnmal weniger, als "
            "einen neuen zu gewinnen; nur etwa jeder sechste Investitionsgüterhersteller bewertet "
            "seine Kunden systematisch."
        ),
        "en": (
            "Background: keeping a customer costs up to ten times less than winning a new one; "
            "only about one in six capital-goods makers assesses its customers systematically."
        ),
    },
}
