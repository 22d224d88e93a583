"""Texts of the output hardening: refused logos and resources the PDF may not load."""

MESSAGES: dict[str, dict[str, str]] = {
    "logo.outside": {
        "de": "Logo {path}: liegt außerhalb des Mandantenordners (etwa über einen "
        "symbolischen Link) und wird nicht verwendet.",
        "en": "Logo {path}: lies outside the client folder (for example through a "
        "symbolic link) and is not used.",
    },
    "logo.too_big": {
        "de": "Logo {path}: größer als {limit}; bitte eine kleinere Datei ablegen. "
        "Das Dokument erscheint ohne dieses Logo.",
        "en": "Logo {path}: larger than {limit}; please provide a smaller file. "
        "The document is produced without this logo.",
    },
    "logo.too_many_pixels": {
        "de": "Logo {path}: mehr als {limit} Bildpunkte; bitte verkleinern. "
        "Das Dokument erscheint ohne dieses Logo.",
        "en": "Logo {path}: more than {limit} pixels; please scale it down. "
        "The document is produced without this logo.",
    },
    "logo.broken": {
        "de": "Logo {path}: die Bilddatei ist beschädigt oder nicht lesbar. "
        "Das Dokument erscheint ohne dieses Logo.",
        "en": "Logo {path}: the image file is damaged or unreadable. "
        "The document is produced without this logo.",
    },
    "logo.not_image": {
        "de": "Logo {path}: der Inhalt ist weder PNG, JPEG noch SVG (die Dateiendung "
        "zählt nicht). Das Dokument erscheint ohne dieses Logo.",
        "en": "Logo {path}: the content is neither PNG, JPEG nor SVG (the file "
        "extension does not count). The document is produced without this logo.",
    },
    "logo.bad_svg": {
        "de": "Logo {path}: SVG nicht lesbar oder mit DTD/Entity-Deklarationen. "
        "Das Dokument erscheint ohne dieses Logo.",
        "en": "Logo {path}: the SVG cannot be read or declares a DTD or entities. "
        "The document is produced without this logo.",
    },
    "logo.svg_reduced": {
        "de": "Logo {path}: nicht erlaubte SVG-Bestandteile entfernt ({parts}); "
        "bitte das Logo prüfen.",
        "en": "Logo {path}: SVG parts that are not allowed were removed ({parts}); "
        "please check the logo.",
    },
    "render.fetch_refused": {
        "de": "PDF: Zugriff auf {url} abgelehnt. Das PDF verwendet nur eingebettete Daten "
        "und die Vorlagen des Kits.",
        "en": "PDF: access to {url} refused. The PDF uses only embedded data and the "
        "kit's own templates.",
    },
}
