"""Texts of the C-customer deliverable, its charts, export and workshop panel.

Key families: ``c_customers.h.*`` headings (stating the message, numbers
filled in), ``find.*`` summary findings, ``decision.*`` the decisions,
``text.*`` section sentences, ``col.*``/``caption.*`` tables, ``kpi.*`` tiles,
``chart.*`` charts, ``method.*`` appendix, ``export.col.*``/``export.desc.*``
the export's columns, ``panel.*`` the workshop panel. Placeholders in
``{braces}`` are filled by :mod:`kamlib.narrative.c_customers` with figures
already formatted for the language.
"""

_DRIVERS = {
    "visits": ("Besuche", "visits"),
    "calls": ("Anrufe", "calls"),
    "orders": ("Aufträge", "orders"),
    "deliveries": ("Lieferungen", "deliveries"),
    "complaints": ("Reklamationen", "complaints"),
    "returns": ("Retouren", "returns"),
    "quotes": ("Angebote", "quotes"),
}

MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ words
    "c_customers.and": {"de": "und", "en": "and"},
    "c_customers.more": {"de": "und {n} weitere", "en": "and {n} more"},
    "c_customers.more.one": {"de": "und ein weiterer", "en": "and one more"},
    "c_customers.total": {"de": "Gesamt", "en": "Total"},
    "c_customers.class": {"de": "{cls}-Kunden", "en": "{cls} customers"},
    "c_customers.channel.field_sales": {"de": "Außendienst", "en": "Field sales"},
    "c_customers.channel.inside_sales": {"de": "Innendienst", "en": "Inside sales"},
    "c_customers.channel.webshop_edi": {"de": "Webshop/EDI", "en": "Webshop/EDI"},
    "c_customers.channel.distributor": {"de": "Händler", "en": "Distributor"},
    "c_customers.reason.growth": {"de": "Wachstum", "en": "Growth"},
    "c_customers.reason.potential": {"de": "Potenzial", "en": "Potential"},
    "c_customers.reason.both": {"de": "beides", "en": "both"},
    **{f"c_customers.driver.{k}": {"de": de, "en": en} for k, (de, en) in _DRIVERS.items()},
    # ------------------------------------------------------------------ headings
    "c_customers.h.decisions": {
        "de": "Entscheidungen für die Geschäftsleitung",
        "en": "Decisions for management",
    },
    "c_customers.h.who": {
        "de": "1. Die C-Kunden: {cust_share} der Kunden, {rev_share} des Umsatzes",
        "en": "1. The C customers: {cust_share} of customers, {rev_share} of revenue",
    },
    "c_customers.h.whale": {
        "de": "2. Kundenergebnis: {share} der Kunden erwirtschaften {peak} des Gewinns",
        "en": "2. Customer profit: {share} of customers earn {peak} of the profit",
    },
    "c_customers.h.whale_loss": {
        "de": "2. Kundenergebnis {year}: die Kunden kosten in Summe mehr, als sie einbringen",
        "en": "2. Customer profit {year}: in total, customers cost more than they earn",
    },
    "c_customers.h.waterfall": {
        "de": "Vom Umsatz zum Kundenergebnis je ABC-Klasse",
        "en": "From revenue to customer profit per ABC class",
    },
    "c_customers.h.destroyers": {
        "de": "Die Kunden, die Gewinn vernichten",
        "en": "The customers that destroy profit",
    },
    "c_customers.h.candidates": {
        "de": "3. {n} C-Kunden sind Key Accounts von morgen: {opportunity} Chance",
        "en": "3. {n} C customers are key accounts of tomorrow: {opportunity} opportunity",
    },
    "c_customers.h.candidates.one": {
        "de": "3. Ein C-Kunde ist ein Key Account von morgen: {opportunity} Chance",
        "en": "3. One C customer is a key account of tomorrow: {opportunity} opportunity",
    },
    "c_customers.h.candidates_none": {
        "de": "3. Kein C-Kunde erfüllt heute die Kriterien eines Key Accounts von morgen",
        "en": "3. No C customer meets the criteria of a key account of tomorrow today",
    },
    "c_customers.h.channels": {
        "de": "4. Der passende Vertriebsweg spart {saving} Betreuungskosten im Jahr",
        "en": "4. The right sales channel saves {saving} cost to serve a year",
    },
    "c_customers.h.channels_no_saving": {
        "de": "4. Vertriebsweg je C-Kunde",
        "en": "4. A sales channel per C customer",
    },
    "c_customers.h.pricing": {
        "de": "5. Ein Mindestauftragswert von {value} bringt {effect} im Jahr",
        "en": "5. A minimum order value of {value} adds {effect} a year",
    },
    "c_customers.h.pricing_none": {
        "de": "5. Ein Mindestauftragswert lohnt sich unter den Annahmen nicht",
        "en": "5. Under the assumptions, a minimum order value does not pay",
    },
    "c_customers.h.appendix": {"de": "Anhang", "en": "Appendix"},
    "c_customers.h.method": {"de": "Methode und Annahmen", "en": "Method and assumptions"},
    "c_customers.h.missing": {
        "de": "Was in den Daten fehlt",
        "en": "What the data are missing",
    },
    # ------------------------------------------------------------------ intros
    "c_customers.intro.who": {
        "de": "C-Kunden sind die Kunden der ABC-Klasse C im Portfolio-Fenster: viele "
        "Kunden, wenig Umsatz je Kunde. Sie verdienen weder Vernachlässigung noch eine "
        "Betreuung, die mehr kostet, als sie einbringen.",
        "en": "C customers are the customers of ABC class C in the portfolio window: many "
        "customers, little revenue each. They deserve neither neglect nor a service that "
        "costs more than they bring in.",
    },
    "c_customers.intro.whale": {
        "de": "Kundenergebnis = Deckungsbeitrag − Betreuungskosten (Besuche, Anrufe, Aufträge, "
        "Lieferungen, Reklamationen, Retouren und Angebote, je mit ihrem Stückkostensatz). "
        "Die Whale-Kurve sortiert die Kunden nach ihrem Ergebnis und summiert es auf: Wo "
        "sie über 100 % steigt, verdienen die besten Kunden mehr als das Gesamtergebnis – "
        "die übrigen zehren es wieder auf.",
        "en": "Customer profit = contribution margin − cost to serve (visits, calls, orders, "
        "deliveries, complaints, returns and quotes, each at its unit cost). The whale "
        "curve ranks customers by profit and adds it up: where it rises above 100 %, the "
        "best customers earn more than the total profit and the rest eat part of it up.",
    },
    "c_customers.intro.candidates": {
        "de": "Manche kleinen Kunden sind nur heute klein. Sie wachsen deutlich oder haben "
        "einen Bedarf, der dem eines A-Kunden entspricht – diese Kunden brauchen "
        "Aufmerksamkeit statt Kostendruck.",
        "en": "Some small customers are small only today. They grow fast or have a demand "
        "as large as an A customer's; they need attention, not cost cutting.",
    },
    "c_customers.intro.channels": {
        "de": "Jeder C-Kunde erhält nach festen Regeln einen Vertriebsweg (die erste "
        "zutreffende Regel gilt). Die Ersparnis vergleicht die heutigen Betreuungskosten "
        "mit den Kosten des empfohlenen Wegs.",
        "en": "Each C customer gets a sales channel by fixed rules (the first rule that "
        "matches applies). The saving compares today's cost to serve with the cost of the "
        "recommended channel.",
    },
    "c_customers.intro.pricing": {
        "de": "Kleinaufträge kosten fast so viel Abwicklung wie große. Die Simulation prüft "
        "Mindestauftragswerte: Aufträge darunter zahlen einen Zuschlag, ein Teil der "
        "betroffenen Kunden wandert ab – mit seinem Deckungsbeitrag, aber auch mit seinen "
        "Betreuungskosten.",
        "en": "Small orders cost almost as much to process as large ones. The simulation "
        "tests minimum order values: orders below pay a surcharge, and part of the affected "
        "customers leave, taking their margin but also their cost to serve with them.",
    },
    # ------------------------------------------------------------------ findings
    "c_customers.find.who": {
        "de": "<strong>{n} C-Kunden</strong> sind {cust_share} der Kunden, bringen aber nur "
        "{rev_share} des Umsatzes und {margin_share} des Deckungsbeitrags (Fenster {window}).",
        "en": "<strong>{n} C customers</strong> are {cust_share} of customers but bring only "
        "{rev_share} of revenue and {margin_share} of contribution margin (window {window}).",
    },
    "c_customers.find.who.one": {
        "de": "<strong>Ein C-Kunde</strong> ist {cust_share} der Kunden und bringt "
        "{rev_share} des Umsatzes und {margin_share} des Deckungsbeitrags (Fenster {window}).",
        "en": "<strong>One C customer</strong> is {cust_share} of customers and brings "
        "{rev_share} of revenue and {margin_share} of contribution margin (window {window}).",
    },
    "c_customers.find.candidates": {
        "de": "<strong>{n} C-Kunden</strong> haben das Zeug zum Key Account von morgen: "
        "zusammen {opportunity} Chance im Jahr.",
        "en": "<strong>{n} C customers</strong> have what it takes to become key accounts of "
        "tomorrow: {opportunity} opportunity a year together.",
    },
    "c_customers.find.candidates.one": {
        "de": "<strong>Ein C-Kunde</strong> hat das Zeug zum Key Account von morgen: "
        "{opportunity} Chance im Jahr.",
        "en": "<strong>One C customer</strong> has what it takes to become a key account of "
        "tomorrow: {opportunity} opportunity a year.",
    },
    # ------------------------------------------------------------------ decisions
    "c_customers.decision.candidates": {
        "de": "Die {n} stärksten Wachstumskandidaten als Key Accounts von morgen entwickeln "
        "(Betreuer benennen, Kundenplan, Besuche)",
        "en": "Develop the {n} strongest growth candidates as key accounts of tomorrow "
        "(named account manager, account plan, visits)",
    },
    "c_customers.decision.candidates.one": {
        "de": "Den Wachstumskandidaten als Key Account von morgen entwickeln "
        "(Betreuer benennen, Kundenplan, Besuche)",
        "en": "Develop the growth candidate as a key account of tomorrow "
        "(named account manager, account plan, visits)",
    },
    "c_customers.decision.channels": {
        "de": "{n} C-Kunden auf Innendienst, Webshop/EDI oder Händler umstellen",
        "en": "Move {n} C customers to inside sales, webshop/EDI or a distributor",
    },
    "c_customers.decision.channels.one": {
        "de": "Einen C-Kunden auf Innendienst, Webshop/EDI oder Händler umstellen",
        "en": "Move one C customer to inside sales, webshop/EDI or a distributor",
    },
    "c_customers.decision.pricing": {
        "de": "Mindestauftragswert von {value} mit Kleinmengenzuschlag einführen "
        "({n} Kunden betroffen)",
        "en": "Introduce a minimum order value of {value} with a small-order surcharge "
        "({n} customers affected)",
    },
    "c_customers.decision.pricing.one": {
        "de": "Mindestauftragswert von {value} mit Kleinmengenzuschlag einführen "
        "(ein Kunde betroffen)",
        "en": "Introduce a minimum order value of {value} with a small-order surcharge "
        "(one customer affected)",
    },
    "c_customers.decision.destroyers": {
        "de": "Konditionen und Servicelevel der {n} verlustbringenden A- und B-Kunden "
        "nachverhandeln (mindestens Kostendeckung)",
        "en": "Renegotiate terms and service level of the {n} loss-making A and B customers "
        "(at least break even)",
    },
    "c_customers.decision.destroyers.one": {
        "de": "Konditionen und Servicelevel des verlustbringenden A- oder B-Kunden "
        "nachverhandeln (mindestens Kostendeckung)",
        "en": "Renegotiate terms and service level of the loss-making A or B customer "
        "(at least break even)",
    },
    "c_customers.decision.record_drivers": {
        "de": "Fehlende Kostentreiber je Kunde erfassen ({drivers}) und die Analyse "
        "wiederholen – Wirkung: bisher unsichtbare Kosten bei {n} Kunden",
        "en": "Record the missing cost drivers per customer ({drivers}) and repeat the "
        "analysis; impact: cost not visible today at {n} customers",
    },
    "c_customers.owner_kam": {"de": "Key-Account-Leitung", "en": "Head of key accounts"},
    "c_customers.owner_sales_director": {"de": "Vertriebsleitung", "en": "Sales director"},
    "c_customers.owner_pricing": {
        "de": "Vertriebsleitung mit Preismanagement",
        "en": "Sales director with pricing",
    },
    "c_customers.owner_controlling": {
        "de": "Vertriebscontrolling",
        "en": "Sales controlling",
    },
    "c_customers.timing_quarter": {"de": "nächstes Quartal", "en": "next quarter"},
    "c_customers.timing_half": {"de": "in 6 Monaten", "en": "within 6 months"},
    "c_customers.timing_pricelist": {
        "de": "mit der nächsten Preisliste",
        "en": "with the next price list",
    },
    "c_customers.timing_three_months": {"de": "in 3 Monaten", "en": "within 3 months"},
    "c_customers.text.no_decisions": {
        "de": "Die Zahlen legen keine Entscheidung mit messbarem Ergebniseffekt nahe.",
        "en": "The figures suggest no decision with a measurable profit effect.",
    },
    # ------------------------------------------------------------------ KPI tiles
    "c_customers.kpi.c_customers": {"de": "C-Kunden", "en": "C customers"},
    "c_customers.kpi.c_note": {"de": "{share} aller Kunden", "en": "{share} of all customers"},
    "c_customers.kpi.c_revenue": {"de": "Umsatzanteil C", "en": "C revenue share"},
    "c_customers.kpi.peak": {"de": "Gipfel der Whale-Kurve", "en": "Whale curve peak"},
    "c_customers.kpi.peak_note": {"de": "des Gewinns {year}", "en": "of profit {year}"},
    "c_customers.kpi.destroyed": {"de": "Vernichteter Gewinn", "en": "Profit destroyed"},
    "c_customers.kpi.destroyed_note": {"de": "durch {n} Kunden", "en": "by {n} customers"},
    "c_customers.kpi.saving": {"de": "Ersparnis Vertriebsweg", "en": "Channel saving"},
    "c_customers.kpi.saving_note": {"de": "Betreuungskosten/Jahr", "en": "cost to serve/year"},
    # ------------------------------------------------------------------ section texts
    "c_customers.text.trend_up": {
        "de": "Seit dem Fenster {start} ist die Zahl der C-Kunden mit Umsatz um {diff} "
        "gestiegen ({n_start} → {n_end}); ihr Umsatzanteil lag bei {share_start} und "
        "liegt jetzt bei {share_end}.",
        "en": "Since the window {start} the number of C customers with revenue has risen "
        "by {diff} ({n_start} → {n_end}); their revenue share was {share_start} and is now "
        "{share_end}.",
    },
    "c_customers.text.trend_down": {
        "de": "Seit dem Fenster {start} ist die Zahl der C-Kunden mit Umsatz um {diff} "
        "gesunken ({n_start} → {n_end}); ihr Umsatzanteil lag bei {share_start} und "
        "liegt jetzt bei {share_end}.",
        "en": "Since the window {start} the number of C customers with revenue has fallen "
        "by {diff} ({n_start} → {n_end}); their revenue share was {share_start} and is now "
        "{share_end}.",
    },
    "c_customers.text.trend_flat": {
        "de": "Seit dem Fenster {start} ist die Zahl der C-Kunden mit Umsatz gleich "
        "geblieben ({n_end}); ihr Umsatzanteil lag bei {share_start} und liegt jetzt bei "
        "{share_end}.",
        "en": "Since the window {start} the number of C customers with revenue has stayed "
        "the same ({n_end}); their revenue share was {share_start} and is now {share_end}.",
    },
    "c_customers.text.whale": {
        "de": "Im Jahr {year} erwirtschaften die besten {n_peak} von {customers} Kunden "
        "({share}) zusammen {peak_money} – {peak} des Gesamtergebnisses von {total}. "
        "{n} Kunden vernichten {destroyed}.",
        "en": "In {year} the best {n_peak} of {customers} customers ({share}) earn "
        "{peak_money} together, {peak} of the total profit of {total}. {n} customers "
        "destroy {destroyed}.",
    },
    "c_customers.text.whale.one": {
        "de": "Im Jahr {year} erwirtschaften die besten {n_peak} von {customers} Kunden "
        "({share}) zusammen {peak_money} – {peak} des Gesamtergebnisses von {total}. "
        "Ein Kunde vernichtet {destroyed}.",
        "en": "In {year} the best {n_peak} of {customers} customers ({share}) earn "
        "{peak_money} together, {peak} of the total profit of {total}. One customer "
        "destroys {destroyed}.",
    },
    "c_customers.text.whale_negative": {
        "de": "Im Jahr {year} ist das Kundenergebnis in Summe negativ ({total}); die besten "
        "{n} Kunden erwirtschaften zusammen {peak}.",
        "en": "In {year} the total customer profit is negative ({total}); the best {n} "
        "customers earn {peak} together.",
    },
    "c_customers.text.whale_empty": {
        "de": "Für {year} lässt sich kein Kundenergebnis berechnen (kein Kunde mit Umsatz "
        "und bekanntem Deckungsbeitrag).",
        "en": "No customer profit can be computed for {year} (no customer with revenue and "
        "a known margin).",
    },
    "c_customers.text.no_destroyers": {
        "de": "Kein Kunde hat {year} ein negatives Ergebnis.",
        "en": "No customer had a negative profit in {year}.",
    },
    "c_customers.text.destroyers": {
        "de": "{n} Kunden lagen {year} im Minus, {n_c} davon C-Kunden. Die größten "
        "Verlustbringer mit Umsatz: {names}.",
        "en": "{n} customers made a loss in {year}, {n_c} of them C customers. The largest "
        "loss-makers with revenue: {names}.",
    },
    "c_customers.text.destroyers.one": {
        "de": "Ein Kunde lag {year} im Minus ({n_c} davon C-Kunde): {names}.",
        "en": "One customer made a loss in {year} ({n_c} of them a C customer): {names}.",
    },
    "c_customers.text.silent": {
        "de": "Dazu kommen {n} Kunden ohne Umsatz im Jahr, die trotzdem Betreuung erhalten "
        "haben ({cost}).",
        "en": "On top come {n} customers without revenue in the year that were still served "
        "({cost}).",
    },
    "c_customers.text.silent.one": {
        "de": "Dazu kommt ein Kunde ohne Umsatz im Jahr, der trotzdem Betreuung erhalten hat "
        "({cost}).",
        "en": "On top comes one customer without revenue in the year that was still served "
        "({cost}).",
    },
    "c_customers.text.waterfall": {
        "de": "Bei den C-Kunden zehren die Betreuungskosten {c_share} des Deckungsbeitrags "
        "auf, bei den A-Kunden {a_share}. Ergebnis {year}: C-Kunden {c_profit}, alle "
        "Kunden {total}.",
        "en": "For C customers, cost to serve eats up {c_share} of the contribution margin, "
        "for A customers {a_share}. Profit {year}: C customers {c_profit}, all customers "
        "{total}.",
    },
    "c_customers.text.unknown_profit": {
        "de": "{n} Kunden ohne bekannten Deckungsbeitrag sind nicht enthalten.",
        "en": "{n} customers without a known margin are not included.",
    },
    "c_customers.text.unknown_profit.one": {
        "de": "Ein Kunde ohne bekannten Deckungsbeitrag ist nicht enthalten.",
        "en": "One customer without a known margin is not included.",
    },
    "c_customers.text.no_activities": {
        "de": "Es liegt keine Aktivitätentabelle (activities) vor: Die Betreuungskosten {year} "
        "enthalten nur die Aufträge, abgeleitet aus den Rechnungen.",
        "en": "There is no activities table: the cost to serve of {year} contains only the "
        "orders, derived from the invoices.",
    },
    "c_customers.text.drivers_missing": {
        "de": "Die Aktivitätentabelle enthält für {year} nicht alle Kostentreiber.",
        "en": "The activities table lacks some cost drivers for {year}.",
    },
    "c_customers.text.driver_cost": {"de": "{driver} {cost}", "en": "{driver} {cost}"},
    "c_customers.text.missing_list": {
        "de": "Es fehlen (Stückkosten je Vorgang): {costs}.",
        "en": "Missing (unit cost per event): {costs}.",
    },
    "c_customers.text.orders_derived": {
        "de": "Bei {n} Kunden wurden die Aufträge aus den Rechnungen abgeleitet.",
        "en": "For {n} customers the orders were derived from the invoices.",
    },
    "c_customers.text.orders_derived.one": {
        "de": "Bei einem Kunden wurden die Aufträge aus den Rechnungen abgeleitet.",
        "en": "For one customer the orders were derived from the invoices.",
    },
    "c_customers.text.missing_effect": {
        "de": "Mit diesen Treibern stiegen die Betreuungskosten, die Ergebnisse sänken – vor "
        "allem bei kleinen, betreuungsintensiven Kunden: Es gäbe mehr Verlustbringer, der "
        "Gipfel der Whale-Kurve läge höher, und die Ersparnis durch Vertriebswege und "
        "Mindestauftragswert wäre größer. Die Zahlen hier sind eine Untergrenze.",
        "en": "With these drivers, cost to serve would rise and profits fall, above all for "
        "small customers that need a lot of service: there would be more loss-makers, the "
        "whale curve would peak higher and the savings from channels and a minimum order "
        "value would be larger. The figures here are a lower bound.",
    },
    "c_customers.text.candidates_rule": {
        "de": "Wachstumskandidat ist ein C-Kunde, dessen Umsatz im Fenster mindestens "
        "{growth} über den 12 Monaten davor liegt, oder dessen Potenzial mindestens dem "
        "Jahresumsatz des kleinsten A-Kunden entspricht ({smallest_a}).",
        "en": "A growth candidate is a C customer whose window revenue is at least {growth} "
        "above the 12 months before, or whose potential is at least the annual revenue of "
        "the smallest A customer ({smallest_a}).",
    },
    "c_customers.text.candidates": {
        "de": "{n} C-Kunden erfüllen das: {by_pot} über das Potenzial, {by_growth} über das "
        "Wachstum. Vorn liegen {names}.",
        "en": "{n} C customers qualify: {by_pot} by potential, {by_growth} by growth. "
        "Leading are {names}.",
    },
    "c_customers.text.candidates_none": {
        "de": "Derzeit erfüllt kein C-Kunde eines der beiden Kriterien.",
        "en": "At present no C customer meets either criterion.",
    },
    "c_customers.text.channel_part": {"de": "{channel} {n}", "en": "{channel} {n}"},
    "c_customers.text.channels": {
        "de": "Empfohlener Vertriebsweg der C-Kunden (Basis {year}): {parts}. Gegenüber "
        "den heutigen Betreuungskosten spart diese Aufteilung {saving} im Jahr.",
        "en": "Recommended channel of the C customers (basis {year}): {parts}. Compared with "
        "today's cost to serve, this mix saves {saving} a year.",
    },
    "c_customers.text.channels_more": {
        "de": "Empfohlener Vertriebsweg der C-Kunden (Basis {year}): {parts}. Gegenüber "
        "den heutigen Betreuungskosten kostet diese Aufteilung {saving} mehr im Jahr.",
        "en": "Recommended channel of the C customers (basis {year}): {parts}. Compared with "
        "today's cost to serve, this mix costs {saving} more a year.",
    },
    "c_customers.text.missing_example": {
        "de": "Zur Größenordnung: {driver} im Jahr je Kunde mit Umsatz ({n} Kunden) kostete "
        "zusätzlich {amount}.",
        "en": "For scale: {driver} a year per customer with sales ({n} customers) would cost "
        "another {amount}.",
    },
    **{
        f"c_customers.driver_one.{k}": v
        for k, v in {
            "visits": {"de": "Ein Besuch", "en": "one visit"},
            "calls": {"de": "Ein Anruf", "en": "one call"},
            "orders": {"de": "Ein Auftrag", "en": "one order"},
            "deliveries": {"de": "Eine Lieferung", "en": "one delivery"},
            "complaints": {"de": "Eine Reklamation", "en": "one complaint"},
            "returns": {"de": "Eine Retoure", "en": "one return"},
            "quotes": {"de": "Ein Angebot", "en": "one quote"},
        }.items()
    },
    "c_customers.rule.field_sales": {
        "de": "Wachstumskandidat",
        "en": "growth candidate",
    },
    "c_customers.rule.distributor": {
        "de": "Ergebnis < 0 und Umsatz < {max_revenue}",
        "en": "profit < 0 and revenue < {max_revenue}",
    },
    "c_customers.rule.webshop_edi": {
        "de": "≥ {orders} Aufträge, Ø Auftrag < {aov}",
        "en": "≥ {orders} orders, average order < {aov}",
    },
    "c_customers.rule.inside_sales": {"de": "alle übrigen", "en": "all others"},
    "c_customers.text.pricing_assumption": {
        "de": "Annahmen: Zuschlag {surcharge} je Auftrag unter dem Mindestwert; {loss} der "
        "betroffenen Kunden wandern ab (einstellbar unter c_customers.pricing in "
        "client.yaml und im Workshop).",
        "en": "Assumptions: a surcharge of {surcharge} per order below the minimum; {loss} of "
        "the affected customers leave (adjustable under c_customers.pricing in client.yaml "
        "and in the workshop).",
    },
    "c_customers.text.pricing": {
        "de": "Bester Wert ist {value}: {n} C-Kunden hatten {year} zusammen {orders} "
        "kleinere Aufträge. Zuschlag {income} plus eingesparte Betreuungskosten {saved} "
        "minus entgangener Deckungsbeitrag {lost} ergibt {effect} im Jahr.",
        "en": "The best value is {value}: {n} C customers placed {orders} smaller orders in "
        "{year}. Surcharge {income} plus saved cost to serve {saved} minus lost margin "
        "{lost} gives {effect} a year.",
    },
    "c_customers.text.pricing_none": {
        "de": "Kein geprüfter Mindestauftragswert verbessert das Ergebnis; die Empfehlung "
        "ist, keinen einzuführen.",
        "en": "No minimum order value tested improves profit; the recommendation is not to "
        "introduce one.",
    },
    "c_customers.text.sim_unknown": {
        "de": "{n} Kunden ohne bekannten Deckungsbeitrag sind nicht simuliert.",
        "en": "{n} customers without a known margin are not simulated.",
    },
    "c_customers.text.sim_unknown.one": {
        "de": "Ein Kunde ohne bekannten Deckungsbeitrag ist nicht simuliert.",
        "en": "One customer without a known margin is not simulated.",
    },
    "c_customers.text.channel_costs_assumption": {
        "de": "Die Kosten je Vertriebsweg sind Annahmen, keine gemessenen Werte (Vorgaben des "
        "Kits oder die Werte unter c_customers.channel_costs in client.yaml). Der Rabatt "
        "eines Händlers ist nicht Teil der Betreuungskosten und nicht eingerechnet.",
        "en": "The costs per channel are assumptions, not measured values (the kit's defaults "
        "or the values under c_customers.channel_costs in client.yaml). A distributor's "
        "discount is not part of the cost to serve and not included.",
    },
    # ------------------------------------------------------------------ columns and captions
    "c_customers.col.decision": {"de": "Entscheidung", "en": "Decision"},
    "c_customers.col.impact": {"de": "Wirkung/Jahr", "en": "Impact/year"},
    "c_customers.col.owner": {"de": "Verantwortlich", "en": "Owner"},
    "c_customers.col.timing": {"de": "Zeitpunkt", "en": "Timing"},
    "c_customers.col.window": {"de": "Fenster", "en": "Window"},
    "c_customers.col.customers_with_revenue": {
        "de": "Kunden mit Umsatz",
        "en": "Customers with revenue",
    },
    "c_customers.col.c_with_revenue": {"de": "davon C", "en": "of which C"},
    "c_customers.col.c_revenue": {"de": "Umsatz C", "en": "C revenue"},
    "c_customers.col.revenue_share": {"de": "Umsatzanteil C", "en": "C revenue share"},
    "c_customers.col.customer": {"de": "Kunde", "en": "Customer"},
    "c_customers.col.customers": {"de": "Kunden", "en": "Customers"},
    "c_customers.col.abc": {"de": "ABC", "en": "ABC"},
    "c_customers.col.revenue_y": {"de": "Umsatz {year}", "en": "Revenue {year}"},
    "c_customers.col.margin": {"de": "Deckungsbeitrag", "en": "Margin"},
    "c_customers.col.cost_to_serve": {"de": "Betreuungskosten", "en": "Cost to serve"},
    "c_customers.col.profit": {"de": "Kundenergebnis", "en": "Customer profit"},
    "c_customers.col.window_revenue": {"de": "Umsatz Fenster", "en": "Window revenue"},
    "c_customers.col.growth": {"de": "Wachstum", "en": "Growth"},
    "c_customers.col.potential": {"de": "Potenzial", "en": "Potential"},
    "c_customers.col.potential_ratio": {"de": "× kleinster A", "en": "× smallest A"},
    "c_customers.col.reason": {"de": "Grund", "en": "Reason"},
    "c_customers.col.opportunity": {"de": "Chance/Jahr", "en": "Opportunity/year"},
    "c_customers.col.channel": {"de": "Vertriebsweg", "en": "Channel"},
    "c_customers.col.rule": {"de": "Regel", "en": "Rule"},
    "c_customers.col.cost_now": {"de": "Kosten heute", "en": "Cost today"},
    "c_customers.col.cost_channel": {"de": "Kosten Vertriebsweg", "en": "Channel cost"},
    "c_customers.col.saving": {"de": "Ersparnis", "en": "Saving"},
    "c_customers.col.min_order_value": {"de": "Mindestwert", "en": "Minimum value"},
    "c_customers.col.affected": {"de": "Kunden betroffen", "en": "Customers affected"},
    "c_customers.col.orders_below": {"de": "Aufträge darunter", "en": "Orders below"},
    "c_customers.col.income": {"de": "Zuschlag", "en": "Surcharge"},
    "c_customers.col.saved": {"de": "Kosten gespart", "en": "Cost saved"},
    "c_customers.col.lost_margin": {"de": "DB verloren", "en": "Margin lost"},
    "c_customers.col.effect": {"de": "Effekt", "en": "Effect"},
    "c_customers.col.best": {"de": "Bester", "en": "Best"},
    "c_customers.col.per_customer": {"de": "je Kunde und Jahr", "en": "per customer and year"},
    "c_customers.col.per_order": {"de": "je Auftrag", "en": "per order"},
    "c_customers.caption.trend": {
        "de": "C-Kunden je 12-Monats-Fenster",
        "en": "C customers per 12-month window",
    },
    "c_customers.caption.destroyers": {
        "de": "Die {n} größten Verlustbringer mit Umsatz",
        "en": "The {n} largest loss-makers with revenue",
    },
    "c_customers.caption.waterfall": {
        "de": "Umsatz, Deckungsbeitrag, Betreuungskosten und Ergebnis {year}",
        "en": "Revenue, margin, cost to serve and profit {year}",
    },
    "c_customers.caption.candidates": {
        "de": "Wachstumskandidaten (Top {n}, nach Chance)",
        "en": "Growth candidates (top {n}, by opportunity)",
    },
    "c_customers.caption.channels": {
        "de": "Empfohlener Vertriebsweg der C-Kunden",
        "en": "Recommended channel of the C customers",
    },
    "c_customers.caption.pricing": {
        "de": "Ergebniseffekt je Mindestauftragswert (★ = bester Wert)",
        "en": "Profit effect per minimum order value (★ = best value)",
    },
    "c_customers.caption.channel_costs": {
        "de": "Angenommene Kosten je Vertriebsweg",
        "en": "Assumed cost per channel",
    },
    # ------------------------------------------------------------------ charts
    "c_customers.chart.shares_title": {
        "de": "Anteile je ABC-Klasse",
        "en": "Shares per ABC class",
    },
    "c_customers.chart.share_customers": {"de": "Kunden", "en": "Customers"},
    "c_customers.chart.share_revenue": {"de": "Umsatz", "en": "Revenue"},
    "c_customers.chart.share_margin": {"de": "Deckungsbeitrag", "en": "Contribution margin"},
    "c_customers.chart.share_axis": {"de": "Anteil", "en": "Share"},
    "c_customers.chart.whale_title": {"de": "Whale-Kurve {year}", "en": "Whale curve {year}"},
    "c_customers.chart.whale_x": {
        "de": "Kunden, nach Ergebnis sortiert (Anteil)",
        "en": "Customers ranked by profit (share)",
    },
    "c_customers.chart.whale_y": {"de": "Kumuliertes Ergebnis", "en": "Cumulative profit"},
    "c_customers.chart.whale_peak": {
        "de": "Gipfel: {peak} des Ergebnisses\nmit {customers} der Kunden",
        "en": "Peak: {peak} of profit\nfrom {customers} of customers",
    },
    "c_customers.chart.whale_total": {"de": "Gesamtergebnis", "en": "Total profit"},
    "c_customers.chart.waterfall_title": {
        "de": "Vom Umsatz zum Ergebnis {year}",
        "en": "From revenue to profit {year}",
    },
    "c_customers.chart.step_revenue": {"de": "Umsatz", "en": "Revenue"},
    "c_customers.chart.step_margin": {"de": "DB", "en": "Margin"},
    "c_customers.chart.step_cost": {"de": "Betreuung", "en": "Cost to serve"},
    "c_customers.chart.step_profit": {"de": "Ergebnis", "en": "Profit"},
    "c_customers.chart.channels_title": {
        "de": "Betreuungskosten der C-Kunden je Vertriebsweg",
        "en": "Cost to serve of the C customers per channel",
    },
    "c_customers.chart.cost_now": {"de": "heute", "en": "today"},
    "c_customers.chart.cost_channel": {"de": "im empfohlenen Weg", "en": "in recommended channel"},
    "c_customers.chart.money_axis": {"de": "Kosten im Jahr", "en": "Cost per year"},
    "c_customers.chart.pricing_title": {
        "de": "Ergebniseffekt des Mindestauftragswerts",
        "en": "Profit effect of the minimum order value",
    },
    "c_customers.chart.pricing_x": {"de": "Mindestauftragswert", "en": "Minimum order value"},
    "c_customers.chart.pricing_y": {"de": "Effekt im Jahr", "en": "Effect per year"},
    "c_customers.chart.pricing_best": {"de": "bester Wert {value}", "en": "best value {value}"},
    "c_customers.chart.pricing_curve": {
        "de": "Effekt (Abwanderung {loss})",
        "en": "Effect ({loss} leave)",
    },
    # ------------------------------------------------------------------ appendix
    "c_customers.method.decisions": {
        "de": "<strong>Entscheidungen</strong>: Wirkung im Jahr, nach Höhe geordnet – bei "
        "Wachstumskandidaten die Umsatzchance, bei fehlenden Kostentreibern die noch nicht "
        "gezählten Kosten, sonst der Ergebniseffekt. Die Beträge überschneiden sich teilweise "
        "und lassen sich nicht addieren. Beim Mindestauftragswert wird auf einer flachen Kurve "
        "der kleinste Wert mit mindestens 95 % des besten Effekts empfohlen.",
        "en": "<strong>Decisions</strong>: impact per year, ranked by size: for growth "
        "candidates the revenue opportunity, for missing cost drivers the cost not counted "
        "yet, otherwise the profit effect. The amounts overlap in part and cannot be added up. "
        "For the minimum order value, a flat curve leads to the smallest value with at least "
        "95 % of the best effect.",
    },
    "c_customers.method.c": {
        "de": "<strong>C-Kunden</strong>: ABC-Klasse C im Portfolio-Fenster {window} (gleiche "
        "Regeln und Zahlen wie das Kundenportfolio){narrowed}.",
        "en": "<strong>C customers</strong>: ABC class C in the portfolio window {window} "
        "(same rules and figures as the customer portfolio){narrowed}.",
    },
    "c_customers.method.max_revenue": {
        "de": ", zusätzlich begrenzt auf einen Fensterumsatz bis {value}",
        "en": ", further limited to a window revenue up to {value}",
    },
    "c_customers.method.year": {
        "de": "<strong>Ergebnisjahr</strong>: {year}, das letzte abgeschlossene Kalenderjahr "
        "vor dem Stichtag. Umsatz, Deckungsbeitrag und Aktivitäten stammen aus diesem Jahr; "
        "Gutschriften mindern den Umsatz.",
        "en": "<strong>Profitability year</strong>: {year}, the last complete calendar year "
        "before the as-of date. Revenue, margin and activities are those of that year; "
        "credit notes reduce the revenue.",
    },
    "c_customers.method.cost": {
        "de": "<strong>Betreuungskosten</strong> = Summe aus Anzahl × Stückkosten je "
        "Kostentreiber: {unit}. Fehlt die Auftragszahl eines Kunden, zählen die Rechnungen "
        "des Jahres mit positivem Betrag als Aufträge.",
        "en": "<strong>Cost to serve</strong> = sum of count × unit cost per driver: {unit}. "
        "Where a customer's order count is missing, the year's invoices with a positive "
        "total count as orders.",
    },
    "c_customers.method.whale": {
        "de": "<strong>Kundenergebnis</strong> = Deckungsbeitrag − Betreuungskosten; "
        "unbekannt (nicht null), wenn ein Deckungsbeitrag fehlt. Die Whale-Kurve ordnet "
        "alle Kunden mit Umsatz oder Aktivität im Jahr nach Ergebnis und kumuliert es; "
        "Kunden mit unbekanntem Ergebnis bleiben außen vor.",
        "en": "<strong>Customer profit</strong> = contribution margin − cost to serve; "
        "unknown (not zero) when a margin is missing. The whale curve ranks every customer "
        "with revenue or activity in the year by profit and accumulates it; customers with "
        "an unknown profit are left out.",
    },
    "c_customers.method.candidates": {
        "de": "<strong>Key Accounts von morgen</strong>: C-Kunden mit mindestens {growth} "
        "Umsatzwachstum gegenüber den 12 Monaten vor dem Fenster (mit Umsatz dort) oder mit "
        "einem Potenzial mindestens so groß wie der Jahresumsatz des kleinsten A-Kunden. "
        "Chance = Lücke zwischen Potenzial und Umsatz; für reine Wachstumskandidaten der "
        "Umsatzzuwachs in €.",
        "en": "<strong>Key accounts of tomorrow</strong>: C customers whose revenue grew by "
        "at least {growth} over the 12 months before the window (with revenue there), or "
        "whose potential is at least the annual revenue of the smallest A customer. "
        "Opportunity = gap between potential and revenue; for growth-only candidates the "
        "revenue increase in €.",
    },
    "c_customers.method.channels": {
        "de": "<strong>Vertriebsweg</strong> (erste zutreffende Regel): Außendienst für "
        "Wachstumskandidaten; Händler bei negativem Ergebnis und Umsatz unter {max_revenue}; "
        "Webshop/EDI ab {orders} Aufträgen mit einem Durchschnittsauftrag unter {aov}; "
        "sonst Innendienst. Kosten eines Wegs = Kosten je Kunde + Kosten je Auftrag × "
        "Aufträge des Jahres.",
        "en": "<strong>Channel</strong> (first rule that matches): field sales for growth "
        "candidates; distributor for a negative profit and revenue below {max_revenue}; "
        "webshop/EDI from {orders} orders with an average order below {aov}; inside sales "
        "otherwise. Cost of a channel = cost per customer + cost per order × the year's "
        "orders.",
    },
    "c_customers.method.channel_costs": {
        "de": "<strong>Kosten je Vertriebsweg</strong> (Annahmen, keine Kundendaten; in "
        "client.yaml unter c_customers.channel_costs anpassbar): {costs}.",
        "en": "<strong>Cost per channel</strong> (assumptions, not client data; adjustable "
        "in client.yaml under c_customers.channel_costs): {costs}.",
    },
    "c_customers.method.channel_cost_item": {
        "de": "{channel} {per_customer} je Kunde und Jahr + {per_order} je Auftrag",
        "en": "{channel} {per_customer} per customer and year + {per_order} per order",
    },
    "c_customers.text.pricing_knee": {
        "de": "Die Kurve ist danach flach: Schon ein Mindestwert von {value} erreicht {share} "
        "des besten Effekts ({effect}) und betrifft nur {n} statt {n_best} Kunden.",
        "en": "The curve is flat beyond that: a minimum of {value} already reaches {share} of "
        "the best effect ({effect}) and affects only {n} instead of {n_best} customers.",
    },
    "c_customers.method.pricing": {
        "de": "<strong>Mindestauftragswert</strong>: geprüft von 0 bis {max} in Schritten von "
        "{step}. Aufträge unter dem Wert zahlen {surcharge} Zuschlag; {loss} der Kunden mit "
        "mindestens einem solchen Auftrag wandern ab. Effekt = (1 − Abwanderung) × Zuschlag "
        "× Aufträge darunter + Abwanderung × (Betreuungskosten − Deckungsbeitrag) der "
        "betroffenen Kunden. Bester Wert = höchster Effekt.",
        "en": "<strong>Minimum order value</strong>: tested from 0 to {max} in steps of "
        "{step}. Orders below the value pay a surcharge of {surcharge}; {loss} of the "
        "customers with at least one such order leave. Effect = (1 − loss share) × "
        "surcharge × orders below + loss share × (cost to serve − margin) of the affected "
        "customers. Best value = largest effect.",
    },
    # ------------------------------------------------------------------ export
    "c_customers.export.col.customer_id": {"de": "Kundennummer", "en": "Customer ID"},
    "c_customers.export.col.name": {"de": "Kunde", "en": "Customer"},
    "c_customers.export.col.abc_class": {"de": "ABC-Klasse", "en": "ABC class"},
    "c_customers.export.col.is_c_customer": {"de": "C-Kunde", "en": "C customer"},
    "c_customers.export.col.year": {"de": "Ergebnisjahr", "en": "Profitability year"},
    "c_customers.export.col.revenue": {"de": "Umsatz", "en": "Revenue"},
    "c_customers.export.col.contribution_margin": {
        "de": "Deckungsbeitrag",
        "en": "Contribution margin",
    },
    **{
        f"c_customers.export.col.{k}": {"de": de, "en": en.capitalize()}
        for k, (de, en) in _DRIVERS.items()
    },
    "c_customers.export.col.cost_to_serve": {"de": "Betreuungskosten", "en": "Cost to serve"},
    "c_customers.export.col.customer_profit": {"de": "Kundenergebnis", "en": "Customer profit"},
    "c_customers.export.col.growth_candidate": {
        "de": "Wachstumskandidat",
        "en": "Growth candidate",
    },
    "c_customers.export.col.channel": {"de": "Vertriebsweg", "en": "Channel"},
    "c_customers.export.col.wallet_gap": {"de": "Potenziallücke", "en": "Wallet gap"},
    "c_customers.export.desc.customer_id": {
        "de": "Kundennummer aus dem Kundenstamm",
        "en": "Customer ID from the customer master",
    },
    "c_customers.export.desc.name": {
        "de": "Name aus dem Kundenstamm",
        "en": "Name from the customer master",
    },
    "c_customers.export.desc.abc_class": {
        "de": "ABC-Klasse im Portfolio-Fenster",
        "en": "ABC class in the portfolio window",
    },
    "c_customers.export.desc.is_c_customer": {
        "de": "Kunde zählt als C-Kunde",
        "en": "Customer counts as a C customer",
    },
    "c_customers.export.desc.year": {
        "de": "Letztes abgeschlossenes Kalenderjahr vor dem Stichtag",
        "en": "Last complete calendar year before the as-of date",
    },
    "c_customers.export.desc.revenue": {
        "de": "Nettoumsatz im Ergebnisjahr",
        "en": "Net revenue in the profitability year",
    },
    "c_customers.export.desc.contribution_margin": {
        "de": "Deckungsbeitrag im Ergebnisjahr (leer = unbekannt)",
        "en": "Contribution margin in the profitability year (empty = unknown)",
    },
    **{
        f"c_customers.export.desc.{k}": {
            "de": f"Anzahl {de} im Ergebnisjahr",
            "en": f"Number of {en} in the profitability year",
        }
        for k, (de, en) in _DRIVERS.items()
        if k != "orders"
    },
    "c_customers.export.desc.orders": {
        "de": "Anzahl Aufträge im Ergebnisjahr (ohne Angabe: Rechnungen mit positivem Betrag)",
        "en": "Orders in the profitability year (where not given: invoices with a positive total)",
    },
    "c_customers.export.desc.cost_to_serve": {
        "de": "Summe Anzahl × Stückkosten aller Kostentreiber",
        "en": "Sum of count × unit cost over all drivers",
    },
    "c_customers.export.desc.customer_profit": {
        "de": "Deckungsbeitrag − Betreuungskosten (leer = unbekannt)",
        "en": "Contribution margin − cost to serve (empty = unknown)",
    },
    "c_customers.export.desc.growth_candidate": {
        "de": "C-Kunde mit starkem Wachstum oder großem Potenzial",
        "en": "C customer with strong growth or large potential",
    },
    "c_customers.export.desc.channel": {
        "de": "Empfohlener Vertriebsweg (nur C-Kunden): field_sales, inside_sales, webshop_edi, distributor",
        "en": "Recommended channel (C customers only): field_sales, inside_sales, webshop_edi, distributor",
    },
    "c_customers.export.desc.wallet_gap": {
        "de": "Potenzial − Jahresumsatz im Fenster (leer ohne Potenzial)",
        "en": "Potential − annual window revenue (empty without potential)",
    },
    # ------------------------------------------------------------------ workshop panel
    "c_customers.panel.title": {"de": "Workshop: C-Kunden", "en": "Workshop: C customers"},
    "c_customers.panel.unit_costs": {"de": "Stückkosten je Vorgang", "en": "Unit cost per event"},
    "c_customers.panel.channel_rules": {"de": "Regeln für den Vertriebsweg", "en": "Channel rules"},
    "c_customers.panel.distributor_max_revenue": {
        "de": "Händler: Umsatz unter",
        "en": "Distributor: revenue below",
    },
    "c_customers.panel.webshop_min_orders": {
        "de": "Webshop: Aufträge ab",
        "en": "Webshop: orders from",
    },
    "c_customers.panel.webshop_max_order_value": {
        "de": "Webshop: Ø Auftrag unter",
        "en": "Webshop: avg order below",
    },
    "c_customers.panel.pricing": {"de": "Mindestauftragswert", "en": "Minimum order value"},
    "c_customers.panel.surcharge": {"de": "Zuschlag je Auftrag", "en": "Surcharge per order"},
    "c_customers.panel.loss_share": {"de": "Abwanderung", "en": "Customers lost"},
    "c_customers.panel.max_order_value": {"de": "Geprüft bis", "en": "Tested up to"},
    "c_customers.panel.facts": {"de": "Kennzahlen", "en": "Key figures"},
    "c_customers.panel.destroyers": {"de": "Verlustbringer", "en": "Loss-making customers"},
    "c_customers.panel.saved_col": {"de": "gespeichert", "en": "saved"},
    "c_customers.panel.now_col": {"de": "jetzt", "en": "now"},
}

# comments of the client.yaml written by `kam new` ("data.cfg.<key path>")
_CONFIG_COMMENTS: dict[str, tuple[str, str]] = {
    "c_customers.unit_costs": (
        "Stückkosten je Vorgang (Besuch, Anruf, Auftrag, Lieferung, Reklamation, Retoure, Angebot)",
        "unit cost per event (visit, call, order, delivery, complaint, return, quote)",
    ),
    "c_customers.max_revenue": (
        "optional: C-Kunden nur bis zu diesem Fensterumsatz",
        "optional: C customers only up to this window revenue",
    ),
    "c_customers.growth_min": (
        "Wachstumskandidat ab diesem Umsatzwachstum (0,2 = 20 %)",
        "growth candidate from this revenue growth (0.2 = 20 %)",
    ),
    "c_customers.channel_rules": ("Regeln für den Vertriebsweg", "channel rules"),
    "c_customers.channel_rules.distributor_max_revenue": (
        "Händler: Verlust und Jahresumsatz unter diesem Wert",
        "distributor: a loss and annual revenue below this",
    ),
    "c_customers.channel_rules.webshop_min_orders": (
        "Webshop/EDI: mindestens so viele Aufträge im Jahr ...",
        "webshop/EDI: at least this many orders a year ...",
    ),
    "c_customers.channel_rules.webshop_max_order_value": (
        "... mit einem Durchschnittsauftrag unter diesem Wert",
        "... with an average order below this",
    ),
    "c_customers.channel_costs": (
        "Annahme: Kosten je Vertriebsweg pro Kunde und Jahr und pro Auftrag",
        "assumption: cost per channel per customer and year and per order",
    ),
    "c_customers.pricing": (
        "Simulation Mindestauftragswert mit Kleinmengenzuschlag",
        "minimum order value simulation with small-order surcharge",
    ),
    "c_customers.pricing.surcharge": (
        "Zuschlag je Auftrag unter dem Mindestwert",
        "surcharge per order below the minimum",
    ),
    "c_customers.pricing.loss_share": (
        "Anteil der betroffenen Kunden, die abwandern (0-1)",
        "share of the affected customers that leave (0-1)",
    ),
    "c_customers.pricing.step": (
        "Schrittweite der geprüften Mindestwerte",
        "step between the tested minimum values",
    ),
    "c_customers.pricing.max_order_value": (
        "größter geprüfter Mindestwert",
        "largest minimum value tested",
    ),
    "c_customers.pricing.scope": (
        "c_customers (nur C-Kunden) | all (alle Kunden)",
        "c_customers (C customers only) | all (every customer)",
    ),
    "c_customers.trend_periods": (
        "Zahl der 12-Monats-Fenster im Trend",
        "number of 12-month windows in the trend",
    ),
    "c_customers.top_n": (
        "Zeilen in den Tabellen des Berichts",
        "rows in the deliverable's tables",
    ),
}
for _key, (_de, _en) in _CONFIG_COMMENTS.items():
    MESSAGES[f"data.cfg.{_key}"] = {"de": _de, "en": _en}
