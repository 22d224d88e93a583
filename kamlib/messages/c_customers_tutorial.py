"""Texts of the C-customer trainee tutorial (``notebooks/tutorial/c_customers_tutorial.ipynb``).

Keys ``c_customers.tut.*``; Markdown, shown by the tutorial in its ``lang``.
Questions carry their answer in a collapsed ``<details>`` block.
"""


def _q(de_q: str, de_a: str, en_q: str, en_a: str) -> dict[str, str]:
    """A question with a hidden answer, in both languages."""
    return {
        "de": f"> **Frage:** {de_q}\n\n<details><summary>Antwort anzeigen</summary>\n\n{de_a}\n\n</details>",
        "en": f"> **Question:** {en_q}\n\n<details><summary>Show answer</summary>\n\n{en_a}\n\n</details>",
    }


MESSAGES: dict[str, dict[str, str]] = {
    "c_customers.tut.intro": {
        "de": "# Tutorial: C-Kunden-Management Schritt für Schritt\n\n"
        "Viele kleine Kunden bringen wenig Umsatz, kosten aber Besuche, Anrufe, Aufträge und "
        "Lieferungen. Dieses Notebook rechnet auf dem Demo-Kunden nach, **wer die C-Kunden sind, "
        "was ihre Betreuung kostet, was sie wirklich verdienen**, welche von ihnen die Key "
        "Accounts von morgen sind, welcher Vertriebsweg zu ihnen passt und was ein "
        "Mindestauftragswert bringt.\n\n"
        "**So arbeiten Sie:** Zellen der Reihe nach ausführen. Nach jedem Schritt steht eine "
        "Frage – erst selbst antworten, dann die Antwort aufklappen. Die Übungen enden mit einer "
        "`assert`-Zelle: Läuft sie ohne Fehler, stimmt Ihre Rechnung mit `kamlib` überein.",
        "en": "# Tutorial: C-customer management step by step\n\n"
        "Many small customers bring little revenue but cost visits, calls, orders and "
        "deliveries. This notebook recomputes on the demo client **who the C customers are, "
        "what serving them costs and what they really earn**, which of them are tomorrow's key "
        "accounts, which sales channel suits them and what a minimum order value brings.\n\n"
        "**How to work:** run the cells in order. After each step there is a question: answer "
        "it yourself first, then open the answer. Exercises end with an `assert` cell: when it "
        "runs without an error, your computation agrees with `kamlib`.",
    },
    "c_customers.tut.step1": {
        "de": "## Schritt 1: Wer sind die C-Kunden?\n\n"
        "C-Kunden sind die Kunden der ABC-Klasse C im Portfolio-Fenster (12 Monate bis zum "
        "Stichtag) – mit genau den Regeln des Kundenportfolios. Unten: Anzahl und Anteile. "
        "**Übung:** Rechnen Sie den Anteil der C-Kunden an allen Kunden des Stamms selbst aus.",
        "en": "## Step 1: Who are the C customers?\n\n"
        "C customers are the customers of ABC class C in the portfolio window (12 months up to "
        "the as-of date), with exactly the rules of the customer portfolio. Below: count and "
        "shares. **Exercise:** compute the share of C customers among all master customers "
        "yourself.",
    },
    "c_customers.tut.q1": _q(
        "Die C-Kunden sind über die Hälfte der Kunden, bringen aber nur rund 5 % des "
        "Umsatzes. Ist das ein Problem?",
        "Nicht an sich – so sieht fast jede Kundenbasis aus. Zum Problem wird es, wenn die "
        "C-Kunden genauso betreut werden wie A-Kunden: Dann kostet die Betreuung mehr, als "
        "ihr Deckungsbeitrag einbringt. Genau das prüfen die nächsten Schritte.",
        "The C customers are more than half of the customers but bring only about 5 % of "
        "revenue. Is that a problem?",
        "Not in itself; almost every customer base looks like this. It becomes one when C "
        "customers are served like A customers: then serving them costs more than their margin "
        "brings in. The next steps check exactly that.",
    ),
    "c_customers.tut.step2": {
        "de": "## Schritt 2: Betreuungskosten von Hand\n\n"
        "Betreuungskosten = Σ Anzahl × Stückkosten über die Treiber Besuche, Anrufe, Aufträge, "
        "Lieferungen, Reklamationen, Retouren und Angebote, jeweils im Ergebnisjahr (dem "
        "letzten vollen Kalenderjahr). **Übung:** Rechnen Sie die Kosten des C-Kunden mit den "
        "meisten Besuchen nach.",
        "en": "## Step 2: Cost to serve by hand\n\n"
        "Cost to serve = Σ count × unit cost over the drivers visits, calls, orders, "
        "deliveries, complaints, returns and quotes, each in the profitability year (the last "
        "complete calendar year). **Exercise:** recompute the cost of the C customer with the "
        "most visits.",
    },
    "c_customers.tut.step2b": {
        "de": "**Abgeleitete Aufträge.** Fehlt für einen Kunden die Auftragszahl, zählt `kamlib` "
        "die Rechnungen des Ergebnisjahres mit positivem Betrag. **Übung:** Zählen Sie diese "
        "Rechnungen für einen solchen Kunden selbst.",
        "en": "**Derived orders.** Where a customer's order count is missing, `kamlib` counts "
        "the invoices of the profitability year with a positive total. **Exercise:** count "
        "these invoices yourself for such a customer.",
    },
    "c_customers.tut.q2": _q(
        "Welcher Treiber macht bei den C-Kunden des Demo-Kunden die meisten Kosten aus – und "
        "warum ist das für die Wahl des Vertriebswegs wichtig?",
        "Schauen Sie auf die Summen je Treiber in der Tabelle. Sind es Besuche, ist der "
        "Außendienst der Kostentreiber (Innendienst oder Händler helfen); sind es Aufträge und "
        "Lieferungen, sind es viele Kleinaufträge (Webshop/EDI oder ein Mindestauftragswert "
        "helfen).",
        "Which driver accounts for most of the C customers' cost at the demo client, and why "
        "does that matter for the choice of channel?",
        "Look at the totals per driver in the table. If it is visits, field sales drives the "
        "cost (inside sales or a distributor help); if it is orders and deliveries, it is many "
        "small orders (webshop/EDI or a minimum order value help).",
    ),
    "c_customers.tut.step3": {
        "de": "## Schritt 3: Kundenergebnis und Whale-Kurve\n\n"
        "Kundenergebnis = Deckungsbeitrag − Betreuungskosten. Sortiert man die Kunden nach "
        "Ergebnis und summiert auf, steigt die Kurve zuerst über 100 % des Gesamtergebnisses "
        "und fällt dann: Die Kunden am Ende vernichten Gewinn. **Übung:** Bestimmen Sie den "
        "Gipfel der Kurve selbst.",
        "en": "## Step 3: Customer profit and the whale curve\n\n"
        "Customer profit = contribution margin − cost to serve. Ranking customers by profit and "
        "adding up, the curve first rises above 100 % of the total profit and then falls: the "
        "customers at the end destroy profit. **Exercise:** find the peak of the curve "
        "yourself.",
    },
    "c_customers.tut.q3": _q(
        "Der Gipfel liegt über 100 %. Was würde mit dem Gesamtergebnis passieren, wenn man "
        "alle Verlustbringer einfach aufgäbe?",
        "Rechnerisch stiege es auf den Gipfelwert. Praktisch nicht ganz: Ein Teil der "
        "Betreuungskosten (Außendienst, Logistik) ist fix und fällt nicht sofort weg, und "
        "manche Verlustbringer sind Wachstumskandidaten. Deshalb empfiehlt das Modul andere "
        "Vertriebswege und Konditionen statt Kündigung.",
        "The peak is above 100 %. What would happen to the total profit if all loss-makers "
        "were simply dropped?",
        "On paper it would rise to the peak. In practice not quite: part of the cost to serve "
        "(field force, logistics) is fixed and does not disappear at once, and some "
        "loss-makers are growth candidates. That is why the module recommends other channels "
        "and terms rather than dropping customers.",
    ),
    "c_customers.tut.step4": {
        "de": "## Schritt 4: Vom Umsatz zum Ergebnis je ABC-Klasse\n\n"
        "Der Wasserfall summiert Umsatz, Deckungsbeitrag, Betreuungskosten und Ergebnis je "
        "Klasse. **Übung:** Bilden Sie die Summen der C-Kunden selbst.",
        "en": "## Step 4: From revenue to profit per ABC class\n\n"
        "The waterfall adds up revenue, margin, cost to serve and profit per class. "
        "**Exercise:** build the C customers' sums yourself.",
    },
    "c_customers.tut.step5": {
        "de": "## Schritt 5: Die Key Accounts von morgen\n\n"
        "Ein C-Kunde ist Wachstumskandidat, wenn sein Umsatz im Fenster mindestens 20 % über "
        "den 12 Monaten davor liegt (mit Umsatz dort) oder sein Potenzial mindestens den "
        "Jahresumsatz des kleinsten A-Kunden erreicht (und er im Fenster kauft). "
        "**Übung:** Prüfen Sie die Regel für alle C-Kunden.",
        "en": "## Step 5: Tomorrow's key accounts\n\n"
        "A C customer is a growth candidate when its window revenue is at least 20 % above the "
        "12 months before (with revenue there) or its potential reaches the annual revenue of "
        "the smallest A customer (and it buys in the window). **Exercise:** check the rule for "
        "all C customers.",
    },
    "c_customers.tut.q5": _q(
        "Ein C-Kunde mit 8.000 € Umsatz hat ein Potenzial von 400.000 €. Was spricht dafür, "
        "ihn in den Außendienst zu nehmen – und was sollten Sie vorher prüfen?",
        "Dafür: Die Lücke zwischen Potenzial und Umsatz ist groß – er kauft fast alles bei "
        "Wettbewerbern. Vorher prüfen: Stimmt die Potenzialschätzung, gibt es einen Zugang zu "
        "den Entscheidern, und passt unser Sortiment zu seinem Bedarf?",
        "A C customer with €8,000 revenue has a potential of €400,000. What speaks for "
        "assigning it to field sales, and what should you check first?",
        "For it: the gap between potential and revenue is large; it buys almost everything "
        "from competitors. Check first: is the potential estimate sound, is there access to "
        "the decision makers, and does our range fit its needs?",
    ),
    "c_customers.tut.step6": {
        "de": "## Schritt 6: Ein Vertriebsweg je C-Kunde\n\n"
        "Die erste zutreffende Regel gilt: Außendienst für Wachstumskandidaten; Händler bei "
        "negativem Ergebnis und Umsatz unter der Schwelle; Webshop/EDI bei vielen Aufträgen "
        "mit kleinem Durchschnittswert; sonst Innendienst. **Übung:** Wenden Sie die Regeln "
        "mit `np.select` selbst an.",
        "en": "## Step 6: A sales channel per C customer\n\n"
        "The first rule that matches applies: field sales for growth candidates; distributor "
        "for a negative profit and revenue below the threshold; webshop/EDI for many orders "
        "with a small average value; inside sales otherwise. **Exercise:** apply the rules "
        "yourself with `np.select`.",
    },
    "c_customers.tut.q6": _q(
        "Warum steht die Händler-Regel vor der Webshop-Regel?",
        "Ein kleiner Kunde, der Geld kostet, soll gar nicht mehr direkt betreut werden – auch "
        "nicht über einen Webshop, der Aufträge und Lieferungen weiterhin selbst abwickelt. "
        "Der Händler übernimmt Logistik und Betreuung.",
        "Why does the distributor rule come before the webshop rule?",
        "A small customer that loses money should not be served directly at all, not even "
        "through a webshop that still handles orders and deliveries in-house. The distributor "
        "takes over logistics and service.",
    ),
    "c_customers.tut.step7": {
        "de": "## Schritt 7: Mindestauftragswert simulieren\n\n"
        "Für jeden Mindestwert M: Aufträge darunter zahlen den Zuschlag S, ein Anteil p der "
        "betroffenen Kunden wandert ab. Effekt = (1 − p) · S · Aufträge darunter + p · "
        "(Betreuungskosten − Deckungsbeitrag) der betroffenen Kunden. **Übung:** Rechnen Sie "
        "den Effekt für M = 200 selbst aus.",
        "en": "## Step 7: Simulating a minimum order value\n\n"
        "For each minimum value M: orders below it pay the surcharge S, a share p of the "
        "affected customers leaves. Effect = (1 − p) · S · orders below + p · (cost to serve − "
        "margin) of the affected customers. **Exercise:** compute the effect for M = 200 "
        "yourself.",
    },
    "c_customers.tut.step7b": {
        "de": "**Die Annahme zur Abwanderung ist entscheidend.** Die nächste Zelle rechnet "
        "dieselbe Simulation mit 40 % statt 20 % Abwanderung.",
        "en": "**The loss assumption matters.** The next cell runs the same simulation with "
        "40 % instead of 20 % of the affected customers leaving.",
    },
    "c_customers.tut.q7": _q(
        "Verschiebt sich der beste Mindestwert bei höherer Abwanderung? Warum (nicht), und "
        "wie würden Sie die Annahme im Workshop absichern?",
        "Je mehr Kunden gehen, desto mehr Deckungsbeitrag fällt weg – bei profitablen Kunden "
        "überwiegt das die gesparten Kosten, der beste Wert sinkt dann. Bleibt er gleich, sind "
        "die betroffenen Kunden kaum profitabel: Ihr Weggang kostet wenig. Absichern: mit dem Vertrieb die betroffenen "
        "Kunden durchgehen (Wer hat Alternativen?) und die Einführung erst in einer Region "
        "oder Warengruppe testen.",
        "Does the best minimum value move with a higher loss share? Why (not), and how would "
        "you make the assumption safer in the workshop?",
        "The more customers leave, the more margin is lost; for profitable customers this "
        "outweighs the saved cost and the best value drops. If it stays, the affected "
        "customers are hardly profitable and losing them costs little. To make it safer: go through the affected customers with "
        "sales (who has alternatives?) and pilot the policy in one region or product group "
        "first.",
    ),
    "c_customers.tut.end": {
        "de": "## Zum Schluss\n\n"
        "Sie haben jede Zahl des Berichts einmal selbst nachgerechnet. Im Workshop können Sie "
        "Stückkosten, Schwellen der Vertriebswege, Zuschlag und Abwanderung live verändern "
        "(Notebook `c_customers.ipynb` mit `workshop = True`).",
        "en": "## Finally\n\n"
        "You have recomputed every figure of the deliverable once yourself. In a workshop you "
        "can change unit costs, channel thresholds, surcharge and loss share live (notebook "
        "`c_customers.ipynb` with `workshop = True`).",
    },
}
