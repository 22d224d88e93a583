"""Texts of the retention deliverable, export and workshop panel (German and English).

Key families: ``retention.factor.<id>`` factor names, ``retention.measure.<id>``
the suggested measure per weak factor, ``retention.flag.<id>`` early-warning
flags and ``retention.ev.<id>`` their evidence, ``retention.quadrant.<id>``
(``.todo``) risk quadrants, ``retention.h.*`` headings (with numbers),
``retention.find.*`` summary findings, ``retention.dec.*`` decisions,
``retention.text.*`` section texts, ``retention.col.*`` table headers,
``retention.kpi.*`` tiles, ``retention.chart.*`` chart texts,
``retention.method.*`` appendix, ``retention.export.*`` export columns,
``retention.panel.*`` workshop panel. Singular forms as ``<key>.one``.
Placeholders are filled with numbers already formatted for the language.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ factors
    "retention.factor.contractual": {"de": "Vertragliche Bindung", "en": "Contractual binding"},
    "retention.factor.technical": {"de": "Technische Bindung", "en": "Technical binding"},
    "retention.factor.relationship_breadth": {
        "de": "Breite der Beziehung",
        "en": "Relationship breadth",
    },
    "retention.factor.relationship_quality": {
        "de": "Qualität der Beziehung",
        "en": "Relationship quality",
    },
    "retention.factor.satisfaction": {"de": "Zufriedenheit", "en": "Satisfaction"},
    "retention.factor.wallet_share": {"de": "Lieferanteil", "en": "Share of wallet"},
    "retention.factor.switching_costs": {"de": "Wechselkosten", "en": "Switching costs"},
    "retention.factor.dependency": {"de": "Abhängigkeit von uns", "en": "Dependency on us"},
    "retention.factor.product_breadth": {"de": "Sortimentsbreite", "en": "Product breadth"},
    # ------------------------------------------------------------------ measures
    "retention.measure.contractual": {
        "de": "Rahmenvertrag oder Liefervereinbarung mit Laufzeit anbieten",
        "en": "Offer a framework or supply agreement with a fixed term",
    },
    "retention.measure.technical": {
        "de": "EDI/Shop-Anbindung oder gemeinsame Produktentwicklung vorschlagen",
        "en": "Propose an EDI/shop link or joint product development",
    },
    "retention.measure.relationship_breadth": {
        "de": "Weitere Ansprechpartner im Buying Center gewinnen (Technik, Einkauf, Leitung)",
        "en": "Win further contacts in the buying centre (engineering, purchasing, management)",
    },
    "retention.measure.relationship_quality": {
        "de": "Jahresgespräch auf Leitungsebene mit offenem Feedback vereinbaren",
        "en": "Agree an annual management-level review with open feedback",
    },
    "retention.measure.satisfaction": {
        "de": "Zufriedenheit erfragen und die drei größten Ärgernisse beheben",
        "en": "Ask about satisfaction and fix the three biggest irritants",
    },
    "retention.measure.wallet_share": {
        "de": "Bedarf außerhalb unseres Anteils aufnehmen und gezielt anbieten",
        "en": "Map the demand we do not yet supply and make a targeted offer",
    },
    "retention.measure.switching_costs": {
        "de": "Serviceleistungen einbinden (Lager, Logistik, Schulung), die ein Wechsel kosten würde",
        "en": "Build in services (stock, logistics, training) a switch would cost",
    },
    "retention.measure.dependency": {
        "de": "Unseren Beitrag zum Erfolg des Kunden sichtbar machen (Nutzenrechnung)",
        "en": "Make our contribution to the customer's success visible (value case)",
    },
    "retention.measure.product_breadth": {
        "de": "Passende weitere Produktgruppen vorstellen (Cross-Selling)",
        "en": "Present further product groups that fit (cross-selling)",
    },
    "retention.measure.none": {
        "de": "Ursache im Kundengespräch klären (kein Bindungsfaktor schwach bewertet)",
        "en": "Find the cause in a customer meeting (no binding factor rated weak)",
    },
    # who owns the measure of a factor
    "retention.owner.factor.contractual": {"de": "Vertriebsleitung", "en": "Head of sales"},
    "retention.owner.factor.technical": {
        "de": "Key-Account-Manager mit IT/Technik",
        "en": "Key account manager with IT/engineering",
    },
    "retention.owner.factor.relationship_breadth": {
        "de": "Key-Account-Manager",
        "en": "Key account manager",
    },
    "retention.owner.factor.relationship_quality": {
        "de": "Geschäftsführung mit Key-Account-Manager",
        "en": "Managing director with key account manager",
    },
    "retention.owner.factor.satisfaction": {
        "de": "Innendienst und Qualität",
        "en": "Customer service and quality",
    },
    "retention.owner.factor.wallet_share": {
        "de": "Key-Account-Manager",
        "en": "Key account manager",
    },
    "retention.owner.factor.switching_costs": {
        "de": "Vertriebsleitung mit Service",
        "en": "Head of sales with service",
    },
    "retention.owner.factor.dependency": {"de": "Key-Account-Manager", "en": "Key account manager"},
    "retention.owner.factor.product_breadth": {
        "de": "Key-Account-Manager mit Produktmanagement",
        "en": "Key account manager with product management",
    },
    "retention.owner.kam": {"de": "Key-Account-Manager", "en": "Key account managers"},
    "retention.owner.director": {"de": "Vertriebsleitung", "en": "Head of sales"},
    "retention.owner.workshop": {"de": "KAM-Team im Workshop", "en": "KAM team in the workshop"},
    "retention.timing.weeks": {"de": "in {n} Wochen", "en": "within {n} weeks"},
    "retention.timing.quarter": {"de": "dieses Quartal", "en": "this quarter"},
    "retention.timing.half_year": {"de": "in 6 Monaten", "en": "within 6 months"},
    "retention.timing.next_round": {
        "de": "nächste Bewertungsrunde",
        "en": "next rating round",
    },
    # ------------------------------------------------------------------ flags
    "retention.flag.revenue_trend": {"de": "Umsatz fällt", "en": "Revenue falling"},
    "retention.flag.order_gap": {"de": "Bestellpause", "en": "Order gap"},
    "retention.flag.breadth_shrinking": {"de": "Sortiment schrumpft", "en": "Breadth shrinking"},
    "retention.flag.complaints": {"de": "Reklamationen", "en": "Complaints"},
    "retention.ev.revenue_trend": {
        "de": "Umsatz 6 Monate {now} statt {before} im Vorjahr ({ratio})",
        "en": "Revenue over 6 months {now} against {before} a year earlier ({ratio})",
    },
    "retention.ev.order_gap": {
        "de": "{days} Tage ohne Kauf, üblich sind {median}",
        "en": "{days} days without a purchase, usually {median}",
    },
    "retention.ev.breadth_shrinking": {
        "de": "{now} Warengruppen in 12 Monaten statt {before}",
        "en": "{now} product groups in 12 months instead of {before}",
    },
    "retention.ev.complaints": {
        "de": "{n} Reklamationen im letzten Jahr (davor {before})",
        "en": "{n} complaints last year (year before: {before})",
    },
    "retention.ev.complaints.one": {
        "de": "1 Reklamation im letzten Jahr (davor {before})",
        "en": "1 complaint last year (year before: {before})",
    },
    # ------------------------------------------------------------------ quadrants
    "retention.quadrant.act_now": {"de": "Sofort handeln", "en": "Act now"},
    "retention.quadrant.secure": {"de": "Absichern", "en": "Secure"},
    "retention.quadrant.monitor": {"de": "Beobachten", "en": "Monitor"},
    "retention.quadrant.maintain": {"de": "Pflegen", "en": "Maintain"},
    "retention.quadrant.act_now.todo": {
        "de": "Wichtiger Kunde, schwach gebunden: Bindungsplan mit Terminen",
        "en": "Important customer, weakly bound: a binding plan with dates",
    },
    "retention.quadrant.secure.todo": {
        "de": "Wichtig und gebunden: Bindung halten, Verträge rechtzeitig verlängern",
        "en": "Important and bound: keep the binding, renew contracts in time",
    },
    "retention.quadrant.monitor.todo": {
        "de": "Kleiner Kunde, schwach gebunden: Frühwarnungen beobachten, kostengünstig betreuen",
        "en": "Small customer, weakly bound: watch the early warnings, serve at low cost",
    },
    "retention.quadrant.maintain.todo": {
        "de": "Kleiner Kunde, gut gebunden: effizient pflegen, Potenzial prüfen",
        "en": "Small customer, well bound: serve efficiently, check potential",
    },
    "retention.param.r": {"de": "r (Form der Kaufraten)", "en": "r (shape of purchase rates)"},
    "retention.param.alpha": {"de": "α (Skala der Kaufraten)", "en": "α (scale of purchase rates)"},
    "retention.param.a": {"de": "a (Abwanderung)", "en": "a (dropout)"},
    "retention.param.b": {"de": "b (Abwanderung)", "en": "b (dropout)"},
    # ------------------------------------------------------------------ headings
    "retention.h.decisions": {"de": "Entscheidungen", "en": "Decisions"},
    "retention.h.scores": {
        "de": "1. Bindung: {firm} von {n} wichtigen Kunden sind fest gebunden",
        "en": "1. Binding: {firm} of {n} important customers are firmly bound",
    },
    "retention.h.scores_none": {
        "de": "1. Bindung: noch kein wichtiger Kunde bewertet",
        "en": "1. Binding: no important customer rated yet",
    },
    "retention.h.risk": {
        "de": "2. Risikomatrix: {share} des Umsatzes bei schwach gebundenen wichtigen Kunden",
        "en": "2. Risk matrix: {share} of revenue with weakly bound important customers",
    },
    "retention.h.warnings": {
        "de": "3. Frühwarnungen: {revenue} Umsatz bei {n} Kunden mit mehreren Signalen in Gefahr",
        "en": "3. Early warnings: {revenue} of revenue at risk with {n} customers showing several signals",
    },
    "retention.h.warnings.one": {
        "de": "3. Frühwarnungen: {revenue} Umsatz bei einem Kunden mit mehreren Signalen in Gefahr",
        "en": "3. Early warnings: {revenue} of revenue at risk with one customer showing several signals",
    },
    "retention.h.warnings_single": {
        "de": "3. Frühwarnungen: {revenue} Umsatz bei {n} Kunden mit je einem Signal",
        "en": "3. Early warnings: {revenue} of revenue with {n} customers showing one signal each",
    },
    "retention.h.warnings_single.one": {
        "de": "3. Frühwarnungen: {revenue} Umsatz bei einem Kunden mit einem Signal",
        "en": "3. Early warnings: {revenue} of revenue with one customer showing one signal",
    },
    "retention.h.warnings_none": {
        "de": "3. Frühwarnungen: kein Kunde auffällig",
        "en": "3. Early warnings: no customer stands out",
    },
    "retention.h.model": {
        "de": "4. Zweitmeinung aus dem Kaufverhalten: {n} Widersprüche zur Bewertung",
        "en": "4. Second opinion from purchase behaviour: {n} contradictions to the rating",
    },
    "retention.h.model.one": {
        "de": "4. Zweitmeinung aus dem Kaufverhalten: ein Widerspruch zur Bewertung",
        "en": "4. Second opinion from purchase behaviour: one contradiction to the rating",
    },
    "retention.h.model_agrees": {
        "de": "4. Zweitmeinung aus dem Kaufverhalten: kein Widerspruch zur Bewertung",
        "en": "4. Second opinion from purchase behaviour: no contradiction to the rating",
    },
    "retention.h.model_none": {
        "de": "4. Zweitmeinung aus dem Kaufverhalten: Modell passt nicht zu diesen Daten",
        "en": "4. Second opinion from purchase behaviour: the model does not fit these data",
    },
    "retention.h.kpis": {
        "de": "5. Kennzahlen: {rate} der Vorjahreskunden kauften {year} wieder",
        "en": "5. KPIs: {rate} of the previous year's customers bought again in {year}",
    },
    "retention.h.kpis_none": {
        "de": "5. Kennzahlen je Jahr",
        "en": "5. KPIs per year",
    },
    "retention.h.appendix": {"de": "Anhang: Methode und Daten", "en": "Appendix: method and data"},
    "retention.h.weights": {
        "de": "Bindungsfaktoren und Gewichte",
        "en": "Binding factors and weights",
    },
    "retention.h.quality": {"de": "Datenqualität", "en": "Data quality"},
    # ------------------------------------------------------------------ findings
    "retention.find.and": {"de": "und", "en": "and"},
    "retention.find.more": {"de": "und {n} weitere", "en": "and {n} more"},
    "retention.find.binding": {
        "de": "Von {n} bewerteten A- und B-Kunden sind {firm} fest gebunden (Score ab {firm_score}); "
        "{act} liegen unter {split} und brauchen sofort einen Bindungsplan – sie stehen für {act_revenue} Umsatz.",
        "en": "Of {n} rated A and B customers, {firm} are firmly bound (score {firm_score} or more); "
        "{act} score below {split} and need a binding plan now – they stand for {act_revenue} of revenue.",
    },
    "retention.find.binding.one": {
        "de": "Ein A- oder B-Kunde ist bewertet; {firm} davon fest gebunden (Score ab {firm_score}); "
        "{act} unter {split} mit {act_revenue} Umsatz.",
        "en": "One A or B customer is rated; {firm} of them firmly bound (score {firm_score} or more); "
        "{act} below {split} with {act_revenue} of revenue.",
    },
    "retention.find.warnings": {
        "de": "{total} Kunden zeigen mindestens ein Frühwarnsignal; ernst ist es bei {n} mit {min_signals} oder mehr "
        "Signalen – zusammen {revenue} Umsatz in den letzten 12 Monaten, am meisten bei {names}.",
        "en": "{total} customers show at least one early-warning signal; it is serious for {n} with {min_signals} or more "
        "signals – together {revenue} of revenue in the last 12 months, most of it with {names}.",
    },
    "retention.find.warnings.one": {
        "de": "{total} Kunden zeigen mindestens ein Frühwarnsignal; ernst ist es bei einem mit {min_signals} oder mehr "
        "Signalen: {names} mit {revenue} Umsatz in den letzten 12 Monaten.",
        "en": "{total} customers show at least one early-warning signal; it is serious for one with {min_signals} or more "
        "signals: {names} with {revenue} of revenue in the last 12 months.",
    },
    "retention.find.warnings_single": {
        "de": "{n} Kunden zeigen je ein Frühwarnsignal, zusammen {revenue} Umsatz in den letzten 12 Monaten; "
        "am meisten bei {names}.",
        "en": "{n} customers show one early-warning signal each, together {revenue} of revenue in the last 12 months; "
        "most of it with {names}.",
    },
    "retention.find.warnings_single.one": {
        "de": "Ein Kunde zeigt ein Frühwarnsignal: {names} mit {revenue} Umsatz in den letzten 12 Monaten.",
        "en": "One customer shows an early-warning signal: {names} with {revenue} of revenue in the last 12 months.",
    },
    "retention.find.no_warnings": {
        "de": "Kein Kunde mit Umsatz zeigt ein Frühwarnsignal.",
        "en": "No customer with revenue shows an early-warning signal.",
    },
    "retention.find.model_none": {
        "de": "Das Kaufverhaltensmodell (BG/NBD) liefert hier keine Zweitmeinung: {reason}",
        "en": "The purchase-behaviour model (BG/NBD) gives no second opinion here: {reason}",
    },
    "retention.find.model_agrees": {
        "de": "Das Kaufverhalten bestätigt die Bewertung: kein Kunde mit Score ab {firm_score} hat eine "
        "Aktiv-Wahrscheinlichkeit unter {p}.",
        "en": "Purchase behaviour confirms the rating: no customer with a score of {firm_score} or more has "
        "a probability of being active below {p}.",
    },
    "retention.find.model_disagrees": {
        "de": "{n} Kunden gelten im Workshop als fest gebunden, kaufen aber kaum noch – z. B. {name}: "
        "Score {score}, aber Aktiv-Wahrscheinlichkeit {p} ({revenue} Umsatz bei diesen Kunden).",
        "en": "{n} customers are rated firmly bound but have nearly stopped buying – e.g. {name}: "
        "score {score}, but a probability of being active of {p} ({revenue} of revenue with these customers).",
    },
    "retention.find.model_disagrees.one": {
        "de": "Ein Kunde gilt im Workshop als fest gebunden, kauft aber kaum noch: {name}, "
        "Score {score}, aber Aktiv-Wahrscheinlichkeit {p} ({revenue} Umsatz).",
        "en": "One customer is rated firmly bound but has nearly stopped buying: {name}, "
        "score {score}, but a probability of being active of {p} ({revenue} of revenue).",
    },
    "retention.find.kpis_no_rev": {
        "de": "{year} kauften {kept} von {prev} Vorjahreskunden wieder ({rate}).",
        "en": "In {year}, {kept} of {prev} customers of the year before bought again ({rate}).",
    },
    "retention.find.kpis": {
        "de": "{year} kauften {kept} von {prev} Vorjahreskunden wieder ({rate}); sie brachten {rev} ihres Vorjahresumsatzes.",
        "en": "In {year}, {kept} of {prev} customers of the year before bought again ({rate}); they brought {rev} of their previous revenue.",
    },
    # ------------------------------------------------------------------ decisions
    "retention.dec.warnings": {
        "de": "Die {n} größten Kunden mit Frühwarnung besuchen und die Ursache klären: {names}",
        "en": "Visit the {n} largest customers with an early warning and find the cause: {names}",
    },
    "retention.dec.warnings.one": {
        "de": "Den Kunden mit Frühwarnung besuchen und die Ursache klären: {names}",
        "en": "Visit the customer with an early warning and find the cause: {names}",
    },
    "retention.dec.act_now": {
        "de": "Für die {n} wichtigen, schwach gebundenen Kunden je einen Bindungsplan mit Terminen aufstellen",
        "en": "Draw up a binding plan with dates for each of the {n} important, weakly bound customers",
    },
    "retention.dec.act_now.one": {
        "de": "Für den wichtigen, schwach gebundenen Kunden einen Bindungsplan mit Terminen aufstellen",
        "en": "Draw up a binding plan with dates for the important, weakly bound customer",
    },
    "retention.dec.factor": {
        "de": "{factor} ist bei {n} wichtigen Kunden der schwächste Faktor: {measure}",
        "en": "{factor} is the weakest factor of {n} important customers: {measure}",
    },
    "retention.dec.factor.one": {
        "de": "{factor} ist bei einem wichtigen Kunden der schwächste Faktor: {measure}",
        "en": "{factor} is the weakest factor of one important customer: {measure}",
    },
    "retention.dec.disagree": {
        "de": "Die Bewertung der {n} Kunden prüfen, die als fest gebunden gelten, aber kaum noch kaufen",
        "en": "Re-check the rating of the {n} customers rated firmly bound who have nearly stopped buying",
    },
    "retention.dec.disagree.one": {
        "de": "Die Bewertung des Kunden prüfen, der als fest gebunden gilt, aber kaum noch kauft",
        "en": "Re-check the rating of the customer rated firmly bound who has nearly stopped buying",
    },
    "retention.dec.rate": {
        "de": "Die {n} A- und B-Kunden ohne Score im Workshop bewerten",
        "en": "Rate the {n} A and B customers without a score in the workshop",
    },
    "retention.dec.rate.one": {
        "de": "Den A- oder B-Kunden ohne Score im Workshop bewerten",
        "en": "Rate the A or B customer without a score in the workshop",
    },
    # ------------------------------------------------------------------ KPI tiles
    "retention.kpi.scored": {"de": "A/B-Kunden bewertet", "en": "A/B customers scored"},
    "retention.kpi.scored_note": {"de": "mit Bindungsscore", "en": "with a binding score"},
    "retention.kpi.firm": {"de": "Fest gebunden", "en": "Firmly bound"},
    "retention.kpi.firm_note": {
        "de": "A/B-Kunden, Score ab {score}",
        "en": "A/B customers, score {score}+",
    },
    "retention.kpi.act_now": {"de": "Umsatz „Sofort handeln“", "en": "Revenue “act now”"},
    "retention.kpi.act_now_note": {"de": "{n} Kunden", "en": "{n} customers"},
    "retention.kpi.act_now_note.one": {"de": "ein Kunde", "en": "one customer"},
    "retention.kpi.warnings": {"de": "Umsatz mit Frühwarnung", "en": "Revenue with early warning"},
    "retention.kpi.warnings_note": {
        "de": "{n} Kunden mit mehreren Signalen",
        "en": "{n} customers with several signals",
    },
    "retention.kpi.warnings_note.one": {
        "de": "ein Kunde mit mehreren Signalen",
        "en": "one customer with several signals",
    },
    "retention.kpi.retention": {"de": "Kundenbindungsrate", "en": "Customer retention"},
    "retention.kpi.retention_note": {"de": "Jahr {year}", "en": "year {year}"},
    # ------------------------------------------------------------------ section texts
    "retention.intro.scores": {
        "de": "Der Bindungsscore (0–100) fasst neun Faktoren zusammen – Workshop-Bewertungen 1–5, wo vorhanden, "
        "sonst Werte aus den Daten. Die Tabelle zeigt die größten A- und B-Kunden mit ihren schwachen Faktoren "
        "und daneben, was das Kaufverhalten sagt.",
        "en": "The binding score (0–100) combines nine factors – workshop ratings 1–5 where given, otherwise "
        "values from the data. The table lists the largest A and B customers with their weak factors and, "
        "beside them, what their purchase behaviour says.",
    },
    "retention.text.scores": {
        "de": "Bei {n} bewerteten A- und B-Kunden liegt der Score im Median bei {median}; {firm} erreichen {firm_score} "
        "oder mehr, {low} liegen unter {split}.",
        "en": "Across {n} rated A and B customers the median score is {median}; {firm} reach {firm_score} or more, "
        "{low} are below {split}.",
    },
    "retention.text.common_weak": {
        "de": "Am häufigsten ist „{factor}“ der schwächste Faktor ({n} Kunden).",
        "en": "“{factor}” is most often the weakest factor ({n} customers).",
    },
    "retention.text.common_weak.one": {
        "de": "„{factor}“ ist bei einem Kunden der schwächste Faktor.",
        "en": "“{factor}” is the weakest factor of one customer.",
    },
    "retention.text.no_scores": {
        "de": "Noch kein Kunde hat genug bewertete Faktoren für einen Score (mindestens die Hälfte des Gewichts). "
        "Eine Bewertungsrunde im Workshop (ratings-Tabelle) schließt diese Lücke.",
        "en": "No customer has enough factors with a value for a score yet (at least half of the weight). "
        "A rating round in the workshop (ratings table) closes this gap.",
    },
    "retention.text.more_in_export": {
        "de": "Gezeigt: {shown} von {total}; die vollständige Liste enthält der Export (kam export).",
        "en": "Shown: {shown} of {total}; the export (kam export) has the full list.",
    },
    "retention.text.mark_note": {
        "de": "⚠ = Score ab {firm_score}, aber Aktiv-Wahrscheinlichkeit unter {p} (siehe Abschnitt 4).",
        "en": "⚠ = score {firm_score} or more, but probability of being active below {p} (see section 4).",
    },
    "retention.intro.risk": {
        "de": "Die Risikomatrix stellt die Bindung (Score) dem Wert des Kunden (ABC-Klasse nach Umsatz der "
        "letzten 12 Monate) gegenüber. Wichtig und schwach gebunden heißt: sofort handeln.",
        "en": "The risk matrix sets binding (score) against the customer's value (ABC class by revenue of the "
        "last 12 months). Important and weakly bound means: act now.",
    },
    "retention.text.risk": {
        "de": "Von {placed} Kunden mit Score stehen {act} im Feld „Sofort handeln“ ({act_share} des Gesamtumsatzes) "
        "und {secure} im Feld „Absichern“ ({secure_share}); {unplaced} Kunden haben keinen Score.",
        "en": "Of {placed} customers with a score, {act} are in “act now” ({act_share} of total revenue) and "
        "{secure} in “secure” ({secure_share}); {unplaced} customers have no score.",
    },
    "retention.intro.warnings": {
        "de": "Frühwarnungen kommen allein aus Umsätzen und Aktivitäten – jede mit ihrem Beleg in Zahlen. "
        "Die Liste ist nach gefährdetem Umsatz sortiert (Umsatz der letzten 12 Monate); die Maßnahme richtet "
        "sich nach dem schwächsten Bindungsfaktor.",
        "en": "Early warnings come from sales and activities alone – each with its evidence in numbers. The list "
        "is ranked by revenue at risk (revenue of the last 12 months); the measure follows the weakest "
        "binding factor.",
    },
    "retention.text.warnings": {
        "de": "{n} Kunden mit Umsatz tragen mindestens ein Signal, zusammen {revenue} Umsatz in 12 Monaten. "
        "Je Signal: {per_flag}.",
        "en": "{n} customers with revenue carry at least one signal, together {revenue} of revenue in 12 months. "
        "Per signal: {per_flag}.",
    },
    "retention.text.warnings.one": {
        "de": "Ein Kunde mit Umsatz trägt mindestens ein Signal ({revenue} Umsatz in 12 Monaten). Je Signal: {per_flag}.",
        "en": "One customer with revenue carries at least one signal ({revenue} of revenue in 12 months). "
        "Per signal: {per_flag}.",
    },
    "retention.text.warnings_shown": {
        "de": "Die Liste zeigt die {n} Kunden mit {min_signals} oder mehr Signalen ({revenue}); Kunden mit einem "
        "Signal stehen im Export.",
        "en": "The list shows the {n} customers with {min_signals} or more signals ({revenue}); customers with one "
        "signal are in the export.",
    },
    "retention.text.warnings_shown.one": {
        "de": "Die Liste zeigt den einen Kunden mit {min_signals} oder mehr Signalen ({revenue}); Kunden mit einem "
        "Signal stehen im Export.",
        "en": "The list shows the one customer with {min_signals} or more signals ({revenue}); customers with one "
        "signal are in the export.",
    },
    "retention.intro.model": {
        "de": "Als Zweitmeinung schätzt das BG/NBD-Modell (Fader, Hardie & Lee 2005) allein aus den Kauftagen, "
        "wie wahrscheinlich ein Kunde noch aktiv ist und wie viele Kauftage in den nächsten 52 Wochen zu "
        "erwarten sind. Wo Workshop und Kaufverhalten auseinanderliegen, lohnt der zweite Blick.",
        "en": "As a second opinion, the BG/NBD model (Fader, Hardie & Lee 2005) estimates from purchase days alone "
        "how likely a customer is still active and how many purchase days to expect in the next 52 weeks. "
        "Where workshop and purchase behaviour differ, a second look pays off.",
    },
    "retention.text.model": {
        "de": "Das Modell wurde an {n} Kunden mit Käufen geschätzt: ein aktiver Kunde kauft im Mittel an {rate} "
        "Tagen im Jahr, nach jedem Kauf wandern etwa {drop} ab. {low} Kunden haben eine "
        "Aktiv-Wahrscheinlichkeit unter {p}.",
        "en": "The model was fitted on {n} customers with purchases: an active customer buys on {rate} days a year "
        "on average, and about {drop} drop out after each purchase. {low} customers have a probability of "
        "being active below {p}.",
    },
    "retention.text.model_none": {
        "de": "Das BG/NBD-Modell zeigt hier keine Zahlen: {reason}",
        "en": "The BG/NBD model shows no numbers here: {reason}",
    },
    "retention.model.at_bound": {
        "de": "Die Schätzung endet am Rand des Suchbereichs ({params}). Das Modell beschreibt das Kaufverhalten "
        "dieser Kunden nicht (z. B. keine erkennbare Abwanderung oder sehr gleichförmige Kaufraten); seine "
        "Wahrscheinlichkeiten wären Scheingenauigkeit.",
        "en": "The estimate ends on the edge of the search range ({params}). The model does not describe these "
        "customers' buying (e.g. no visible dropout or very uniform purchase rates); its probabilities "
        "would be false precision.",
    },
    "retention.model.too_few_customers": {
        "de": "Zu wenige Kunden mit Käufen (mindestens 20) für eine Schätzung.",
        "en": "Too few customers with purchases (at least 20) for an estimate.",
    },
    "retention.model.no_repeat_purchases": {
        "de": "Kein Kunde hat an mehr als einem Tag gekauft; ohne Wiederholungskäufe ist nichts zu schätzen.",
        "en": "No customer bought on more than one day; without repeat purchases there is nothing to estimate.",
    },
    "retention.model.failed": {
        "de": "Die Schätzung ist fehlgeschlagen (keine endliche Likelihood).",
        "en": "The estimate failed (no finite likelihood).",
    },
    "retention.model.ok": {"de": "Das Modell passt.", "en": "The model fits."},
    "retention.text.disagree_row": {
        "de": "Score {score}, aber Aktiv-Wahrscheinlichkeit {p}",
        "en": "score {score}, but P(active) {p}",
    },
    "retention.intro.kpis": {
        "de": "Kundenbindungsrate: Anteil der Vorjahreskunden, die im Jahr wieder kauften; Wiederkaufrate: Anteil "
        "der Kunden des Jahres mit mindestens zwei Kauftagen; Umsatzbindung: Umsatz der Vorjahreskunden im Jahr "
        "geteilt durch ihren Vorjahresumsatz.",
        "en": "Customer retention: share of the previous year's customers who bought again in the year; repeat "
        "rate: share of the year's customers with at least two purchase days; revenue retention: the previous "
        "year's customers' revenue in the year divided by their revenue the year before.",
    },
    "retention.text.kpis": {
        "de": "{year}: Bindungsrate {rate} (Abwanderung {churn}), Wiederkaufrate {repeat}, Umsatzbindung {rev}.",
        "en": "{year}: retention {rate} (churn {churn}), repeat rate {repeat}, revenue retention {rev}.",
    },
    "retention.text.kpis_partial": {
        "de": "Umsatzbindung „–“: im laufenden Jahr (bis Stichtag) und wenn das Vorjahr das erste, unvollständige "
        "Datenjahr ist, wäre der Vergleich verzerrt.",
        "en": "Revenue retention “–”: in the current year (to date) and when the previous year is the first, incomplete "
        "year of the data, the comparison would be biased.",
    },
    "retention.text.kpis_up": {
        "de": "Die Bindungsrate ist gestiegen ({year}: {rate}).",
        "en": "Retention has risen ({year}: {rate}).",
    },
    "retention.text.kpis_down": {
        "de": "Die Bindungsrate ist gesunken ({year}: {rate}).",
        "en": "Retention has fallen ({year}: {rate}).",
    },
    "retention.text.kpis_flat": {
        "de": "Die Bindungsrate ist etwa gleich geblieben ({year}: {rate}).",
        "en": "Retention has stayed about the same ({year}: {rate}).",
    },
    "retention.text.kpis_none": {
        "de": "Für Jahreskennzahlen fehlt ein abgeschlossenes Vorjahr in den Umsätzen.",
        "en": "The sales do not yet cover a complete previous year for yearly KPIs.",
    },
    "retention.text.ytd": {"de": "bis Stichtag", "en": "year to date"},
    "retention.text.no_decisions": {
        "de": "Aus den Daten ergibt sich keine dringende Entscheidung.",
        "en": "The data call for no urgent decision.",
    },
    "retention.text.decisions_intro": {
        "de": "Nach Dringlichkeit geordnet; der Betrag ist der Umsatz der letzten 12 Monate der betroffenen Kunden.",
        "en": "Ranked by urgency; the amount is the revenue of the last 12 months of the customers concerned.",
    },
    "retention.text.weights_intro": {
        "de": "Gewichte aus client.yaml (retention.factors), auf 100 % normiert; Anzahl der Kunden mit "
        "Workshop-Bewertung bzw. Wert aus den Daten; Maßnahme, wenn der Faktor schwach ist.",
        "en": "Weights from client.yaml (retention.factors), normalised to 100 %; number of customers with a "
        "workshop rating or a value from the data; the measure when the factor is weak.",
    },
    # ------------------------------------------------------------------ missing inputs
    "retention.missing.ratings": {
        "de": "Keine Workshop-Bewertungen (ratings): der Score stützt sich nur auf Datenfaktoren; eine "
        "Bewertungsrunde ergänzt Vertrag, Technik, Beziehung und Zufriedenheit.",
        "en": "No workshop ratings (ratings): the score rests on data factors only; a rating round adds "
        "contract, technology, relationship and satisfaction.",
    },
    "retention.missing.contacts": {
        "de": "Keine Kontakte (contacts): die Breite der Beziehung fehlt, wo sie nicht bewertet ist.",
        "en": "No contacts (contacts): relationship breadth is missing where it is not rated.",
    },
    "retention.missing.activities": {
        "de": "Keine Aktivitäten (activities): das Frühwarnsignal „Reklamationen“ fehlt.",
        "en": "No activities (activities): the “complaints” early warning is missing.",
    },
    "retention.missing.product_group": {
        "de": "Keine Warengruppen in den Umsätzen: Sortimentsbreite und das Signal „Sortiment schrumpft“ fehlen.",
        "en": "No product groups in the sales: product breadth and the “breadth shrinking” signal are missing.",
    },
    # ------------------------------------------------------------------ columns
    "retention.col.decision": {"de": "Entscheidung", "en": "Decision"},
    "retention.col.impact": {"de": "Umsatz betroffen", "en": "Revenue concerned"},
    "retention.col.owner": {"de": "Verantwortlich", "en": "Owner"},
    "retention.col.timing": {"de": "Bis wann", "en": "When"},
    "retention.col.customer": {"de": "Kunde", "en": "Customer"},
    "retention.col.revenue": {"de": "Umsatz 12 M.", "en": "Revenue 12 m"},
    "retention.col.at_risk": {"de": "Umsatz in Gefahr", "en": "Revenue at risk"},
    "retention.col.abc": {"de": "ABC", "en": "ABC"},
    "retention.col.score": {"de": "Score", "en": "Score"},
    "retention.col.weak": {"de": "Schwache Faktoren", "en": "Weak factors"},
    "retention.col.p_alive": {"de": "P(aktiv)", "en": "P(active)"},
    "retention.col.expected": {"de": "Kauftage 52 W.", "en": "Purchase days 52 w"},
    "retention.col.quadrant": {"de": "Feld", "en": "Field"},
    "retention.col.customers": {"de": "Kunden", "en": "Customers"},
    "retention.col.revenue_share": {"de": "Umsatzanteil", "en": "Revenue share"},
    "retention.col.todo": {"de": "Was tun", "en": "What to do"},
    "retention.col.evidence": {"de": "Beleg", "en": "Evidence"},
    "retention.col.measure": {"de": "Maßnahme", "en": "Measure"},
    "retention.col.disagreement": {"de": "Widerspruch", "en": "Contradiction"},
    "retention.col.year": {"de": "Jahr", "en": "Year"},
    "retention.col.customers_prev": {"de": "Kunden Vorjahr", "en": "Customers prev. year"},
    "retention.col.retained": {"de": "Wieder gekauft", "en": "Bought again"},
    "retention.col.retention": {"de": "Bindungsrate", "en": "Retention"},
    "retention.col.churn": {"de": "Abwanderung", "en": "Churn"},
    "retention.col.repeat": {"de": "Wiederkaufrate", "en": "Repeat rate"},
    "retention.col.revenue_retention": {"de": "Umsatzbindung", "en": "Revenue retention"},
    "retention.col.factor": {"de": "Faktor", "en": "Factor"},
    "retention.col.weight": {"de": "Gewicht", "en": "Weight"},
    "retention.col.rated": {"de": "bewertet", "en": "rated"},
    "retention.col.from_data": {"de": "aus Daten", "en": "from data"},
    # ------------------------------------------------------------------ charts
    "retention.chart.risk_title": {
        "de": "Bindung und Umsatz der Kunden mit Score",
        "en": "Binding and revenue of the customers with a score",
    },
    "retention.chart.score": {"de": "Bindungsscore (0–100)", "en": "Binding score (0–100)"},
    "retention.chart.revenue": {
        "de": "Umsatz letzte 12 Monate (log. Skala)",
        "en": "Revenue last 12 months (log scale)",
    },
    "retention.chart.model_title": {
        "de": "Workshop-Score und Aktiv-Wahrscheinlichkeit",
        "en": "Workshop score and probability of being active",
    },
    "retention.chart.p_alive": {"de": "P(aktiv) laut BG/NBD", "en": "P(active) by BG/NBD"},
    "retention.chart.disagree_zone": {
        "de": "fest gebunden, aber kaum aktiv",
        "en": "firmly bound, but hardly active",
    },
    "retention.chart.kpi_title": {
        "de": "Kunden- und Umsatzbindung je Jahr",
        "en": "Customer and revenue retention per year",
    },
    "retention.chart.year": {"de": "Jahr", "en": "Year"},
    "retention.chart.rate": {"de": "Quote", "en": "Rate"},
    "retention.chart.factor_title": {
        "de": "Mittlere Bewertung je Faktor (A- und B-Kunden)",
        "en": "Average rating per factor (A and B customers)",
    },
    "retention.chart.rating": {"de": "Bewertung 1–5", "en": "Rating 1–5"},
    "retention.chart.factor": {"de": "Faktor", "en": "Factor"},
    # ------------------------------------------------------------------ method
    "retention.method.score": {
        "de": "Score: Bewertung 1 → 0, 5 → 100, gewichtet über die Faktoren mit Wert; ein Kunde erhält einen "
        "Score nur, wenn diese Faktoren mindestens {cover} des Gewichts tragen. Aus den Daten: Lieferanteil "
        "(Umsatz {window} / Potenzial; 1 + je 20 % eine Stufe, höchstens 5), Sortimentsbreite (gekaufte / "
        "insgesamt verkaufte Warengruppen, gleiche Stufen), Breite der Beziehung (Anzahl Kontakte, höchstens 5). "
        "Schwach ist ein Faktor mit Bewertung bis {weak}.",
        "en": "Score: rating 1 → 0, 5 → 100, weighted over the factors with a value; a customer gets a score "
        "only when those factors carry at least {cover} of the weight. From data: share of wallet (revenue "
        "{window} / potential; 1 plus one step per 20 %, at most 5), product breadth (product groups bought / "
        "groups sold to anyone, same steps), relationship breadth (number of contacts, at most 5). A factor "
        "rated {weak} or lower is weak.",
    },
    "retention.method.flags": {
        "de": "Frühwarnungen: Umsatz der letzten 6 Monate höchstens {ratio} der gleichen Monate im Vorjahr; "
        "Tage seit dem letzten Kauf über dem {factor}-Fachen des üblichen Abstands und über {days} Tagen "
        "(ab 3 Kauftagen); mindestens {drop} Warengruppen weniger als in den 12 Monaten davor; ab {complaints} "
        "Reklamationen im Jahr {year} oder mehr als im Jahr davor.",
        "en": "Early warnings: revenue of the last 6 months at most {ratio} of the same months a year earlier; "
        "days since the last purchase above {factor} times the usual gap and above {days} days (3 purchase days "
        "or more); at least {drop} product groups fewer than in the 12 months before; {complaints} or more "
        "complaints in {year}, or more than in the year before.",
    },
    "retention.method.matrix": {
        "de": "Risikomatrix: Score unter {split} = schwach gebunden; A- und B-Kunden (ABC nach Umsatz der letzten "
        "12 Monate, Grenzen wie im Kundenportfolio) = wichtig.",
        "en": "Risk matrix: score below {split} = weakly bound; A and B customers (ABC by revenue of the last 12 "
        "months, cut-offs as in the customer portfolio) = important.",
    },
    "retention.method.kpis": {
        "de": "Kennzahlen je Kalenderjahr; ein Kauf ist eine Rechnungszeile mit Nettoumsatz ≥ 0 (Gutschriften "
        "zählen nicht), ein Kauftag ein Tag mit mindestens einem Kauf. Das laufende Jahr ist bis zum Stichtag "
        "gerechnet.",
        "en": "KPIs per calendar year; a purchase is an invoice line with net revenue ≥ 0 (credit notes do not "
        "count), a purchase day a day with at least one purchase. The current year runs to the as-of date.",
    },
    "retention.method.bgnbd": {
        "de": "BG/NBD (Fader, Hardie & Lee 2005), Maximum-Likelihood auf allen Kauftagen bis {as_of}; Zeit in "
        "Wochen; Häufigkeit = Kauftage − 1, Recency = letzter − erster Kauftag, T = Stichtag − erster Kauftag. "
        "Je Kunde: Wahrscheinlichkeit, noch aktiv zu sein, und erwartete Kauftage in 52 Wochen (Gleichung 10 "
        "des Aufsatzes).",
        "en": "BG/NBD (Fader, Hardie & Lee 2005), maximum likelihood on all purchase days up to {as_of}; time in "
        "weeks; frequency = purchase days − 1, recency = last − first purchase day, T = as-of date − first "
        "purchase day. Per customer: probability of still being active and expected purchase days in 52 weeks "
        "(the paper's equation 10).",
    },
    "retention.method.params": {
        "de": "Geschätzte Parameter: r = {r}, α = {alpha}, a = {a}, b = {b}; Log-Likelihood {ll} bei {n} Kunden.",
        "en": "Fitted parameters: r = {r}, α = {alpha}, a = {a}, b = {b}; log-likelihood {ll} on {n} customers.",
    },
    "retention.method.refused": {
        "de": "{n} Bewertungen für den Lieferanteil wurden ignoriert: er kommt nur aus den Daten.",
        "en": "{n} ratings of share of wallet were ignored: it comes from the data only.",
    },
    # ------------------------------------------------------------------ export
    "retention.export.col.customer_id": {"de": "Kundennummer", "en": "Customer no."},
    "retention.export.col.name": {"de": "Kunde", "en": "Customer"},
    "retention.export.col.revenue": {"de": "Umsatz 12 Monate", "en": "Revenue 12 months"},
    "retention.export.col.stability_score": {"de": "Bindungsscore", "en": "Binding score"},
    "retention.export.col.flags": {"de": "Frühwarnungen", "en": "Early warnings"},
    "retention.export.col.risk_quadrant": {"de": "Risikofeld", "en": "Risk field"},
    "retention.export.col.bgnbd_frequency": {"de": "BG/NBD Häufigkeit", "en": "BG/NBD frequency"},
    "retention.export.col.bgnbd_recency_weeks": {
        "de": "BG/NBD Recency (Wochen)",
        "en": "BG/NBD recency (weeks)",
    },
    "retention.export.col.bgnbd_T_weeks": {"de": "BG/NBD T (Wochen)", "en": "BG/NBD T (weeks)"},
    "retention.export.col.p_alive": {"de": "P(aktiv)", "en": "P(alive)"},
    "retention.export.col.expected_purchases_52w": {
        "de": "Erwartete Kauftage 52 Wochen",
        "en": "Expected purchase days 52 weeks",
    },
    "retention.export.desc.customer_id": {
        "de": "Kundennummer aus den Stammdaten",
        "en": "Customer number from the master data",
    },
    "retention.export.desc.name": {"de": "Kundenname", "en": "Customer name"},
    "retention.export.desc.revenue": {
        "de": "Nettoumsatz der 12 Kalendermonate bis zum Stichtagsmonat",
        "en": "Net revenue of the 12 calendar months ending with the as-of month",
    },
    "retention.export.desc.stability_score": {
        "de": "Bindungsscore 0–100; leer, wenn zu wenige Faktoren einen Wert haben",
        "en": "Binding score 0–100; empty when too few factors have a value",
    },
    "retention.export.desc.flags": {
        "de": "Frühwarnungen, mit Semikolon getrennt: revenue_trend, order_gap, breadth_shrinking, complaints",
        "en": "Early warnings, semicolon-separated: revenue_trend, order_gap, breadth_shrinking, complaints",
    },
    "retention.export.desc.risk_quadrant": {
        "de": "act_now, secure, monitor, maintain; leer ohne Score",
        "en": "act_now, secure, monitor, maintain; empty without a score",
    },
    "retention.export.desc.bgnbd_frequency": {
        "de": "Kauftage bis zum Stichtag minus 1",
        "en": "Purchase days up to the as-of date minus 1",
    },
    "retention.export.desc.bgnbd_recency_weeks": {
        "de": "Wochen vom ersten bis zum letzten Kauftag",
        "en": "Weeks from the first to the last purchase day",
    },
    "retention.export.desc.bgnbd_T_weeks": {
        "de": "Wochen vom ersten Kauftag bis zum Stichtag",
        "en": "Weeks from the first purchase day to the as-of date",
    },
    "retention.export.desc.p_alive": {
        "de": "Wahrscheinlichkeit, noch aktiv zu sein (BG/NBD); leer, wenn das Modell nicht passt",
        "en": "Probability of still being active (BG/NBD); empty when the model does not fit",
    },
    "retention.export.desc.expected_purchases_52w": {
        "de": "Erwartete Kauftage in den nächsten 52 Wochen (BG/NBD); leer, wenn das Modell nicht passt",
        "en": "Expected purchase days in the next 52 weeks (BG/NBD); empty when the model does not fit",
    },
    # ------------------------------------------------------------------ workshop panel
    "retention.panel.title": {
        "de": "Kundenbindung – Workshop",
        "en": "Customer retention – workshop",
    },
    "retention.panel.factors": {
        "de": "Gewichte der Bindungsfaktoren",
        "en": "Weights of the binding factors",
    },
    "retention.panel.thresholds": {"de": "Schwellen", "en": "Thresholds"},
    "retention.panel.split": {
        "de": "Score-Grenze Risikomatrix",
        "en": "Score split of the risk matrix",
    },
    "retention.panel.weak": {"de": "Schwach bis Bewertung", "en": "Weak up to rating"},
    "retention.panel.firm": {"de": "Fest gebunden ab Score", "en": "Firmly bound from score"},
    "retention.panel.ratings": {
        "de": "Bewertung ausprobieren (nur Vorschau, nicht gespeichert)",
        "en": "Try a rating (preview only, not saved)",
    },
    "retention.panel.customer": {"de": "Kunde", "en": "Customer"},
    "retention.panel.counts": {"de": "Risikomatrix", "en": "Risk matrix"},
    "retention.panel.saved": {"de": "gespeichert", "en": "saved"},
    "retention.panel.now": {"de": "jetzt", "en": "now"},
    "retention.panel.top": {"de": "Wichtigste Kunden", "en": "Most important customers"},
}
