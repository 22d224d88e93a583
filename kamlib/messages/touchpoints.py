"""Texts of the customer touchpoint module (deliverable, charts, export, workshop)."""

MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ categories
    "touchpoints.phase.awareness": {"de": "Aufmerksamkeit", "en": "Awareness"},
    "touchpoints.phase.evaluation": {"de": "Bewertung", "en": "Evaluation"},
    "touchpoints.phase.purchase": {"de": "Kauf", "en": "Purchase"},
    "touchpoints.phase.delivery": {"de": "Lieferung", "en": "Delivery"},
    "touchpoints.phase.use_service": {"de": "Nutzung/Service", "en": "Use/service"},
    "touchpoints.phase.loyalty": {"de": "Bindung", "en": "Loyalty"},
    "touchpoints.phase.none": {"de": "ohne Phase", "en": "no phase"},
    "touchpoints.channel.personal": {"de": "Persönlich", "en": "Personal"},
    "touchpoints.channel.digital": {"de": "Digital", "en": "Digital"},
    "touchpoints.channel.print": {"de": "Print", "en": "Print"},
    "touchpoints.channel.product": {"de": "Produkt", "en": "Product"},
    "touchpoints.channel.none": {"de": "ohne Kanal", "en": "no channel"},
    "touchpoints.quadrant.fix_first": {"de": "Zuerst verbessern", "en": "Fix first"},
    "touchpoints.quadrant.keep_up": {"de": "Niveau halten", "en": "Keep up"},
    "touchpoints.quadrant.possible_overkill": {
        "de": "Möglicher Overkill",
        "en": "Possible overkill",
    },
    "touchpoints.quadrant.low_priority": {"de": "Geringe Priorität", "en": "Low priority"},
    "touchpoints.direction.improved": {"de": "verbessert", "en": "improved"},
    "touchpoints.direction.unchanged": {"de": "unverändert", "en": "unchanged"},
    "touchpoints.direction.worse": {"de": "verschlechtert", "en": "worse"},
    "touchpoints.direction.none": {"de": "nicht vergleichbar", "en": "not comparable"},
    "touchpoints.coverage.no_touchpoints": {
        "de": "kein Kontaktpunkt",
        "en": "no touchpoint",
    },
    "touchpoints.coverage.all_fix_first": {
        "de": "alle Kontaktpunkte „zuerst verbessern“",
        "en": "every touchpoint is “fix first”",
    },
    "touchpoints.to_be_set": {"de": "festzulegen", "en": "to be set"},
    "touchpoints.field.owner": {"de": "Verantwortliche", "en": "owner"},
    "touchpoints.field.measure": {"de": "Maßnahme", "en": "measure"},
    "touchpoints.field.due": {"de": "Termin", "en": "due date"},
    "touchpoints.field.kpi": {"de": "Kennzahl", "en": "KPI"},
    "touchpoints.and": {"de": "und", "en": "and"},
    "touchpoints.more": {"de": "und {n} weitere", "en": "and {n} more"},
    # ------------------------------------------------------------------ headings
    "touchpoints.h.inventory": {
        "de": "{n} Kontaktpunkte in {covered} von {phases} Phasen der Customer Journey",
        "en": "{n} touchpoints across {covered} of {phases} customer-journey phases",
    },
    "touchpoints.h.inventory_gap": {
        "de": "{n} Kontaktpunkte – Lücke in der Phase {gaps}",
        "en": "{n} touchpoints – a gap in the {gaps} phase",
    },
    "touchpoints.h.inventory_gaps": {
        "de": "{n} Kontaktpunkte – Lücken in den Phasen {gaps}",
        "en": "{n} touchpoints – gaps in the phases {gaps}",
    },
    "touchpoints.h.matrix": {
        "de": "{n} Kontaktpunkte sind wichtig und schwach – {top} hat die höchste Priorität",
        "en": "{n} touchpoints matter and underperform – {top} has the highest priority",
    },
    "touchpoints.h.matrix.one": {
        "de": "Ein Kontaktpunkt ist wichtig und schwach: {top}",
        "en": "One touchpoint matters and underperforms: {top}",
    },
    "touchpoints.h.matrix_none": {
        "de": "Kein wichtiger Kontaktpunkt liegt unter der Schwelle {split}",
        "en": "No important touchpoint falls below the split of {split}",
    },
    "touchpoints.h.heatmap": {
        "de": "Die größte Lücke: {phase} × {channel} (Ø {gap} Punkte)",
        "en": "The largest gap: {phase} × {channel} (mean {gap} points)",
    },
    "touchpoints.h.heatmap_none": {
        "de": "Keine Lücke zwischen Ist und Soll",
        "en": "No gap between current and target",
    },
    "touchpoints.h.plan": {
        "de": "Maßnahmenplan: {n} Kontaktpunkte nach Priorität, bei {open} fehlen noch Angaben",
        "en": "Measure plan: {n} touchpoints by priority, {open} still lack details",
    },
    "touchpoints.h.plan.one": {
        "de": "Maßnahmenplan: ein Kontaktpunkt mit Lücke, bei {open} fehlen noch Angaben",
        "en": "Measure plan: one touchpoint with a gap, {open} still lacking details",
    },
    "touchpoints.h.plan_complete.one": {
        "de": "Maßnahmenplan: ein Kontaktpunkt mit Lücke, alle Angaben vollständig",
        "en": "Measure plan: one touchpoint with a gap, every detail filled in",
    },
    "touchpoints.h.plan_complete": {
        "de": "Maßnahmenplan: {n} Kontaktpunkte nach Priorität, alle Angaben vollständig",
        "en": "Measure plan: {n} touchpoints by priority, every detail filled in",
    },
    "touchpoints.h.plan_none": {
        "de": "Kein Kontaktpunkt braucht eine Maßnahme",
        "en": "No touchpoint needs a measure",
    },
    "touchpoints.h.deviation": {
        "de": "Seit {previous}: {improved} besser, {worse} schlechter, "
        "{reached} von {n} Zielen erreicht",
        "en": "Since {previous}: {improved} better, {worse} worse, {reached} of {n} targets met",
    },
    "touchpoints.h.deviation_none": {
        "de": "Abweichungsanalyse: erst eine Bewertungsrunde",
        "en": "Deviation analysis: only one rating round so far",
    },
    "touchpoints.h.priorities": {"de": "Prioritäten im Einzelnen", "en": "Priorities in detail"},
    "touchpoints.h.appendix": {
        "de": "Anhang: Datenqualität und Methode",
        "en": "Appendix: data quality and method",
    },
    # ------------------------------------------------------------------ KPI tiles
    "touchpoints.kpi.touchpoints": {"de": "Kontaktpunkte", "en": "Touchpoints"},
    "touchpoints.kpi.round": {"de": "Runde vom {date}", "en": "round of {date}"},
    "touchpoints.kpi.undated": {"de": "Runde ohne Datum", "en": "undated round"},
    "touchpoints.kpi.fix_first": {"de": "zuerst verbessern", "en": "fix first"},
    "touchpoints.kpi.mean_gap": {"de": "Ø Lücke Soll − Ist", "en": "mean gap target − current"},
    "touchpoints.kpi.scale": {"de": "Skala 1–5", "en": "scale 1–5"},
    "touchpoints.kpi.targets": {"de": "Ziele erreicht", "en": "targets met"},
    "touchpoints.kpi.of": {"de": "von {n}", "en": "of {n}"},
    "touchpoints.kpi.change": {"de": "besser / schlechter", "en": "better / worse"},
    "touchpoints.kpi.since": {"de": "seit {date}", "en": "since {date}"},
    # ------------------------------------------------------------------ summary
    "touchpoints.sum.status": {
        "de": "{n} Kontaktpunkte bewertet ({round}); {fix} davon sind für den Kunden "
        "wichtig und schneiden schwach ab („zuerst verbessern“).",
        "en": "{n} touchpoints rated ({round}); {fix} of them matter to the customer "
        "and perform poorly (“fix first”).",
    },
    "touchpoints.sum.status_one": {
        "de": "{n} Kontaktpunkte bewertet ({round}); einer davon ist für den Kunden "
        "wichtig und schneidet schwach ab („zuerst verbessern“).",
        "en": "{n} touchpoints rated ({round}); one of them matters to the customer "
        "and performs poorly (“fix first”).",
    },
    "touchpoints.sum.top": {
        "de": "Höchste Priorität hat {name}: Wichtigkeit {imp}, Ist {ist}, Soll {soll} – "
        "Priorität {prio} (Lücke × Wichtigkeit).",
        "en": "{name} has the highest priority: importance {imp}, current {ist}, target {soll} "
        "– priority {prio} (gap × importance).",
    },
    "touchpoints.sum.coverage": {
        "de": "Abdeckung der Customer Journey lückenhaft: {items}.",
        "en": "Customer-journey coverage falls short: {items}.",
    },
    "touchpoints.sum.deviation": {
        "de": "Gegenüber der Runde vom {previous} haben sich {improved} von {compared} "
        "Kontaktpunkten verbessert, {worse} verschlechtert und {same} nicht verändert; "
        "{reached} von {n} erreichen ihr Soll.",
        "en": "Compared with the round of {previous}, {improved} of {compared} touchpoints "
        "improved, {worse} got worse and {same} stayed the same; {reached} of {n} meet their "
        "target.",
    },
    "touchpoints.sum.one_round": {
        "de": "Bisher gibt es nur eine Bewertungsrunde; ob Maßnahmen wirken, zeigt erst die "
        "nächste.",
        "en": "There is only one rating round so far; the next one will show whether the "
        "measures work.",
    },
    "touchpoints.dec.title": {"de": "Entscheidung {n}", "en": "Decision {n}"},
    "touchpoints.dec.fix": {
        "de": "{name} von Ist {ist} auf Soll {soll} bringen{measure}",
        "en": "Lift {name} from current {ist} to target {soll}{measure}",
    },
    "touchpoints.dec.measure": {"de": " – geplant: {measure}", "en": " – planned: {measure}"},
    "touchpoints.dec.no_touchpoints": {
        "de": "Für die Phase {phase} mindestens einen Kontaktpunkt schaffen und bewerten",
        "en": "Create and rate at least one touchpoint for the {phase} phase",
    },
    "touchpoints.dec.no_touchpoints_many": {
        "de": "Für die Phasen {phase} je mindestens einen Kontaktpunkt schaffen und bewerten",
        "en": "Create and rate at least one touchpoint for each of the phases {phase}",
    },
    "touchpoints.dec.all_fix_first": {
        "de": "Die Phase {phase} neu aufstellen – jeder ihrer Kontaktpunkte ist wichtig und schwach",
        "en": "Rework the {phase} phase – every one of its touchpoints matters and underperforms",
    },
    "touchpoints.dec.worse": {
        "de": "Ursachen der Verschlechterung klären bei {names}",
        "en": "Find out why {names} got worse",
    },
    "touchpoints.dec.to_be_set": {
        "de": "Fehlende Angaben im Maßnahmenplan festlegen ({open} von {n} Maßnahmen)",
        "en": "Fill in the missing details of the measure plan ({open} of {n} measures)",
    },
    "touchpoints.dec.overkill": {
        "de": "Aufwand bei {names} prüfen – Ist über Soll bei geringer Wichtigkeit",
        "en": "Review the effort spent on {names} – above target although of low importance",
    },
    "touchpoints.dec.next_round": {
        "de": "Nächste Bewertungsrunde ansetzen, um die Wirkung der Maßnahmen zu messen",
        "en": "Schedule the next rating round to measure the effect of the measures",
    },
    "touchpoints.dec.impact": {
        "de": "erreicht Kunden mit {revenue} Umsatz (letzte 12 Monate)",
        "en": "reaches customers with {revenue} revenue (last 12 months)",
    },
    "touchpoints.dec.impact_unknown": {
        "de": "Umsatz des Segments {segment} aus den Daten nicht ableitbar",
        "en": "revenue of the {segment} segment cannot be derived from the data",
    },
    "touchpoints.dec.owner": {"de": "verantwortlich: {owner}", "en": "owner: {owner}"},
    "touchpoints.dec.due": {"de": "bis {date}", "en": "by {date}"},
    "touchpoints.dec.next": {
        "de": "bis zur nächsten Runde (etwa {date})",
        "en": "by the next round (around {date})",
    },
    "touchpoints.dec.workshop": {"de": "im nächsten Workshop", "en": "at the next workshop"},
    "touchpoints.role.sales_lead": {
        "de": "Vertriebsleitung",
        "en": "head of sales",
    },
    "touchpoints.role.kam_lead": {
        "de": "Leitung Key Account Management",
        "en": "head of key account management",
    },
    # ------------------------------------------------------------------ section texts
    "touchpoints.text.inventory": {
        "de": "Die Inventur zeigt, wo der Kunde dem Unternehmen begegnet: je Phase der Customer "
        "Journey und Kanal die Zahl der Kontaktpunkte und wer sie verantwortet. "
        "Am dichtesten besetzt ist die Phase {phase} mit {n} Kontaktpunkten.",
        "en": "The inventory shows where the customer meets the company: per journey phase and "
        "channel, the number of touchpoints and who owns them. The {phase} phase is the most "
        "densely covered, with {n} touchpoints.",
    },
    "touchpoints.text.coverage_ok": {
        "de": "Jede Phase hat mindestens einen Kontaktpunkt, und in keiner Phase sind alle "
        "Kontaktpunkte „zuerst verbessern“.",
        "en": "Every phase has at least one touchpoint, and in no phase is every touchpoint "
        "“fix first”.",
    },
    "touchpoints.text.coverage_gap": {
        "de": "Abdeckungslücken: {items}.",
        "en": "Coverage gaps: {items}.",
    },
    "touchpoints.text.matrix": {
        "de": "Jeder Punkt ist ein Kontaktpunkt (Nummer = Rang nach Priorität). Waagerecht die "
        "heutige Leistung (Ist), senkrecht die Wichtigkeit für den Kunden; die Linien liegen "
        "bei {split} (ein Wert genau auf der Linie zählt als hoch). Verteilung: {counts}.",
        "en": "Each point is a touchpoint (number = rank by priority). Across: today's "
        "performance (current), up: importance to the customer; the lines sit at {split} (a "
        "value exactly on the line counts as high). Distribution: {counts}.",
    },
    "touchpoints.text.heatmap": {
        "de": "Jede Zelle zeigt die mittlere Lücke Soll − Ist der Kontaktpunkte einer Phase in "
        "einem Kanal und ihre Zahl; leere Zellen haben keinen Kontaktpunkt. "
        "{cells} von {total} Kombinationen sind besetzt.",
        "en": "Each cell shows the mean gap target − current of a phase's touchpoints in one "
        "channel and how many there are; empty cells have no touchpoint. {cells} of {total} "
        "combinations are covered.",
    },
    "touchpoints.text.plan": {
        "de": "Die {n} Kontaktpunkte mit der höchsten Priorität (Lücke × Wichtigkeit, nur mit "
        "positiver Lücke). Verantwortliche, Maßnahme, Termin und Kennzahl stammen aus der "
        "Kontaktpunkt-Datei; wo sie fehlen, steht „festzulegen“ – der Workshop ergänzt sie.",
        "en": "The {n} touchpoints with the highest priority (gap × importance, positive gaps "
        "only). Owner, measure, due date and KPI come from the touchpoint file; where they are "
        "missing the plan says “to be set” – the workshop fills them in.",
    },
    "touchpoints.text.plan_more": {
        "de": "Weitere {n} Kontaktpunkte haben eine positive Lücke; der Export enthält alle.",
        "en": "{n} more touchpoints have a positive gap; the export lists all of them.",
    },
    "touchpoints.text.deviation": {
        "de": "Verglichen wird jeder Kontaktpunkt (Name und Segment) mit seiner letzten früheren "
        "Bewertung. Von {compared} vergleichbaren Kontaktpunkten haben sich {improved} "
        "verbessert und {worse} verschlechtert; der größte Sprung nach oben: {best}.",
        "en": "Each touchpoint (name and segment) is compared with its latest earlier rating. "
        "Of {compared} comparable touchpoints, {improved} improved and {worse} got worse; the "
        "largest step up: {best}.",
    },
    "touchpoints.text.deviation_worst": {
        "de": "Am stärksten verschlechtert: {worst}.",
        "en": "The largest drop: {worst}.",
    },
    "touchpoints.text.one_round": {
        "de": "Die Datei enthält eine Bewertungsrunde ({round}). Eine zweite Runde – im Workshop "
        "mit „Runde speichern“ angelegt – zeigt, welche Kontaktpunkte sich verbessert haben "
        "und welche Ziele erreicht sind.",
        "en": "The file holds one rating round ({round}). A second round – created in the "
        "workshop with “save round” – will show which touchpoints improved and which targets "
        "are met.",
    },
    "touchpoints.text.not_compared": {
        "de": "{n} Kontaktpunkte wurden zum ersten Mal bewertet und sind nicht vergleichbar.",
        "en": "{n} touchpoints were rated for the first time and cannot be compared.",
    },
    "touchpoints.text.not_compared.one": {
        "de": "Ein Kontaktpunkt wurde zum ersten Mal bewertet und ist nicht vergleichbar.",
        "en": "One touchpoint was rated for the first time and cannot be compared.",
    },
    "touchpoints.text.labels_capped": {
        "de": "Nummeriert sind die {n} Kontaktpunkte mit der höchsten Priorität; die übrigen "
        "erscheinen als graue Punkte.",
        "en": "The {n} touchpoints with the highest priority are numbered; the others appear as "
        "grey dots.",
    },
    "touchpoints.text.rows_capped": {
        "de": "Gezeigt sind die {n} Kontaktpunkte mit der größten Veränderung; der Export "
        "enthält alle.",
        "en": "Shown are the {n} touchpoints with the largest change; the export lists all.",
    },
    # ------------------------------------------------------------------ appendix
    "touchpoints.dq.rows": {
        "de": "Kontaktpunkt-Datei: {n} bewertete Kontaktpunkte in {rounds} Runde(n): {dates}.",
        "en": "Touchpoint file: {n} rated touchpoints in {rounds} round(s): {dates}.",
    },
    "touchpoints.dq.undated": {
        "de": "Zeilen ohne Datum bilden eine eigene Runde, die älter als jede datierte zählt.",
        "en": "Rows without a date form a round of their own that counts as older than every "
        "dated one.",
    },
    "touchpoints.dq.unknown_phases": {
        "de": "Unbekannte Phasen (unter ihrem Namen behalten): {names}.",
        "en": "Unknown phases (kept under their own name): {names}.",
    },
    "touchpoints.dq.unknown_channels": {
        "de": "Unbekannte Kanäle (unter ihrem Namen behalten): {names}.",
        "en": "Unknown channels (kept under their own name): {names}.",
    },
    "touchpoints.dq.merged": {
        "de": "{n} Zeilen mehrerer Bewerter zu einer Runde wurden gemittelt.",
        "en": "{n} rows from several raters in one round were averaged.",
    },
    "touchpoints.dq.no_plan_columns": {
        "de": "Die Datei hat keine Spalten für Maßnahme, Termin und Kennzahl; der Maßnahmenplan "
        "zeigt sie daher als „festzulegen“. Mit diesen Spalten (Maßnahme, Termin, Kennzahl) "
        "wird der Plan zur Arbeitsliste.",
        "en": "The file has no columns for measure, due date and KPI, so the measure plan shows "
        "them as “to be set”. With these columns (measure, due, kpi) the plan becomes a "
        "working list.",
    },
    "touchpoints.method.rating": {
        "de": "Bewertung: Je Kontaktpunkt schätzt das Team die Wichtigkeit für den Kunden, die "
        "heutige Leistung (Ist) und das Ziel (Soll) auf einer Skala von 1 bis 5. Maßgeblich ist "
        "die jüngste Runde, in der ein Kontaktpunkt bewertet wurde.",
        "en": "Rating: for each touchpoint the team rates the importance to the customer, "
        "today's performance (current) and the target on a scale of 1 to 5. The latest round "
        "that rated a touchpoint counts.",
    },
    "touchpoints.method.priority": {
        "de": "Lücke = Soll − Ist; Priorität = Lücke (nur wenn positiv) × Wichtigkeit. Eine "
        "Lücke von 2 bei Wichtigkeit 5 ergibt Priorität 10.",
        "en": "Gap = target − current; priority = gap (only when positive) × importance. A "
        "gap of 2 at importance 5 gives priority 10.",
    },
    "touchpoints.method.quadrants": {
        "de": "Quadranten an der Schwelle {split}: wichtig und schwach = zuerst verbessern; "
        "wichtig und stark = Niveau halten; weniger wichtig und stark = möglicher Overkill; "
        "weniger wichtig und schwach = geringe Priorität. Ein Wert auf der Schwelle zählt als "
        "hoch.",
        "en": "Quadrants at the split {split}: important and weak = fix first; important and "
        "strong = keep up; less important and strong = possible overkill; less important and "
        "weak = low priority. A value on the split counts as high.",
    },
    "touchpoints.method.coverage": {
        "de": "Abdeckungslücke: eine Phase ohne Kontaktpunkt oder eine Phase, deren "
        "Kontaktpunkte alle „zuerst verbessern“ sind.",
        "en": "Coverage gap: a phase without a touchpoint, or a phase whose touchpoints are all "
        "“fix first”.",
    },
    "touchpoints.method.deviation": {
        "de": "Abweichung: Kontaktpunkte werden über Name und Segment rundenübergreifend "
        "zugeordnet; Veränderung = Ist − Ist der letzten früheren Bewertung; Ziel erreicht, "
        "wenn Ist ≥ Soll.",
        "en": "Deviation: touchpoints are matched across rounds on name and segment; change = "
        "current − current of the latest earlier rating; target met when current ≥ target.",
    },
    "touchpoints.method.revenue": {
        "de": "Umsatzbezug der Entscheidungen: Nettoumsatz der letzten 12 Monate bis zum "
        "Stichtag aller Kunden (Segment „alle“) bzw. der als Key Account markierten Kunden "
        "(Segment „Key Accounts“); für andere Segmente wird kein Umsatz geschätzt.",
        "en": "Revenue behind the decisions: net revenue of the last 12 months up to the "
        "reference date of all customers (segment “all”) or of the customers flagged as key "
        "accounts (segment “key accounts”); no revenue is estimated for other segments.",
    },
    "touchpoints.method.settings": {
        "de": "Einstellungen (client.yaml, Abschnitt touchpoints): Schwelle {split}, "
        "Maßnahmenplan mit {top_n} Einträgen.",
        "en": "Settings (client.yaml, section touchpoints): split {split}, measure plan with "
        "{top_n} entries.",
    },
    # ------------------------------------------------------------------ table columns
    "touchpoints.col.rank": {"de": "Rang", "en": "Rank"},
    "touchpoints.col.touchpoint": {"de": "Kontaktpunkt", "en": "Touchpoint"},
    "touchpoints.col.phase": {"de": "Phase", "en": "Phase"},
    "touchpoints.col.channel": {"de": "Kanal", "en": "Channel"},
    "touchpoints.col.owner": {"de": "Verantwortlich", "en": "Owner"},
    "touchpoints.col.owners": {"de": "Verantwortliche", "en": "Owners"},
    "touchpoints.col.segment": {"de": "Segment", "en": "Segment"},
    "touchpoints.col.count": {"de": "Anzahl", "en": "Count"},
    "touchpoints.col.names": {"de": "Kontaktpunkte", "en": "Touchpoints"},
    "touchpoints.col.importance": {"de": "Wicht.", "en": "Imp."},
    "touchpoints.col.ist": {"de": "Ist", "en": "Cur."},
    "touchpoints.col.soll": {"de": "Soll", "en": "Tgt."},
    "touchpoints.col.gap": {"de": "Lücke", "en": "Gap"},
    "touchpoints.col.priority": {"de": "Prio.", "en": "Prio."},
    "touchpoints.col.quadrant": {"de": "Quadrant", "en": "Quadrant"},
    "touchpoints.col.measure": {"de": "Maßnahme", "en": "Measure"},
    "touchpoints.col.due": {"de": "Termin", "en": "Due"},
    "touchpoints.col.kpi": {"de": "Kennzahl", "en": "KPI"},
    "touchpoints.col.previous_ist": {"de": "Ist vorher", "en": "Cur. before"},
    "touchpoints.col.change": {"de": "Veränd.", "en": "Change"},
    "touchpoints.col.direction": {"de": "Richtung", "en": "Direction"},
    "touchpoints.col.target_reached": {"de": "Soll erreicht", "en": "Target met"},
    "touchpoints.col.coverage_gap": {"de": "Lücke", "en": "Gap"},
    # ------------------------------------------------------------------ charts
    "touchpoints.chart.matrix": {
        "de": "Wichtigkeit und Leistung je Kontaktpunkt",
        "en": "Importance and performance per touchpoint",
    },
    "touchpoints.chart.ist": {"de": "Leistung heute (Ist, 1–5)", "en": "Performance today (1–5)"},
    "touchpoints.chart.importance": {
        "de": "Wichtigkeit für den Kunden (1–5)",
        "en": "Importance to the customer (1–5)",
    },
    "touchpoints.chart.heatmap": {
        "de": "Mittlere Lücke Soll − Ist je Phase und Kanal",
        "en": "Mean gap target − current per phase and channel",
    },
    "touchpoints.chart.phase": {"de": "Phase der Customer Journey", "en": "Customer-journey phase"},
    "touchpoints.chart.channel": {"de": "Kanal", "en": "Channel"},
    "touchpoints.chart.cell": {"de": "Ø {gap}\n{n} KP", "en": "mean {gap}\n{n} TP"},
    "touchpoints.chart.gap_scale": {"de": "Ø Lücke (Punkte)", "en": "mean gap (points)"},
    "touchpoints.chart.deviation": {
        "de": "Ist vorher und heute je Kontaktpunkt",
        "en": "Current score before and now per touchpoint",
    },
    "touchpoints.chart.score": {"de": "Ist (1–5)", "en": "Current (1–5)"},
    "touchpoints.chart.before": {"de": "Runde {date}", "en": "round {date}"},
    "touchpoints.chart.target": {"de": "Soll", "en": "target"},
    # ------------------------------------------------------------------ export
    "touchpoints.export.col.touchpoint": {"de": "Kontaktpunkt", "en": "Touchpoint"},
    "touchpoints.export.desc.touchpoint": {
        "de": "Name des Kontaktpunkts wie in der Datei",
        "en": "name of the touchpoint as in the file",
    },
    "touchpoints.export.col.phase": {"de": "Phase", "en": "Phase"},
    "touchpoints.export.desc.phase": {
        "de": "Phase der Customer Journey (awareness, evaluation, purchase, delivery, "
        "use_service, loyalty; Unbekanntes wie geschrieben)",
        "en": "customer-journey phase (awareness, evaluation, purchase, delivery, use_service, "
        "loyalty; anything else as written)",
    },
    "touchpoints.export.col.channel": {"de": "Kanal", "en": "Channel"},
    "touchpoints.export.desc.channel": {
        "de": "Kanal (personal, digital, print, product; Unbekanntes wie geschrieben)",
        "en": "channel (personal, digital, print, product; anything else as written)",
    },
    "touchpoints.export.col.owner": {"de": "Verantwortlich", "en": "Owner"},
    "touchpoints.export.desc.owner": {
        "de": "verantwortliche Stelle laut Datei",
        "en": "owner according to the file",
    },
    "touchpoints.export.col.segment": {"de": "Segment", "en": "Segment"},
    "touchpoints.export.desc.segment": {
        "de": "Kundensegment, für das der Kontaktpunkt gilt",
        "en": "customer segment the touchpoint serves",
    },
    "touchpoints.export.col.importance": {"de": "Wichtigkeit", "en": "Importance"},
    "touchpoints.export.desc.importance": {
        "de": "Wichtigkeit für den Kunden 1–5 (jüngste Runde; Mittelwert bei mehreren Bewertern)",
        "en": "importance to the customer 1–5 (latest round; mean of several raters)",
    },
    "touchpoints.export.col.ist": {"de": "Ist", "en": "Current (Ist)"},
    "touchpoints.export.desc.ist": {
        "de": "heutige Leistung 1–5 (jüngste Runde)",
        "en": "today's performance 1–5 (latest round)",
    },
    "touchpoints.export.col.soll": {"de": "Soll", "en": "Target (Soll)"},
    "touchpoints.export.desc.soll": {
        "de": "Zielniveau 1–5 (jüngste Runde)",
        "en": "target level 1–5 (latest round)",
    },
    "touchpoints.export.col.gap": {"de": "Lücke", "en": "Gap"},
    "touchpoints.export.desc.gap": {"de": "Soll − Ist", "en": "target − current"},
    "touchpoints.export.col.priority": {"de": "Priorität", "en": "Priority"},
    "touchpoints.export.desc.priority": {
        "de": "max(Lücke, 0) × Wichtigkeit",
        "en": "max(gap, 0) × importance",
    },
    "touchpoints.export.col.quadrant": {"de": "Quadrant", "en": "Quadrant"},
    "touchpoints.export.desc.quadrant": {
        "de": "fix_first (zuerst verbessern), keep_up (halten), possible_overkill, low_priority",
        "en": "fix_first, keep_up, possible_overkill, low_priority",
    },
    "touchpoints.export.col.previous_ist": {"de": "Ist vorher", "en": "Previous current"},
    "touchpoints.export.desc.previous_ist": {
        "de": "Ist der letzten früheren Runde, leer ohne frühere Bewertung",
        "en": "current score of the latest earlier round, empty without one",
    },
    "touchpoints.export.col.change": {"de": "Veränderung", "en": "Change"},
    "touchpoints.export.desc.change": {
        "de": "Ist − Ist vorher (positiv = verbessert)",
        "en": "current − previous current (positive = improved)",
    },
    "touchpoints.export.col.measure": {"de": "Maßnahme", "en": "Measure"},
    "touchpoints.export.desc.measure": {
        "de": "geplante Maßnahme laut Datei",
        "en": "planned measure according to the file",
    },
    "touchpoints.export.col.due": {"de": "Termin", "en": "Due"},
    "touchpoints.export.desc.due": {"de": "Termin der Maßnahme", "en": "due date of the measure"},
    "touchpoints.export.col.kpi": {"de": "Kennzahl", "en": "KPI"},
    "touchpoints.export.desc.kpi": {
        "de": "Kennzahl, an der die Maßnahme gemessen wird",
        "en": "KPI the measure is measured by",
    },
    "touchpoints.export.written": {
        "de": "{rows} Kontaktpunkte nach {path} geschrieben.",
        "en": "Wrote {rows} touchpoints to {path}.",
    },
    # ------------------------------------------------------------------ save round
    "touchpoints.save.error.no_file": {
        "de": "Im Kundenordner gibt es keine Kontaktpunkt-Datei (touchpoints.csv oder .xlsx): "
        "{detail}",
        "en": "The client folder has no touchpoint file (touchpoints.csv or .xlsx): {detail}",
    },
    "touchpoints.save.error.two_files": {
        "de": "Es gibt mehrere Kontaktpunkt-Dateien; bitte nur eine behalten: {detail}",
        "en": "There are several touchpoint files; keep only one: {detail}",
    },
    "touchpoints.save.error.xls": {
        "de": "Alte .xls-Dateien können nicht ergänzt werden; bitte als .xlsx oder .csv "
        "speichern: {detail}",
        "en": "Old .xls files cannot be extended; save it as .xlsx or .csv: {detail}",
    },
    "touchpoints.save.error.outside": {
        "de": "Die Kontaktpunkt-Datei zeigt aus dem Kundenordner hinaus; nicht gespeichert: "
        "{detail}",
        "en": "The touchpoint file points outside the client folder; not saved: {detail}",
    },
    "touchpoints.save.error.unreadable": {
        "de": "Die Kontaktpunkt-Datei ist nicht lesbar: {detail}",
        "en": "The touchpoint file cannot be read: {detail}",
    },
    "touchpoints.save.error.no_header": {
        "de": "In der Kontaktpunkt-Datei fehlt die Kopfzeile (Kontaktpunkt, Phase, …): {detail}",
        "en": "The touchpoint file has no header row (touchpoint, phase, …): {detail}",
    },
    "touchpoints.save.error.bad_ratings": {
        "de": "Bewertungen unvollständig oder außerhalb 1–5; nicht gespeichert: {detail}",
        "en": "Ratings incomplete or outside 1–5; not saved: {detail}",
    },
    "touchpoints.save.error.round_exists": {
        "de": "Für dieses Datum gibt es schon eine Runde; bitte ein anderes Datum wählen: {detail}",
        "en": "A round with this date already exists; choose another date: {detail}",
    },
    "touchpoints.save.error.encoding": {
        "de": "Ein Zeichen passt nicht in die Zeichenkodierung der Datei: {detail}",
        "en": "A character does not fit the file's encoding: {detail}",
    },
    "touchpoints.save.error.os": {
        "de": "Nicht gespeichert, die Datei ist unverändert: {detail}",
        "en": "Not saved, the file is unchanged: {detail}",
    },
    "touchpoints.save.done": {
        "de": "Runde vom {date} gespeichert: {n} Kontaktpunkte in {path}; Sicherung: {backup}",
        "en": "Round of {date} saved: {n} touchpoints in {path}; backup: {backup}",
    },
    "touchpoints.save.button": {"de": "Runde speichern", "en": "Save round"},
    "touchpoints.save.date": {"de": "Datum der Runde", "en": "Round date"},
    "touchpoints.panel.title": {
        "de": "Workshop: Kontaktpunkte bewerten",
        "en": "Workshop: rate the touchpoints",
    },
    "touchpoints.panel.hint": {
        "de": "Wichtigkeit, Ist und Soll je Kontaktpunkt einstellen; die Auswertung rechnet "
        "sofort neu. Gespeichert wird nur mit „Runde speichern“ – als neue Runde, frühere "
        "bleiben erhalten.",
        "en": "Set importance, current and target per touchpoint; the analysis recomputes at "
        "once. Nothing is saved until “save round” – as a new round, earlier ones are kept.",
    },
    "touchpoints.panel.live": {
        "de": "{fix} zuerst verbessern · Ø Lücke {gap} · höchste Priorität: {top} ({prio})",
        "en": "{fix} fix first · mean gap {gap} · highest priority: {top} ({prio})",
    },
    "touchpoints.panel.unavailable": {
        "de": "Keine Kontaktpunkt-Datei – der Workshop braucht touchpoints.csv oder .xlsx.",
        "en": "No touchpoint file – the workshop needs touchpoints.csv or .xlsx.",
    },
    # ------------------------------------------------------------------ input template (kam new)
    "data.col.touchpoints.measure": {"de": "Maßnahme", "en": "Measure"},
    "data.help.touchpoints.measure": {
        "de": "optional; geplante Maßnahme",
        "en": "optional; planned measure",
    },
    "data.col.touchpoints.due": {"de": "Termin", "en": "Due"},
    "data.help.touchpoints.due": {
        "de": "optional; Termin der Maßnahme (Datum)",
        "en": "optional; due date of the measure",
    },
    "data.col.touchpoints.kpi": {"de": "Kennzahl", "en": "KPI"},
    "data.help.touchpoints.kpi": {
        "de": "optional; Kennzahl, an der die Maßnahme gemessen wird",
        "en": "optional; KPI the measure is measured by",
    },
    # ------------------------------------------------------------------ client.yaml comments
    "data.cfg.touchpoints.split": {
        "de": "Schwelle der Quadranten auf der Skala 1-5 (Wert auf der Schwelle zählt als hoch)",
        "en": "quadrant split on the 1-5 scale (a value on the split counts as high)",
    },
    "data.cfg.touchpoints.top_n": {
        "de": "Kontaktpunkte im Maßnahmenplan",
        "en": "touchpoints in the measure plan",
    },
}
