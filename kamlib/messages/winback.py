"""Texts of the win-back deliverable (``winback.*``), German and English."""

from __future__ import annotations


def _m(de: str, en: str) -> dict[str, str]:
    return {"de": de, "en": en}


MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ labels
    "winback.reason.price": _m("Preis", "Price"),
    "winback.reason.delivery": _m("Lieferung", "Delivery"),
    "winback.reason.service": _m("Service", "Service"),
    "winback.reason.quality": _m("Qualität", "Quality"),
    "winback.reason.contact": _m("Ansprechpartner/Kontakt", "Contact person"),
    "winback.reason.relocation": _m("Standortverlagerung", "Relocation"),
    "winback.reason.insolvency": _m("Insolvenz", "Insolvency"),
    "winback.reason.other": _m("Sonstiger Grund", "Other reason"),
    "winback.reason.unknown": _m("Kein Grund erfasst", "No reason recorded"),
    "winback.status.active": _m("aktiv", "active"),
    "winback.status.lost": _m("verloren", "lost"),
    "winback.status.never_bought": _m("nie gekauft", "never bought"),
    # suggested approach per reason (short) and its playbook
    "winback.approach.price_offer": _m(
        "Angebot mit neuer Preisstruktur", "Offer with a new price structure"
    ),
    "winback.approach.delivery_commitment": _m(
        "Liefertermine verbindlich zusagen", "Commit to delivery dates"
    ),
    "winback.approach.service_recovery": _m(
        "Service-Gespräch mit der Leitung", "Service review with management"
    ),
    "winback.approach.quality_proof": _m(
        "Qualitätsnachweis und Musterlieferung", "Quality evidence and a trial delivery"
    ),
    "winback.approach.new_contact": _m(
        "Neuen Ansprechpartner gewinnen", "Win a new contact person"
    ),
    "winback.approach.check_new_site": _m("Neuen Standort prüfen", "Check the new site"),
    "winback.approach.watch_successor": _m(
        "Nachfolgeunternehmen beobachten", "Watch for a successor company"
    ),
    "winback.approach.read_note": _m(
        "Notiz lesen, Grund klären", "Read the note, clarify the reason"
    ),
    "winback.approach.ask_reason": _m("Anrufen und Grund erfragen", "Call and ask for the reason"),
    "winback.playbook.price_offer": _m(
        "Nicht einfach den Preis senken: Gesamtkosten vergleichen (Lieferzeit, Qualität, "
        "Lagerhaltung) und ein Angebot mit Staffel- oder Rahmenpreis machen, das für beide Seiten "
        "trägt.",
        "Do not simply cut the price: compare total cost (lead time, quality, stock) and offer "
        "tiered or framework prices that work for both sides.",
    ),
    "winback.playbook.delivery_commitment": _m(
        "Zeigen, was sich in der Logistik geändert hat, und feste Liefertermine oder ein "
        "Konsignationslager anbieten; die ersten Aufträge eng begleiten.",
        "Show what has changed in logistics and offer firm delivery dates or a consignment stock; "
        "follow the first orders closely.",
    ),
    "winback.playbook.service_recovery": _m(
        "Die Geschäftsleitung oder Serviceleitung sucht das Gespräch, nennt die Verbesserungen "
        "und bietet einen festen Servicekontakt mit Reaktionszeit an.",
        "Management or the head of service asks for a meeting, names the improvements and offers "
        "a named service contact with a response time.",
    ),
    "winback.playbook.quality_proof": _m(
        "Ursachen und Abstellmaßnahmen offenlegen (8D), eine Musterlieferung mit Prüfprotokoll "
        "anbieten und die Reklamationsquote der letzten Monate zeigen.",
        "Disclose causes and corrective actions (8D), offer a trial delivery with an inspection "
        "report and show the complaint rate of recent months.",
    ),
    "winback.playbook.new_contact": _m(
        "Wer entscheidet heute? Einkauf und Technik neu kennenlernen, einen Termin vor Ort "
        "vereinbaren und den Kontakt im CRM mit Vertretung hinterlegen.",
        "Who decides today? Get to know purchasing and engineering again, meet on site and keep "
        "the contact and a deputy in the CRM.",
    ),
    "winback.playbook.check_new_site": _m(
        "Prüfen, ob der neue Standort beliefert werden kann (Partner, Lager); sonst den Kunden "
        "aus der Liste nehmen.",
        "Check whether the new site can be served (partner, warehouse); if not, drop the "
        "customer from the list.",
    ),
    "winback.playbook.watch_successor": _m(
        "Keine aktive Rückgewinnung; beobachten, ob ein Nachfolger das Geschäft weiterführt, "
        "und dann neu ansprechen.",
        "No active win-back; watch whether a successor continues the business and approach it "
        "then.",
    ),
    "winback.playbook.read_note": _m(
        "Die erfasste Notiz lesen, den Grund einer der festen Kategorien zuordnen und danach "
        "wie dort vorgehen.",
        "Read the recorded note, assign the reason to one of the fixed categories and follow "
        "that playbook.",
    ),
    "winback.playbook.ask_reason": _m(
        "Der Betreuer ruft an, fragt offen nach dem Grund und hält ihn fest; schon das Gespräch "
        "zeigt dem Kunden, dass er vermisst wird.",
        "The account manager calls, asks openly for the reason and records it; the call alone "
        "shows the customer that it is missed.",
    ),
    # ------------------------------------------------------------ headings (messages)
    "winback.h.summary_decisions": _m("Entscheidungen", "Decisions"),
    "winback.h.years": _m(
        "{n} Kunden mit {revenue} Umsatz seit Anfang {first} verloren",
        "{n} customers with {revenue} of revenue lost since the start of {first}",
    ),
    "winback.h.years.one": _m(
        "Ein Kunde mit {revenue} Umsatz seit Anfang {first} verloren",
        "One customer with {revenue} of revenue lost since the start of {first}",
    ),
    "winback.h.years.none": _m(
        "Seit Anfang {first} ist kein Kunde verloren gegangen",
        "No customer has been lost since the start of {first}",
    ),
    "winback.h.reasons": _m(
        "{reason} kostet am meisten Umsatz: {revenue} ({share})",
        "{reason} costs the most revenue: {revenue} ({share})",
    ),
    "winback.h.reasons_missing": _m(
        "Warum Kunden gehen, ist nicht erfasst", "Why customers leave is not recorded"
    ),
    "winback.h.priority": _m(
        "Die ersten {n} der Rückgewinnungsliste standen für {revenue} Jahresumsatz",
        "The top {n} of the win-back list stood for {revenue} of annual revenue",
    ),
    "winback.h.priority.one": _m(
        "Der erste Kunde der Rückgewinnungsliste stand für {revenue} Jahresumsatz",
        "The first customer of the win-back list stood for {revenue} of annual revenue",
    ),
    "winback.h.priority.none": _m(
        "Keine verlorenen Kunden der letzten 36 Monate", "No customers lost in the last 36 months"
    ),
    "winback.h.reasons_unknown": _m(
        "Der größte Block verlorenen Umsatzes hat keinen erfassten Grund: {revenue} ({share})",
        "The largest block of lost revenue has no recorded reason: {revenue} ({share})",
    ),
    "winback.h.playbook": _m("Vorgehen je Verlustgrund", "Approach per loss reason"),
    "winback.h.reactivations": _m(
        "{n} Kunden kamen zurück und brachten seither {revenue} Umsatz",
        "{n} customers came back and have brought {revenue} of revenue since their return",
    ),
    "winback.h.reactivations.one": _m(
        "Ein Kunde kam zurück und brachte seither {revenue} Umsatz",
        "One customer came back and has brought {revenue} of revenue since its return",
    ),
    "winback.h.reactivations.none": _m(
        "In den letzten drei Jahren kam kein verlorener Kunde zurück",
        "No lost customer came back in the last three years",
    ),
    "winback.h.appendix": _m(
        "Anhang: Methode und Datenqualität", "Appendix: method and data quality"
    ),
    # ------------------------------------------------------------ summary
    "winback.sum.lost": _m(
        "Seit Anfang {first} gingen {lost} Kunden verloren (davon {ytd} im laufenden Jahr bis "
        "{as_of}); sie hatten im Jahr vor ihrem letzten Kauf {revenue} Umsatz gebracht.",
        "Since the start of {first}, {lost} customers were lost ({ytd} of them in the current "
        "year up to {as_of}); in the year before their last purchase they brought {revenue} of "
        "revenue.",
    ),
    "winback.sum.rate": _m(
        "Die Verlustquote lag {year} bei {rate}: {lost} von {base} Kunden, die in den {months} "
        "Monaten davor gekauft hatten.",
        "The loss rate in {year} was {rate}: {lost} of the {base} customers who had bought in "
        "the {months} months before.",
    ),
    "winback.sum.reasons": _m(
        "Häufigster erfasster Grund ist {reason} ({count} Kunden); für {unknown} der Verluste "
        "({share}) ist gar kein Grund erfasst.",
        "The most frequent recorded reason is {reason} ({count} customers); for {unknown} of the "
        "losses ({share}) no reason is recorded at all.",
    ),
    "winback.sum.reasons_missing": _m(
        "Verlustgründe liegen nicht vor (Datei lost_reasons fehlt); damit bleibt offen, welche "
        "Verluste vermeidbar waren.",
        "No loss reasons are available (the lost_reasons file is missing), so it stays open "
        "which losses could have been avoided.",
    ),
    "winback.sum.priority": _m(
        "Die {n} Kunden oben auf der Rückgewinnungsliste hatten zusammen {revenue} Jahresumsatz; "
        "nach ihrer Rückgewinnungschance sind davon rund {expected} erreichbar.",
        "The {n} customers at the top of the win-back list had {revenue} of annual revenue "
        "together; weighted by their chance of winning them back, about {expected} is within reach.",
    ),
    # decisions: text, impact, owner, timing
    "winback.sum.priority.one": _m(
        "Der Kunde oben auf der Rückgewinnungsliste hatte {revenue} Jahresumsatz; nach seiner "
        "Rückgewinnungschance sind davon rund {expected} erreichbar.",
        "The customer at the top of the win-back list had {revenue} of annual revenue; weighted "
        "by the chance of winning it back, about {expected} is within reach.",
    ),
    "winback.dec.col.decision": _m("Entscheidung", "Decision"),
    "winback.dec.col.impact": _m("Wirkung", "Impact"),
    "winback.dec.col.owner": _m("Verantwortlich", "Owner"),
    "winback.dec.col.timing": _m("Bis wann", "When"),
    "winback.dec.campaign": _m(
        "Rückgewinnung der ersten {n} Kunden der Liste starten, mit dem Vorgehen je Grund",
        "Start winning back the top {n} customers of the list, with the approach per reason",
    ),
    "winback.dec.campaign.one": _m(
        "Rückgewinnung des einen Kunden der Liste starten, mit dem Vorgehen für seinen Grund",
        "Start winning back the one customer on the list, with the approach for its reason",
    ),
    "winback.dec.campaign.impact": _m(
        "{expected} erwarteter Umsatz/Jahr (von {revenue} früherem Umsatz × Chance)",
        "{expected} expected revenue/year ({revenue} former revenue × chance)",
    ),
    "winback.dec.record": _m(
        "Verlustgrund für jeden verlorenen Kunden erfassen ({n} ohne Grund)",
        "Record the loss reason for every lost customer ({n} without a reason)",
    ),
    "winback.dec.record.one": _m(
        "Verlustgrund für jeden verlorenen Kunden erfassen (einer ohne Grund)",
        "Record the loss reason for every lost customer (one without a reason)",
    ),
    "winback.dec.record_file": _m(
        "Verlustgründe in einer Datei lost_reasons erfassen ({n} verlorene Kunden)",
        "Record loss reasons in a lost_reasons file ({n} lost customers)",
    ),
    "winback.dec.record.impact": _m(
        "{revenue} verlorener Umsatz ohne bekannten Grund",
        "{revenue} of lost revenue without a known reason",
    ),
    "winback.dec.cause": _m(
        "Ursache „{reason}“ abstellen, bevor weitere Kunden gehen",
        "Fix the cause “{reason}” before more customers leave",
    ),
    "winback.dec.cause.impact": _m(
        "{revenue} verlorener Umsatz mit diesem Grund seit {first}",
        "{revenue} of lost revenue with this reason since {first}",
    ),
    "winback.dec.warning": _m(
        "Die {n} Kunden anrufen, die seit über {gap} Monaten nicht gekauft haben",
        "Call the {n} customers who have not bought for more than {gap} months",
    ),
    "winback.dec.warning.one": _m(
        "Den einen Kunden anrufen, der seit über {gap} Monaten nicht gekauft hat",
        "Call the one customer who has not bought for more than {gap} months",
    ),
    "winback.dec.warning.impact": _m(
        "{revenue} Umsatz der letzten 12 Monate, der sonst in drei Monaten als verloren zählt",
        "{revenue} of revenue in the last 12 months that will count as lost within three months",
    ),
    "winback.owner.sales_director": _m("Vertriebsleitung", "Sales director"),
    "winback.owner.account_managers": _m("Betreuer (Außendienst)", "Account managers"),
    "winback.owner.sales_ops": _m("Vertriebsinnendienst / CRM", "Sales operations / CRM"),
    "winback.owner.price": _m(
        "Vertriebsleitung mit Controlling", "Sales director with controlling"
    ),
    "winback.owner.delivery": _m("Leitung Logistik", "Head of logistics"),
    "winback.owner.service": _m("Leitung Service", "Head of service"),
    "winback.owner.quality": _m("Leitung Qualität", "Head of quality"),
    "winback.owner.contact": _m("Vertriebsleitung", "Sales director"),
    "winback.owner.relocation": _m("Vertriebsleitung", "Sales director"),
    "winback.owner.insolvency": _m("Kreditmanagement", "Credit management"),
    "winback.owner.other": _m("Vertriebsleitung", "Sales director"),
    "winback.timing.now": _m("diesen Monat", "this month"),
    "winback.timing.quarter": _m("nächste 3 Monate", "next 3 months"),
    "winback.timing.weeks": _m("in 4 Wochen", "within 4 weeks"),
    "winback.timing.half": _m("nächste 6 Monate", "next 6 months"),
    # ------------------------------------------------------------ KPIs
    "winback.kpi.lost": _m("Verlorene Kunden seit {first}", "Customers lost since {first}"),
    "winback.kpi.lost_revenue": _m("Verlorener Umsatz", "Lost revenue"),
    "winback.kpi.lost_revenue_note": _m("Jahr vor dem letzten Kauf", "year before last purchase"),
    "winback.kpi.rate": _m("Verlustquote {year}", "Loss rate {year}"),
    "winback.kpi.no_reason": _m("Verluste ohne Grund", "Losses without reason"),
    "winback.kpi.reactivated": _m("Zurückgewonnen seit {first}", "Won back since {first}"),
    "winback.kpi.lost_now": _m("Heute verloren (alle)", "Lost today (all)"),
    # ------------------------------------------------------------ years
    "winback.txt.years": _m(
        "Verloren ist ein Kunde, der mehr als {months} Monate nicht gekauft hat; gezählt wird er "
        "in dem Jahr, in dem diese Frist ablief. Die Verlustquote teilt die Verluste eines Jahres "
        "durch die Kunden, die in den {months} Monaten vor dem 1. Januar gekauft haben. {worst}",
        "A customer is lost after more than {months} months without a purchase; it is counted in "
        "the year in which that period ran out. The loss rate divides a year's losses by the "
        "customers who bought in the {months} months before 1 January. {worst}",
    ),
    "winback.txt.years_worst": _m(
        "Am höchsten war sie {year} mit {rate} ({lost} von {base} Kunden).",
        "It was highest in {year} at {rate} ({lost} of {base} customers).",
    ),
    "winback.txt.years_incomplete": _m(
        "Für {years} reichen die Daten nicht weit genug zurück, um die Quote zu berechnen (–).",
        "For {years} the data do not reach back far enough to compute the rate (–).",
    ),
    "winback.col.year": _m("Jahr", "Year"),
    "winback.col.lost": _m("Verlorene Kunden", "Lost customers"),
    "winback.col.lost_revenue": _m("Verlorener Umsatz", "Lost revenue"),
    "winback.col.base": _m("Kunden im Vorzeitraum", "Customers in base period"),
    "winback.col.loss_rate": _m("Verlustquote", "Loss rate"),
    "winback.col.reactivated": _m("Zurückgewonnen", "Won back"),
    "winback.col.revenue_since": _m("Umsatz seit Rückkehr", "Revenue since return"),
    "winback.caption.years": _m(
        "Verlorener Umsatz: Nettoumsatz (mit Gutschriften) der 12 Monate bis zum letzten Kauf.",
        "Lost revenue: net revenue (credit notes included) of the 12 months up to the last "
        "purchase.",
    ),
    # ------------------------------------------------------------ reasons
    "winback.txt.reasons": _m(
        "Grundlage sind die {n} Kunden, die seit Anfang {first} verloren gingen. Unter den "
        "erfassten Gründen führt nach Anzahl {top_count} ({count_share} der Fälle), nach Umsatz {top_revenue} "
        "({revenue_share} des verlorenen Umsatzes). Für {unknown} Kunden ({unknown_share}) ist kein "
        "Grund erfasst – das ist selbst ein Befund: Ohne Grund lässt sich weder die Ursache "
        "abstellen noch gezielt zurückgewinnen.",
        "The base is the {n} customers lost since the start of {first}. Among the recorded "
        "reasons, {top_count} leads by count ({count_share} of cases), by revenue {top_revenue} ({revenue_share} of the lost "
        "revenue). For {unknown} customers ({unknown_share}) no reason is recorded – a finding "
        "in itself: without a reason the cause cannot be fixed and the win-back cannot be aimed.",
    ),
    "winback.txt.reasons_missing": _m(
        "Es liegt keine Datei mit Verlustgründen vor. Alles andere in diesem Bericht gilt; es "
        "fehlt nur die Antwort auf die Frage, warum die Kunden gegangen sind, und damit die "
        "Gewichtung der Rückgewinnungsliste nach Grund (alle zählen mit der Chance für "
        "„unbekannt“, {unknown}). So erfassen Sie die Gründe: eine Datei lost_reasons.csv oder "
        ".xlsx im Kundenordner mit den Spalten customer_id, reason, lost_on und note; reason ist "
        "einer von price, delivery, service, quality, contact, relocation, insolvency (deutsche "
        "Begriffe wie Preis, Lieferzeit, Qualität werden erkannt). Die Vorlage erzeugt kam new.",
        "There is no file with loss reasons. Everything else in this report holds; only the "
        "answer to why customers left is missing, and with it the weighting of the win-back "
        "list by reason (all count with the chance for “unknown”, {unknown}). How to record "
        "them: a file lost_reasons.csv or .xlsx in the client folder with the columns "
        "customer_id, reason, lost_on and note; reason is one of price, delivery, service, "
        "quality, contact, relocation, insolvency. kam new writes a template.",
    ),
    "winback.txt.reasons_none_recorded": _m(
        "Für keinen der {n} verlorenen Kunden ist ein Grund erfasst.",
        "No reason is recorded for any of the {n} lost customers.",
    ),
    "winback.col.reason": _m("Grund", "Reason"),
    "winback.col.customers": _m("Kunden", "Customers"),
    "winback.col.customer_share": _m("Anteil Kunden", "Share of customers"),
    "winback.col.revenue_share": _m("Anteil Umsatz", "Share of revenue"),
    "winback.col.cum_revenue_share": _m("kumuliert", "cumulative"),
    "winback.col.winnability": _m("Chance", "Chance"),
    "winback.caption.reasons": _m(
        "Sortiert nach verlorenem Umsatz. Chance = Rückgewinnungschance je Grund (Einstellung "
        "winback.winnability).",
        "Sorted by lost revenue. Chance = chance of winning back per reason (setting "
        "winback.winnability).",
    ),
    # ------------------------------------------------------------ priority
    "winback.txt.priority": _m(
        "Die Liste enthält {n} Kunden, die in den letzten 36 Monaten verloren gingen. Priorität "
        "= früherer Wert (1–5 nach Quintil des verlorenen Umsatzes) × Rückgewinnungschance des "
        "Grundes × Aktualität (1 − Monate seit Verlust / 36). Gezeigt werden die ersten {shown}; "
        "die vollständige Liste enthält der Export ({command}).",
        "The list holds {n} customers lost in the last 36 months. Priority = former value (1–5 "
        "by quintile of lost revenue) × chance of the reason × recency (1 − months since lost / "
        "36). The first {shown} are shown; the export ({command}) has the full list.",
    ),
    "winback.col.total": _m("Summe", "Total"),
    "winback.col.reactivated_on": _m("Zurück seit", "Back since"),
    "winback.txt.card_facts": _m(
        "{n} Kunden auf der Liste · Chance {chance}", "{n} customers on the list · chance {chance}"
    ),
    "winback.txt.card_facts.one": _m(
        "Ein Kunde auf der Liste · Chance {chance}", "One customer on the list · chance {chance}"
    ),
    "winback.col.rank": _m("Rang", "Rank"),
    "winback.col.name": _m("Kunde", "Customer"),
    "winback.col.account_manager": _m("Betreuer", "Account manager"),
    "winback.col.lost_on": _m("Verloren seit", "Lost since"),
    "winback.col.priority": _m("Priorität", "Priority"),
    "winback.col.approach": _m("Vorgehen", "Approach"),
    "winback.col.former_revenue": _m("Früherer Umsatz", "Former revenue"),
    # ------------------------------------------------------------ reactivations
    "winback.txt.reactivations": _m(
        "Zurückgewonnen heißt: Der Kunde kaufte wieder, nachdem er mehr als {months} Monate "
        "nicht gekauft hatte. Umsatz seit Rückkehr zählt bis zum Stichtag. Diese Zahl ist der "
        "Maßstab für den Erfolg der Rückgewinnung.",
        "Won back means: the customer bought again after more than {months} months without a "
        "purchase. Revenue since the return counts up to the as-of date. This figure measures "
        "the success of the win-back.",
    ),
    # ------------------------------------------------------------ appendix
    "winback.method.purchase": _m(
        "Kauf: jede Rechnungsposition bis zum Stichtag mit Nettoumsatz ≥ 0 (auch eine "
        "Nullposition, z. B. Ersatzlieferung); eine Gutschrift ist kein Kauf.",
        "Purchase: every invoice line up to the as-of date with net revenue ≥ 0 (a zero-value "
        "line such as a replacement included); a credit note is not a purchase.",
    ),
    "winback.method.lost": _m(
        "Verloren: letzter Kauf vor dem {cutoff}, also mehr als {months} Kalendermonate vor dem "
        "Stichtag (genau {months} Monate zählen noch nicht). Verloren seit: letzter Kauf plus "
        "{months} Monate. Dieselbe Regel gilt in der Kundenstruktur.",
        "Lost: last purchase before {cutoff}, i.e. more than {months} calendar months before "
        "the as-of date (exactly {months} months does not count yet). Lost since: last purchase "
        "plus {months} months. The overview uses the same rule.",
    ),
    "winback.method.rate": _m(
        "Verlustquote eines Jahres: im Jahr verloren gegangene Kunden geteilt durch die Kunden mit "
        "einem Kauf in den {months} Monaten vor dem 1. Januar. Wer danach zurückkam, zählt nicht "
        "mehr als Verlust, sondern als zurückgewonnen.",
        "Loss rate of a year: customers who became lost in the year divided by the customers with "
        "a purchase in the {months} months before 1 January. A customer who came back later no "
        "longer counts as a loss but as won back.",
    ),
    "winback.method.revenue": _m(
        "Verlorener Umsatz: Nettoumsatz mit Gutschriften in den 12 Monaten bis zum letzten Kauf.",
        "Lost revenue: net revenue with credit notes in the 12 months up to the last purchase.",
    ),
    "winback.method.reasons": _m(
        "Gründe aus lost_reasons: je Kunde der jüngste Eintrag; das dort erfasste Verlustdatum "
        "wird gezeigt, bestimmt aber nicht den Status.",
        "Reasons from lost_reasons: the latest record per customer; the loss date recorded "
        "there is shown but does not decide the status.",
    ),
    "winback.note.unrecognised": _m(
        "{n} erfasste Gründe passen zu keiner Kategorie und zählen als „Sonstiger Grund“: {texts}.",
        "{n} recorded reasons match no category and count as “other reason”: {texts}.",
    ),
    "winback.note.not_lost": _m(
        "{n} Einträge in lost_reasons betreffen Kunden, die heute nicht als verloren gelten "
        "(sie kauften innerhalb der letzten {months} Monate); sie werden nicht gezählt.",
        "{n} records in lost_reasons concern customers that do not count as lost today (they "
        "bought within the last {months} months); they are not counted.",
    ),
    "winback.note.unknown_customers": _m(
        "{n} Einträge in lost_reasons nennen Kundennummern, die im Kundenstamm fehlen.",
        "{n} records in lost_reasons name customer ids missing from the customer master.",
    ),
    "winback.h.settings": _m("Einstellungen", "Settings"),
    "winback.settings.months": _m(
        "Verloren nach mehr als {months} Monaten ohne Kauf (winback.lost_after_months).",
        "Lost after more than {months} months without a purchase (winback.lost_after_months).",
    ),
    # ------------------------------------------------------------ charts
    "winback.chart.years_title": _m(
        "Verlorene Kunden und Verlustquote", "Lost customers and loss rate"
    ),
    "winback.chart.axis_year": _m("Jahr (verloren gegangen)", "Year (became lost)"),
    "winback.chart.axis_customers": _m("Kunden", "Customers"),
    "winback.chart.axis_revenue": _m("Verlorener Umsatz", "Lost revenue"),
    "winback.chart.rate_label": _m("Quote {rate}", "rate {rate}"),
    "winback.chart.pareto_title": _m("Verlustgründe nach Umsatz", "Loss reasons by revenue"),
    "winback.chart.pareto_count_title": _m("Verlustgründe nach Anzahl", "Loss reasons by count"),
    "winback.chart.axis_reason": _m("Grund", "Reason"),
    "winback.chart.cumulative": _m("kumulierter Anteil", "cumulative share"),
    # ------------------------------------------------------------ export
    "winback.export.col.customer_id": _m("Kundennummer", "Customer id"),
    "winback.export.col.name": _m("Kunde", "Customer"),
    "winback.export.col.status": _m("Status", "Status"),
    "winback.export.col.last_purchase": _m("Letzter Kauf", "Last purchase"),
    "winback.export.col.lost_on": _m("Verloren seit", "Lost since"),
    "winback.export.col.lost_revenue": _m("Verlorener Umsatz", "Lost revenue"),
    "winback.export.col.reason": _m("Verlustgrund", "Loss reason"),
    "winback.export.col.priority_score": _m("Priorität", "Priority"),
    "winback.export.col.reactivated_on": _m("Zurückgewonnen am", "Won back on"),
    "winback.export.desc.customer_id": _m(
        "Kundennummer aus dem Kundenstamm", "Id from the customer master"
    ),
    "winback.export.desc.name": _m("Name aus dem Kundenstamm", "Name from the customer master"),
    "winback.export.desc.status": _m(
        "active (aktiv) | lost (verloren) | never_bought (nie gekauft)",
        "active | lost | never_bought",
    ),
    "winback.export.desc.last_purchase": _m(
        "Letzter Tag mit einem Kauf (Nettoumsatz ≥ 0) bis zum Stichtag",
        "Last day with a purchase (net revenue ≥ 0) up to the as-of date",
    ),
    "winback.export.desc.lost_on": _m(
        "Letzter Kauf plus N Monate; leer, wenn nicht verloren",
        "Last purchase plus N months; empty unless lost",
    ),
    "winback.export.desc.lost_revenue": _m(
        "Nettoumsatz der 12 Monate bis zum letzten Kauf; leer, wenn nicht verloren",
        "Net revenue of the 12 months up to the last purchase; empty unless lost",
    ),
    "winback.export.desc.reason": _m(
        "Grund-Kennung; unknown = nichts erfasst; leer, wenn nicht verloren",
        "Reason id; unknown = nothing recorded; empty unless lost",
    ),
    "winback.export.desc.priority_score": _m(
        "Wert (1-5) × Chance × Aktualität; 0 bei Verlust vor mehr als 36 Monaten",
        "Value (1-5) × chance × recency; 0 when lost more than 36 months ago",
    ),
    "winback.export.desc.reactivated_on": _m(
        "Erster Kauf nach der letzten Lücke von mehr als N Monaten",
        "First purchase after the latest gap of more than N months",
    ),
    # ------------------------------------------------------------ workshop panel
    "winback.panel.months": _m("Verloren nach Monaten", "Lost after months"),
    "winback.panel.winnability": _m("Chance je Grund", "Chance per reason"),
    "winback.panel.title": _m(
        "Workshop: Verlustregel und Rückgewinnungschancen",
        "Workshop: lost rule and win-back chances",
    ),
    "winback.panel.counts_title": _m(
        "Kunden nach Status und Verluste je Jahr", "Customers by status and losses per year"
    ),
    "winback.panel.list_title": _m(
        "Rückgewinnungsliste ({n} Kunden)", "Win-back list ({n} customers)"
    ),
}

# ---------------------------------------------------------------- trainee tutorial
# (notebooks/tutorial/winback_tutorial.ipynb shows these with the `lang` parameter)
_ANSWER = {"de": "Antwort", "en": "Answer"}


def _q(de_q: str, de_a: str, en_q: str, en_a: str) -> dict[str, str]:
    """A question with its answer hidden in a collapsible block."""
    return {
        "de": f"> **Frage:** {de_q}\n\n<details><summary>{_ANSWER['de']}</summary>\n\n{de_a}\n\n</details>",
        "en": f"> **Question:** {en_q}\n\n<details><summary>{_ANSWER['en']}</summary>\n\n{en_a}\n\n</details>",
    }


MESSAGES.update(
    {
        "winback.tut.intro": _m(
            "# Tutorial: Rückgewinnung verlorener Kunden\n\n"
            "Sie lernen, wie aus Rechnungszeilen „verlorene Kunden“ werden, wie Verlustquote und "
            "verlorener Umsatz entstehen und wie die Rückgewinnungsliste gerechnet wird. Jeder "
            "Schritt wird am Demo-Mandanten sichtbar nachgerechnet und mit dem Ergebnis von "
            "`kamlib` verglichen. Zu jedem Schritt gibt es eine Frage; die Antwort ist "
            "eingeklappt – erst selbst überlegen.",
            "# Tutorial: winning back lost customers\n\n"
            "You learn how invoice lines turn into “lost customers”, how the loss rate and the "
            "lost revenue are built and how the win-back list is computed. Every step is "
            "recomputed visibly on the demo client and compared with the result of `kamlib`. "
            "Each step has a question; the answer is folded away – think first.",
        ),
        "winback.tut.step1": _m(
            "## Schritt 1: Was ist ein Kauf?\n\nEin Kauf ist jede Rechnungszeile bis zum Stichtag "
            "mit Nettoumsatz **≥ 0**. Auch eine Nullzeile (Ersatzlieferung, Muster) zeigt, dass "
            "der Kunde noch mit uns arbeitet; eine Gutschrift (negativ) dagegen nicht. Wir "
            "bestimmen den letzten Kauf je Kunde von Hand.",
            "## Step 1: what is a purchase?\n\nA purchase is every invoice line up to the as-of "
            "date with net revenue **≥ 0**. A zero-value line (replacement, sample) still shows "
            "that the customer works with us; a credit note (negative) does not. We find each "
            "customer's last purchase by hand.",
        ),
        "winback.tut.q1": _q(
            "Warum zählt eine Gutschrift nicht als Kauf?",
            "Eine Gutschrift korrigiert ein früheres Geschäft (Rücksendung, Reklamation). Zählte "
            "sie als Kauf, sähe ein Kunde, der gerade reklamiert und geht, noch aktiv aus.",
            "Why is a credit note not a purchase?",
            "A credit note corrects an earlier sale (return, complaint). If it counted, a "
            "customer who just complained and left would still look active.",
        ),
        "winback.tut.step2": _m(
            "## Schritt 2: Wer ist verloren?\n\nVerloren ist, wessen letzter Kauf **vor** dem "
            "Stichtag minus N Kalendermonaten liegt (Einstellung `winback.lost_after_months`). "
            "Genau N Monate reichen noch nicht. „Verloren seit“ ist letzter Kauf plus N Monate.",
            "## Step 2: who is lost?\n\nA customer is lost when its last purchase lies **before** "
            "the as-of date minus N calendar months (setting `winback.lost_after_months`). "
            "Exactly N months is not enough. “Lost since” is the last purchase plus N months.",
        ),
        "winback.tut.q2": _q(
            "Ein Kunde kauft einmal im Jahr, immer im Juni. Der Stichtag ist der 30.06. – ist er "
            "verloren, wenn der letzte Kauf am 30.06. des Vorjahres war?",
            "Nein: genau zwölf Monate sind noch nicht „mehr als zwölf“. Bei Jahreskunden lohnt "
            "sich ein N von 15 oder 18 Monaten; das ist eine Entscheidung für den Workshop.",
            "A customer buys once a year, always in June. The as-of date is 30 June – is it lost "
            "when the last purchase was on 30 June of the previous year?",
            "No: exactly twelve months is not “more than twelve”. For yearly buyers an N of 15 or "
            "18 months fits better; that is a decision for the workshop.",
        ),
        "winback.tut.step3": _m(
            "## Schritt 3: Verluste je Jahr und Verlustquote\n\nEin Verlust zählt in dem Jahr, in "
            "dem er eingetreten ist (letzter Kauf plus N Monate). Die Verlustquote eines Jahres "
            "teilt diese Zahl durch die Kunden, die in den N Monaten vor dem 1. Januar gekauft "
            "haben – das sind die Kunden, die man in dem Jahr hätte verlieren können.",
            "## Step 3: losses per year and the loss rate\n\nA loss counts in the year it "
            "happened (last purchase plus N months). The loss rate of a year divides that number "
            "by the customers who bought in the N months before 1 January – the customers that "
            "could be lost in that year.",
        ),
        "winback.tut.q3": _q(
            "Warum steht im laufenden Jahr eine kleinere Zahl als im Vorjahr, obwohl das "
            "Geschäft nicht besser läuft?",
            "Das laufende Jahr ist erst bis zum Stichtag gezählt; bis Jahresende kommen weitere "
            "Verluste hinzu. Deshalb ist es als „bis …“ beschriftet.",
            "Why does the current year show a smaller number than last year although business "
            "is not better?",
            "The current year is only counted up to the as-of date; more losses will follow "
            "before the year ends. That is why it is labelled “to …”.",
        ),
        "winback.tut.step4": _m(
            "## Schritt 4: Verlorener Umsatz\n\nDer Wert eines verlorenen Kunden ist sein "
            "Nettoumsatz (mit Gutschriften) in den 12 Monaten bis zum letzten Kauf. Wir rechnen "
            "ihn für den größten verlorenen Kunden nach.",
            "## Step 4: lost revenue\n\nThe value of a lost customer is its net revenue (credit "
            "notes included) in the 12 months up to its last purchase. We recompute it for the "
            "largest lost customer.",
        ),
        "winback.tut.step5": _m(
            "## Schritt 5: Gründe\n\nDie Gründe kommen aus `lost_reasons`. Die Pareto-Tabelle "
            "zeigt, welche Gründe wie viel Umsatz gekostet haben. „Kein Grund erfasst“ ist selbst "
            "ein Befund.",
            "## Step 5: reasons\n\nThe reasons come from `lost_reasons`. The Pareto table shows "
            "which reasons cost how much revenue. “No reason recorded” is a finding in itself.",
        ),
        "winback.tut.q5": _q(
            "Der Grund mit dem meisten verlorenen Umsatz betrifft nur wenige Kunden. Was folgt "
            "daraus für die Maßnahmen?",
            "Wenige große Verluste sprechen für gezielte Gespräche mit genau diesen Kunden und "
            "für eine Ursachenanalyse im betroffenen Bereich – nicht für eine breite Kampagne.",
            "The reason with the most lost revenue concerns only a few customers. What follows "
            "for the actions?",
            "A few large losses call for targeted talks with exactly those customers and a root "
            "cause analysis in the area concerned – not for a broad campaign.",
        ),
        "winback.tut.step6": _m(
            "## Schritt 6: Die Rückgewinnungsliste\n\nPriorität = Wert (1–5 nach Quintil des "
            "verlorenen Umsatzes unter den Verlusten der letzten 36 Monate) × Chance des Grundes "
            "× Aktualität (1 − Monate seit Verlust / 36, Monate = Tage / 30,4375). Wir rechnen "
            "den ersten Kunden der Liste nach.",
            "## Step 6: the win-back list\n\nPriority = value (1–5 by quintile of lost revenue "
            "among the losses of the last 36 months) × chance of the reason × recency (1 − months "
            "since lost / 36, months = days / 30.4375). We recompute the first customer of the "
            "list.",
        ),
        "winback.tut.q6": _q(
            "Warum steht ein insolventer Kunde nie oben auf der Liste, egal wie groß er war?",
            "Seine Chance ist 0 (Einstellung `winback.winnability.insolvency`), also ist das "
            "Produkt 0. Geht das Geschäft an einen Nachfolger über, ist das ein neuer Kunde.",
            "Why is an insolvent customer never at the top of the list, however large it was?",
            "Its chance is 0 (setting `winback.winnability.insolvency`), so the product is 0. If "
            "a successor takes over the business, that is a new customer.",
        ),
        "winback.tut.step7": _m(
            "## Schritt 7: Zurückgewonnene Kunden\n\nZurückgewonnen ist, wer nach einer Lücke von "
            "mehr als N Monaten wieder gekauft hat. Wir suchen die Lücken von Hand.",
            "## Step 7: customers won back\n\nWon back is a customer who bought again after a "
            "gap of more than N months. We look for the gaps by hand.",
        ),
        "winback.tut.exercise1": _m(
            "## Übung 1\n\nWie viele Kunden wären verloren, wenn N = 6 Monate wäre? Rechnen Sie es "
            "mit Ihrer Tabelle `last` aus Schritt 1 aus und tragen Sie das Ergebnis bei "
            "`antwort_1` ein. Die Prüfzelle vergleicht mit `kamlib`.",
            "## Exercise 1\n\nHow many customers would be lost with N = 6 months? Work it out "
            "with your table `last` from step 1 and put the result into `antwort_1`. The check "
            "cell compares it with `kamlib`.",
        ),
        "winback.tut.exercise2": _m(
            "## Übung 2\n\nWelche Priorität hätte der erste Kunde der Liste, wenn seine Chance "
            "nur halb so groß wäre? Tragen Sie den Wert bei `antwort_2` ein.",
            "## Exercise 2\n\nWhat priority would the first customer of the list have if its "
            "chance were only half as large? Put the value into `antwort_2`.",
        ),
        "winback.tut.done": _m(
            "**Geschafft.** Im Workshop stellen Sie N und die Chancen je Grund mit dem Panel im "
            "Bericht `notebooks/winback.ipynb` ein; gespeichert wird nur mit dem Knopf "
            "„Einstellungen speichern“.",
            "**Done.** In the workshop you set N and the chances per reason with the panel in "
            "the deliverable `notebooks/winback.ipynb`; only the “save settings” button saves "
            "them.",
        ),
    }
)
