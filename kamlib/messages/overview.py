"""Texts of the customer base overview ("Kundenstruktur"): headings, labels, narrative.

Narrative templates take pre-formatted values (``{revenue}`` is already
``1,2 Mio. €`` / ``€1.2m``); :mod:`kamlib.narrative.overview` fills them in.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ headings
    "overview.h_kpis": {"de": "Kennzahlen auf einen Blick", "en": "Key figures at a glance"},
    "overview.h_yearly": {
        "de": "Umsatz und Deckungsbeitrag nach Jahren",
        "en": "Revenue and contribution margin by year",
    },
    "overview.h_monthly": {"de": "Umsatzverlauf nach Monaten", "en": "Revenue month by month"},
    "overview.h_industry": {"de": "Umsatz nach Branchen", "en": "Revenue by industry"},
    "overview.h_region": {"de": "Umsatz nach Regionen", "en": "Revenue by region"},
    "overview.h_top": {"de": "Die {n} größten Kunden", "en": "The {n} largest customers"},
    "overview.h_concentration": {"de": "Umsatzkonzentration", "en": "Revenue concentration"},
    "overview.h_flow": {"de": "Neue und verlorene Kunden", "en": "New and lost customers"},
    "overview.h_method": {"de": "So wurde gerechnet", "en": "How the figures were computed"},
    # ------------------------------------------------------------ KPI tiles
    "overview.kpi_revenue": {"de": "Umsatz (12 Monate)", "en": "Revenue (12 months)"},
    "overview.kpi_revenue_n": {"de": "Umsatz ({n} Monate)", "en": "Revenue ({n} months)"},
    "overview.kpi_margin_pct": {"de": "DB-Quote", "en": "Contribution margin"},
    "overview.kpi_customers": {"de": "Aktive Kunden", "en": "Active customers"},
    "overview.kpi_top20": {
        "de": "Umsatzanteil Top 20\u00a0% der Kunden",
        "en": "Revenue share, top 20% of customers",
    },
    "overview.kpi_flow": {"de": "Neu / verloren {year}", "en": "New / lost {year}"},
    "overview.kpi_vs_prev": {
        "de": "{growth} ggü. Vorjahreszeitraum",
        "en": "{growth} vs. prior period",
    },
    "overview.kpi_margin_abs": {"de": "DB {margin}", "en": "Margin {margin}"},
    "overview.kpi_of_master": {"de": "von {n} im Kundenstamm", "en": "of {n} in the master"},
    "overview.kpi_customers_count": {"de": "{n} Kunden", "en": "{n} customers"},
    "overview.kpi_net": {"de": "Saldo {net}", "en": "net {net}"},
    "overview.kpi_provisional": {"de": "Verluste vorläufig", "en": "losses provisional"},
    # ------------------------------------------------------------ categories and periods
    "overview.unknown_category": {"de": "ohne Angabe", "en": "not specified"},
    "overview.other_category": {"de": "Übrige", "en": "All others"},
    "overview.ytd_label": {"de": "{year} (bis {date})", "en": "{year} (to {date})"},
    "overview.ytd_short": {"de": "{year} lfd.", "en": "{year} YTD"},
    "overview.provisional_mark": {"de": "vorläufig", "en": "provisional"},
    # ------------------------------------------------------------ chart texts
    "overview.chart_yearly_title": {
        "de": "Umsatz und Deckungsbeitrag je Jahr",
        "en": "Revenue and contribution margin per year",
    },
    "overview.chart_monthly_title": {
        "de": "Monatsumsatz im Vergleich zum Vorjahr",
        "en": "Monthly revenue compared with the previous year",
    },
    "overview.chart_dim_title_industry": {
        "de": "Umsatz nach Branchen, {period}",
        "en": "Revenue by industry, {period}",
    },
    "overview.chart_dim_title_region": {
        "de": "Umsatz nach Regionen, {period}",
        "en": "Revenue by region, {period}",
    },
    "overview.chart_pareto_title": {
        "de": "Konzentrationskurve: Wie viele Kunden tragen den Umsatz?",
        "en": "Concentration curve: how many customers carry the revenue?",
    },
    "overview.chart_flow_title": {
        "de": "Neu gewonnene und verlorene Kunden je Jahr",
        "en": "Customers won and lost per year",
    },
    "overview.axis_revenue": {"de": "Umsatz", "en": "Revenue"},
    "overview.axis_amount": {"de": "Betrag", "en": "Amount"},
    "overview.axis_year": {"de": "Jahr", "en": "Year"},
    "overview.axis_month": {"de": "Monat", "en": "Month"},
    "overview.axis_customers": {"de": "Anzahl Kunden", "en": "Number of customers"},
    "overview.axis_customer_share": {
        "de": "Anteil der Kunden (nach Umsatz absteigend sortiert)",
        "en": "Share of customers (largest first)",
    },
    "overview.axis_revenue_share": {
        "de": "Kumulierter Umsatzanteil",
        "en": "Cumulative share of revenue",
    },
    "overview.legend_revenue": {"de": "Umsatz", "en": "Revenue"},
    "overview.legend_margin": {"de": "Deckungsbeitrag", "en": "Contribution margin"},
    "overview.legend_current": {"de": "Letzte 12 Monate", "en": "Last 12 months"},
    "overview.legend_current_n": {"de": "Letzte {n} Monate", "en": "Last {n} months"},
    "overview.legend_prev_year": {"de": "Vorjahresmonat", "en": "Same month previous year"},
    "overview.legend_pareto": {"de": "Tatsächliche Verteilung", "en": "Actual distribution"},
    "overview.legend_equal": {"de": "Gleichverteilung", "en": "Equal distribution"},
    "overview.legend_new": {"de": "Neukunden", "en": "New customers"},
    "overview.legend_lost": {"de": "Verlorene Kunden", "en": "Lost customers"},
    "overview.legend_active": {"de": "Aktive Kunden", "en": "Active customers"},
    "overview.annot_margin_pct": {"de": "DB {pct}", "en": "Margin {pct}"},
    "overview.annot_top": {
        "de": "Top {pct_customers} der Kunden: {pct_revenue}",
        "en": "Top {pct_customers} of customers: {pct_revenue}",
    },
    "overview.annot_provisional": {
        "de": "Verluste ab {date} noch vorläufig",
        "en": "losses after {date} still provisional",
    },
    "overview.no_data": {"de": "Keine Daten", "en": "No data"},
    # ------------------------------------------------------------ table headers
    "overview.col_rank": {"de": "Rang", "en": "Rank"},
    "overview.col_growth": {"de": "ggü. Vorjahr", "en": "vs. prior year"},
    "overview.col_growth_window": {"de": "ggü. Vorperiode", "en": "vs. prior period"},
    "overview.col_cum_share": {"de": "kumuliert", "en": "Cumulative"},
    "overview.col_active": {"de": "Aktive Kunden", "en": "Active customers"},
    "overview.col_new": {"de": "Neu", "en": "New"},
    "overview.col_lost": {"de": "Verloren", "en": "Lost"},
    "overview.col_net": {"de": "Saldo", "en": "Net"},
    "overview.caption_yearly": {
        "de": "Kalenderjahre; Gutschriften sind verrechnet. Das laufende Jahr wird mit "
        "demselben Zeitraum des Vorjahres verglichen ({prev_period}).",
        "en": "Calendar years, credit notes netted. The current year is compared with the "
        "same period of the previous year ({prev_period}).",
    },
    "overview.caption_yearly_full": {
        "de": "Kalenderjahre; Gutschriften sind verrechnet.",
        "en": "Calendar years, credit notes netted.",
    },
    "overview.caption_window": {
        "de": "{period}; Wachstum gegenüber {prev_period}.",
        "en": "{period}; growth compared with {prev_period}.",
    },
    "overview.caption_top": {
        "de": "{period}; Anteile am Umsatz aller Kunden mit positivem Umsatz. ✓ = als Key Account geführt.",
        "en": "{period}; shares of the revenue of all customers with positive revenue. "
        "✓ = managed as a key account.",
    },
    "overview.caption_flow": {
        "de": "Neu = erster Kauf im Jahr; verloren = letzter Kauf im Jahr und seitdem mehr als "
        "{months} Monate ohne Kauf. „vorläufig“: Kunden dieses Jahres können noch zurückkehren. "
        "„–“: Die Daten reichen nicht {months} Monate vor das Jahr zurück.",
        "en": "New = first purchase in the year; lost = last purchase in the year and no purchase "
        "for more than {months} months since. “provisional”: some of that year's customers may "
        "still return. “–”: the data do not reach back {months} months before the year.",
    },
    # ------------------------------------------------------------ executive summary
    "overview.sum_revenue": {
        "de": "In den letzten {months} Monaten ({period}) hat {client} mit {customers} aktiven "
        "Kunden {revenue} Umsatz erzielt – {trend}.",
        "en": "In the last {months} months ({period}) {client} made {revenue} of revenue with "
        "{customers} active customers – {trend}.",
    },
    "overview.sum_revenue_margin": {
        "de": "In den letzten {months} Monaten ({period}) hat {client} mit {customers} aktiven "
        "Kunden {revenue} Umsatz und {margin} Deckungsbeitrag ({margin_pct} vom Umsatz) "
        "erzielt – {trend}.",
        "en": "In the last {months} months ({period}) {client} made {revenue} of revenue and "
        "{margin} of contribution margin ({margin_pct} of revenue) with {customers} active "
        "customers – {trend}.",
    },
    "overview.trend_up": {
        "de": "{pct} mehr als in den {months} Monaten davor",
        "en": "{pct} more than in the {months} months before",
    },
    "overview.trend_down": {
        "de": "{pct} weniger als in den {months} Monaten davor",
        "en": "{pct} less than in the {months} months before",
    },
    "overview.trend_flat": {
        "de": "praktisch so viel wie in den {months} Monaten davor",
        "en": "practically the same as in the {months} months before",
    },
    "overview.trend_unknown": {
        "de": "ein Vergleich mit dem Vorjahreszeitraum ist mangels Daten nicht möglich",
        "en": "the data do not reach back far enough for a comparison with the year before",
    },
    "overview.sum_no_margin": {
        "de": "Die Daten enthalten keine Deckungsbeiträge; über die Ertragskraft der Kunden "
        "lässt sich daher noch nichts sagen.",
        "en": "The data contain no contribution margins, so nothing can be said yet about how "
        "profitable the customers are.",
    },
    "overview.sum_concentration": {
        "de": "Die größten 10\u00a0% der Kunden ({k10}) erzielen {s10} des Umsatzes, die größten "
        "20\u00a0% ({k20}) {s20}; {meaning}",
        "en": "The largest 10% of customers ({k10}) account for {s10} of revenue, the largest "
        "20% ({k20}) for {s20}; {meaning}",
    },
    "overview.meaning_strong": {
        "de": "das Geschäft hängt an wenigen Kunden, deren Verlust sofort spürbar wäre – sie "
        "brauchen eine systematische Key-Account-Betreuung.",
        "en": "the business rests on a few customers whose loss would be felt at once – they "
        "need systematic key-account management.",
    },
    "overview.meaning_moderate": {
        "de": "ein überschaubarer Kern von Kunden trägt das Geschäft und verdient die meiste "
        "Aufmerksamkeit des Vertriebs.",
        "en": "a manageable core of customers carries the business and deserves most of the "
        "sales team's attention.",
    },
    "overview.meaning_broad": {
        "de": "der Umsatz ist breit gestreut, die Betreuung muss daher effizient über viele "
        "Kunden organisiert werden.",
        "en": "revenue is spread widely, so customer care has to be organised efficiently "
        "across many accounts.",
    },
    "overview.sum_top_ka": {
        "de": "Größter Kunde ist {name} mit {share} des Umsatzes; von den {n} größten Kunden "
        "sind {ka} als Key Account eingestuft.",
        "en": "The largest customer is {name} with {share} of revenue; {ka} of the {n} largest "
        "customers are managed as key accounts.",
    },
    "overview.sum_top": {
        "de": "Größter Kunde ist {name} mit {share} des Umsatzes.",
        "en": "The largest customer is {name} with {share} of revenue.",
    },
    "overview.sum_dimensions": {
        "de": "Stärkste Branche ist {industry} mit {industry_share} des Umsatzes, stärkste "
        "Region {region} mit {region_share}.",
        "en": "The strongest industry is {industry} with {industry_share} of revenue, the "
        "strongest region {region} with {region_share}.",
    },
    "overview.sum_flow": {
        "de": "{year} kamen {new} neue Kunden hinzu, {lost} gingen verloren{provisional} – {meaning}",
        "en": "In {year} the company won {new} new customers and lost {lost}{provisional} – "
        "{meaning}",
    },
    "overview.sum_flow_provisional": {"de": " (Stand heute)", "en": " (so far)"},
    "overview.flow_growing": {
        "de": "unter dem Strich wächst die Kundenbasis um {net}.",
        "en": "on balance the customer base grows by {net}.",
    },
    "overview.flow_shrinking": {
        "de": "unter dem Strich schrumpft die Kundenbasis um {net}; Bindung und Rückgewinnung "
        "gehören auf die Agenda.",
        "en": "on balance the customer base shrinks by {net}; retention and win-back belong on "
        "the agenda.",
    },
    "overview.flow_balanced": {
        "de": "Zugänge und Abgänge halten sich die Waage.",
        "en": "gains and losses balance out.",
    },
    # ------------------------------------------------------------ section narratives
    "overview.txt_yearly": {
        "de": "Im Jahr {year} lag der Umsatz bei {revenue}{growth_clause}{margin_clause}.",
        "en": "In {year} revenue was {revenue}{growth_clause}{margin_clause}.",
    },
    "overview.txt_growth_clause": {
        "de": " ({growth} gegenüber {prev_year})",
        "en": " ({growth} on {prev_year})",
    },
    "overview.txt_margin_clause": {
        "de": ", die DB-Quote bei {margin_pct}",
        "en": " at a contribution margin of {margin_pct}",
    },
    "overview.txt_ytd": {
        "de": " Im laufenden Jahr wurden bis zum {date} {revenue} umgesetzt; das sind {growth} "
        "im Vergleich zum gleichen Zeitraum des Vorjahres ({prev_revenue}).",
        "en": " This year {revenue} was invoiced up to {date}, which is {growth} compared with "
        "the same period of last year ({prev_revenue}).",
    },
    "overview.txt_ytd_nocompare": {
        "de": " Im laufenden Jahr wurden bis zum {date} {revenue} umgesetzt.",
        "en": " This year {revenue} was invoiced up to {date}.",
    },
    "overview.txt_customers": {
        "de": " Die Zahl der aktiven Kunden ging von {first} ({first_year}) auf {last} ({last_year}) {direction}.",
        "en": " The number of active customers {direction} from {first} ({first_year}) to {last} ({last_year}).",
    },
    "overview.dir_up": {"de": "hoch", "en": "rose"},
    "overview.dir_down": {"de": "zurück", "en": "fell"},
    "overview.txt_customers_same": {
        "de": " Die Zahl der aktiven Kunden blieb mit {last} ({last_year}) gleich.",
        "en": " The number of active customers stayed at {last} ({last_year}).",
    },
    "overview.txt_monthly": {
        "de": "In {above} von {months} Monaten lag der Umsatz über dem Vorjahresmonat. "
        "Stärkster Monat war {best} mit {best_revenue}, schwächster {worst} mit "
        "{worst_revenue}. Schwankungen von Monat zu Monat sind im Projektgeschäft normal; "
        "aussagekräftig ist der Abstand zur Vorjahreslinie über mehrere Monate.",
        "en": "Revenue beat the same month of the previous year in {above} of {months} months. "
        "The strongest month was {best} with {best_revenue}, the weakest {worst} with "
        "{worst_revenue}. Month-to-month swings are normal in project business; what counts is "
        "the gap to the previous-year line over several months.",
    },
    "overview.txt_monthly_noprev": {
        "de": "Stärkster Monat war {best} mit {best_revenue}, schwächster {worst} mit "
        "{worst_revenue}. Für einen Vorjahresvergleich reichen die Daten noch nicht zurück.",
        "en": "The strongest month was {best} with {best_revenue}, the weakest {worst} with "
        "{worst_revenue}. The data do not yet reach back far enough for a comparison with the "
        "previous year.",
    },
    "overview.txt_dim_top3": {
        "de": "Die drei umsatzstärksten {dims} – {names} – stehen zusammen für {share} des Umsatzes.",
        "en": "The three largest {dims} – {names} – together account for {share} of revenue.",
    },
    "overview.txt_dim_top1": {
        "de": "{name} ist mit {share} des Umsatzes die umsatzstärkste {dim}.",
        "en": "{name} is the largest {dim} with {share} of revenue.",
    },
    "overview.txt_dim_movers": {
        "de": " Am stärksten gewachsen ist {up} ({up_growth}), am deutlichsten zurückgegangen "
        "{down} ({down_growth}).",
        "en": " {up} grew fastest ({up_growth}), {down} lost most ({down_growth}).",
    },
    "overview.txt_dim_margin": {
        "de": " Die DB-Quoten reichen von {low} ({low_name}) bis {high} ({high_name}).",
        "en": " Contribution margins range from {low} ({low_name}) to {high} ({high_name}).",
    },
    "overview.txt_dim_unknown": {
        "de": " Für {share} des Umsatzes fehlt die Angabe im Kundenstamm.",
        "en": " For {share} of revenue the customer master has no entry.",
    },
    "overview.dim_industry": {"de": "Branche", "en": "industry"},
    "overview.dim_industries": {"de": "Branchen", "en": "industries"},
    "overview.dim_region": {"de": "Region", "en": "region"},
    "overview.dim_regions": {"de": "Regionen", "en": "regions"},
    "overview.txt_top": {
        "de": "Die {n} größten Kunden stehen für {share} des Umsatzes der letzten {months} Monate.",
        "en": "The {n} largest customers account for {share} of revenue in the last {months} months.",
    },
    "overview.txt_top_ka": {
        "de": " {ka} von ihnen sind als Key Account geführt. Die übrigen {not_ka} sollten bei "
        "der Key-Account-Auswahl im Kundenportfolio geprüft werden: Umsatzgröße allein macht "
        "noch keinen Key Account, aber sie ist ein starkes Indiz.",
        "en": " {ka} of them are managed as key accounts. The other {not_ka} deserve a check in "
        "the key-account selection of the customer portfolio: size alone does not make a key "
        "account, but it is a strong hint.",
    },
    "overview.txt_top_ka_none": {
        "de": " Keiner von ihnen ist als Key Account geführt – die Liste ist ein guter "
        "Ausgangspunkt für die Key-Account-Auswahl im Kundenportfolio.",
        "en": " None of them is managed as a key account – the list is a good starting point "
        "for the key-account selection in the customer portfolio.",
    },
    "overview.txt_top_ka_all": {
        "de": " Alle von ihnen sind als Key Account geführt.",
        "en": " All of them are managed as key accounts.",
    },
    "overview.txt_top_margin": {
        "de": " Ihre DB-Quoten reichen von {low} bis {high}; große Kunden mit niedriger Quote "
        "sind ein Fall für Preis- und Konditionsgespräche.",
        "en": " Their contribution margins range from {low} to {high}; large customers with a "
        "low margin are a case for talks about prices and terms.",
    },
    "overview.txt_concentration": {
        "de": "Die Kurve zeigt, welcher Anteil des Umsatzes auf welchen Anteil der Kunden "
        "entfällt, beginnend mit dem größten. {k80} von {n} Kunden ({k80_share}) machen 80\u00a0% "
        "des Umsatzes aus. Rechnerisch entspricht die Verteilung {equivalent} gleich großen "
        "Kunden (Herfindahl-Index {hhi}). Je weiter die Kurve über der Diagonale liegt, desto "
        "stärker hängt das Geschäft an wenigen Kunden.",
        "en": "The curve shows which share of revenue comes from which share of customers, "
        "starting with the largest. {k80} of {n} customers ({k80_share}) make up 80% of "
        "revenue. Arithmetically the distribution equals {equivalent} customers of equal size "
        "(Herfindahl index {hhi}). The further the curve lies above the diagonal, the more the "
        "business depends on a few customers.",
    },
    "overview.txt_flow": {
        "de": "Über die gezeigten Jahre wurden insgesamt {new} Kunden neu gewonnen und {lost} "
        "verloren.",
        "en": "Across the years shown, {new} customers were won and {lost} lost in total.",
    },
    "overview.txt_flow_provisional": {
        "de": " Verluste zählen erst nach mehr als {months} Monaten ohne Kauf; für {years} sind die "
        "Zahlen daher vorläufig.",
        "en": " A customer only counts as lost after more than {months} months without a purchase, so "
        "the figures for {years} are provisional.",
    },
    "overview.txt_flow_hint": {
        "de": " Wer die verlorenen Kunden sind und ob sich eine Rückgewinnung lohnt, sollte "
        "als Nächstes geklärt werden – am besten mit den erfassten Verlustgründen.",
        "en": " Who the lost customers are and whether winning them back pays off is the "
        "next question to settle – ideally with the recorded reasons for each loss.",
    },
    "overview.and": {"de": "und", "en": "and"},
    # ------------------------------------------------------------ definitions
    "overview.method_items": {
        "de": "Umsatz ist der Nettoumsatz der Rechnungspositionen bis zum Stichtag; Gutschriften "
        "sind abgezogen.|"
        "Die DB-Quote bezieht den Deckungsbeitrag auf den Umsatz der Positionen, für die ein "
        "Deckungsbeitrag vorliegt ({coverage} des Umsatzes).|"
        "Aktiv ist ein Kunde in einem Zeitraum, wenn er darin mindestens einmal gekauft hat; "
        "eine Gutschrift allein zählt nicht als Kauf.|"
        "Aktueller Zeitraum: die {months} Kalendermonate bis einschließlich des Stichtagsmonats "
        "({period}); verglichen wird mit den {months} Monaten davor.|"
        "Das laufende Jahr wird mit demselben Zeitraum des Vorjahres verglichen (1. Januar bis "
        "zum gleichen Tag).|"
        "Top 10\u00a0% / 20\u00a0%: die kleinste ganze Zahl von Kunden, die mindestens 10\u00a0% bzw. 20\u00a0% "
        "aller Kunden mit Umsatz ausmacht.|"
        "Neukunde: erster Kauf in den Daten fällt in das Jahr. Verlorener Kunde: letzter Kauf "
        "fällt in das Jahr und liegt mindestens {lost_months} Monate vor dem Stichtag "
        "(also am oder vor dem {lost_cutoff}). Neukunden werden nur für Jahre gezählt, vor deren "
        "Beginn die Daten mindestens {lost_months} Monate zurückreichen – sonst sähe ein "
        "zurückkehrender Kunde wie ein neuer aus.",
        "en": "Revenue is the net revenue of the invoice lines up to the as-of date, with "
        "credit notes deducted.|"
        "Contribution margin % relates the margin to the revenue of those lines that carry a "
        "margin ({coverage} of revenue).|"
        "A customer is active in a period if it bought at least once in it; a credit note alone "
        "is not a purchase.|"
        "Current period: the {months} calendar months up to and including the as-of month "
        "({period}), compared with the {months} months before.|"
        "The current year is compared with the same period of the previous year (1 January to "
        "the same day).|"
        "Top 10% / 20%: the smallest whole number of customers that is at least 10% or "
        "20% of all customers with revenue.|"
        "New customer: the first purchase in the data falls in the year. Lost customer: the "
        "last purchase falls in the year and lies at least {lost_months} months before the "
        "as-of date (on or before {lost_cutoff}). New customers are only counted for years "
        "with at least {lost_months} months of data before them – otherwise a returning "
        "customer would look new.",
    },
}
