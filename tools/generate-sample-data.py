#!/usr/bin/env python3
"""Generate the synthetic sample exports of catalog-sync (NI CSV, TH CSV, BY XZuFi 2.2.0).

Deterministic: seeded with random.Random(20261128); every run writes the same bytes.
Reads only src/main/resources/reference/leika-leistungen.csv (run from the repo root:
    python3 tools/generate-sample-data.py
Writes sample-data/{ni,th,by}/..., sample-data/expected-counts.properties,
sample-data/planted-defects.csv and sample-data/README.md.

LeiKa keys and names derived from kdn-nrw/OZG-Datenbank-NRW (MIT License, Copyright (c) 2020
Gert Hammes); see src/main/resources/reference/LICENSE-kdn-nrw-MIT.txt.

The expected counts are computed from what the generator wrote (its own bookkeeping), not by
parsing the files back.
"""
import csv
import datetime as dt
import io
import os
import random
import re
import uuid
from xml.sax.saxutils import escape, quoteattr

SEED = 20261128
REFERENCE = "src/main/resources/reference/leika-leistungen.csv"
OUT = "sample-data"
NOW = dt.date(2026, 11, 27)
LOCAL_KEY = "nicht im LeiKa"
CATEGORIES = ["key", "maturity", "date", "url", "area", "duplicate", "columns", "reference"]

rng = random.Random(SEED)

# --------------------------------------------------------------------------------------------
# Districts (Kreise) with real 12-digit ARS. (ars, name, kind, web domain)
# kind: "stadt" (kreisfreie Stadt), "kreis" (Landkreis), "region"
# --------------------------------------------------------------------------------------------
NI_DISTRICTS = [
    ("031010000000", "Braunschweig", "stadt", "www.braunschweig.de"),
    ("031020000000", "Salzgitter", "stadt", "www.salzgitter.de"),
    ("031030000000", "Wolfsburg", "stadt", "www.wolfsburg.de"),
    ("031510000000", "Gifhorn", "kreis", "www.gifhorn.de"),
    ("031530000000", "Goslar", "kreis", "www.landkreis-goslar.de"),
    ("031570000000", "Peine", "kreis", "www.landkreis-peine.de"),
    ("031580000000", "Wolfenbüttel", "kreis", "www.lk-wolfenbuettel.de"),
    ("031590000000", "Göttingen", "kreis", "www.landkreisgoettingen.de"),
    ("032410000000", "Hannover", "region", "www.hannover.de"),
    ("032510000000", "Diepholz", "kreis", "www.diepholz.de"),
    ("032540000000", "Hildesheim", "kreis", "www.landkreishildesheim.de"),
    ("032570000000", "Schaumburg", "kreis", "www.schaumburg.de"),
    ("033510000000", "Celle", "kreis", "www.landkreis-celle.de"),
    ("033520000000", "Cuxhaven", "kreis", "www.landkreis-cuxhaven.de"),
    ("033550000000", "Lüneburg", "kreis", "www.landkreis-lueneburg.de"),
    ("033590000000", "Stade", "kreis", "www.landkreis-stade.de"),
    ("034010000000", "Delmenhorst", "stadt", "www.delmenhorst.de"),
    ("034030000000", "Oldenburg (Oldb)", "stadt", "www.oldenburg.de"),
    ("034040000000", "Osnabrück", "stadt", "www.osnabrueck.de"),
    ("034540000000", "Emsland", "kreis", "www.emsland.de"),
    ("034590000000", "Osnabrück", "kreis", "www.landkreis-osnabrueck.de"),
]
TH_DISTRICTS = [
    ("160510000000", "Erfurt", "stadt", "www.erfurt.de"),
    ("160520000000", "Gera", "stadt", "www.gera.de"),
    ("160530000000", "Jena", "stadt", "www.jena.de"),
    ("160540000000", "Suhl", "stadt", "www.suhl.de"),
    ("160550000000", "Weimar", "stadt", "stadt.weimar.de"),
    ("160610000000", "Eichsfeld", "kreis", "www.kreis-eic.de"),
    ("160620000000", "Nordhausen", "kreis", "www.landratsamt-nordhausen.de"),
    ("160630000000", "Wartburgkreis", "kreis", "www.wartburgkreis.de"),
    ("160640000000", "Unstrut-Hainich-Kreis", "kreis", "www.unstrut-hainich-kreis.de"),
    ("160650000000", "Kyffhäuserkreis", "kreis", "www.kyffhaeuser.de"),
    ("160660000000", "Schmalkalden-Meiningen", "kreis", "www.lra-sm.de"),
    ("160670000000", "Gotha", "kreis", "www.landkreis-gotha.de"),
    ("160680000000", "Sömmerda", "kreis", "www.lra-soemmerda.de"),
    ("160690000000", "Hildburghausen", "kreis", "www.landkreis-hildburghausen.de"),
    ("160700000000", "Ilm-Kreis", "kreis", "www.ilm-kreis.de"),
    ("160710000000", "Weimarer Land", "kreis", "www.weimarerland.de"),
    ("160720000000", "Sonneberg", "kreis", "www.kreis-sonneberg.de"),
    ("160730000000", "Saalfeld-Rudolstadt", "kreis", "www.kreis-slf.de"),
    ("160740000000", "Saale-Holzland-Kreis", "kreis", "www.saaleholzlandkreis.de"),
    ("160750000000", "Saale-Orla-Kreis", "kreis", "www.saale-orla-kreis.de"),
    ("160760000000", "Greiz", "kreis", "www.landkreis-greiz.de"),
    ("160770000000", "Altenburger Land", "kreis", "www.altenburgerland.de"),
]
BY_DISTRICTS = [
    ("091620000000", "München", "lhs", "stadt.muenchen.de"),
    ("091840000000", "München", "kreis", "www.landkreis-muenchen.de"),
    ("095640000000", "Nürnberg", "stadt", "www.nuernberg.de"),
    ("097610000000", "Augsburg", "stadt", "www.augsburg.de"),
    ("091610000000", "Ingolstadt", "stadt", "www.ingolstadt.de"),
    ("091630000000", "Rosenheim", "stadt", "www.rosenheim.de"),
    ("091870000000", "Rosenheim", "kreis", "www.landkreis-rosenheim.de"),
    ("091740000000", "Dachau", "kreis", "www.landratsamt-dachau.de"),
    ("091750000000", "Ebersberg", "kreis", "www.lra-ebe.de"),
    ("091770000000", "Erding", "kreis", "www.landkreis-erding.de"),
    ("091780000000", "Freising", "kreis", "www.kreis-freising.de"),
    ("091790000000", "Fürstenfeldbruck", "kreis", "www.lra-ffb.de"),
    ("091880000000", "Starnberg", "kreis", "www.lk-starnberg.de"),
    ("093620000000", "Regensburg", "stadt", "www.regensburg.de"),
    ("093750000000", "Regensburg", "kreis", "www.landkreis-regensburg.de"),
    ("094610000000", "Bamberg", "stadt", "www.stadt.bamberg.de"),
    ("094620000000", "Bayreuth", "stadt", "www.bayreuth.de"),
    ("095620000000", "Erlangen", "stadt", "www.erlangen.de"),
    ("095630000000", "Fürth", "stadt", "www.fuerth.de"),
    ("096630000000", "Würzburg", "stadt", "www.wuerzburg.de"),
    ("092620000000", "Passau", "stadt", "www.passau.de"),
    ("097630000000", "Kempten (Allgäu)", "stadt", "www.kempten.de"),
]

# Department of a district authority by Themenfeld.
DEPARTMENT = {
    "Arbeit & Ruhestand": "Sozialamt",
    "Bauen & Wohnen": "Bauordnungsamt",
    "Bildung": "Schulverwaltungsamt",
    "Ein- & Auswanderung": "Ausländerbehörde",
    "Engagement & Hobby": "Ordnungsamt",
    "Familie & Kind": "Jugendamt",
    "Forschung & Förderung": "Wirtschaftsförderung",
    "Gesundheit": "Gesundheitsamt",
    "Mobilität & Reisen": "Straßenverkehrsamt",
    "Querschnitt": "Bürgerservice",
    "Recht & Ordnung": "Ordnungsamt",
    "Steuern & Zoll": "Steueramt",
    "Umwelt": "Umweltamt",
    "Unternehmensführung & -entwicklung": "Gewerbeamt",
    "": "Bürgerservice",
}
BY_LHS_DEPARTMENT = {  # Landeshauptstadt München has Referate
    "Bauordnungsamt": "Lokalbaukommission",
    "Ordnungsamt": "Kreisverwaltungsreferat",
    "Straßenverkehrsamt": "Mobilitätsreferat",
    "Bürgerservice": "Kreisverwaltungsreferat, Bürgerbüro",
    "Gesundheitsamt": "Gesundheitsreferat",
    "Jugendamt": "Sozialreferat, Stadtjugendamt",
    "Sozialamt": "Sozialreferat",
    "Umweltamt": "Referat für Klima- und Umweltschutz",
    "Gewerbeamt": "Kreisverwaltungsreferat, Gewerbeangelegenheiten",
    "Ausländerbehörde": "Kreisverwaltungsreferat, Ausländerbehörde",
    "Schulverwaltungsamt": "Referat für Bildung und Sport",
    "Steueramt": "Stadtkämmerei",
    "Wirtschaftsförderung": "Referat für Arbeit und Wirtschaft",
}

STATE_AUTHORITY = {
    "NI": {
        "Arbeit & Ruhestand": "Niedersächsisches Landesamt für Soziales, Jugend und Familie",
        "Bauen & Wohnen": "Niedersächsisches Ministerium für Wirtschaft, Verkehr, Bauen und Digitalisierung",
        "Bildung": "Niedersächsisches Landesamt für Schule und Bildung",
        "Ein- & Auswanderung": "Landesaufnahmebehörde Niedersachsen",
        "Engagement & Hobby": "Niedersächsisches Ministerium für Inneres und Sport",
        "Familie & Kind": "Niedersächsisches Landesamt für Soziales, Jugend und Familie",
        "Forschung & Förderung": "NBank – Investitions- und Förderbank Niedersachsen",
        "Gesundheit": "Niedersächsisches Landesgesundheitsamt",
        "Mobilität & Reisen": "Niedersächsische Landesbehörde für Straßenbau und Verkehr",
        "Querschnitt": "Landesamt für Statistik Niedersachsen",
        "Recht & Ordnung": "Niedersächsisches Justizministerium",
        "Steuern & Zoll": "Landesamt für Steuern Niedersachsen",
        "Umwelt": "Niedersächsischer Landesbetrieb für Wasserwirtschaft, Küsten- und Naturschutz",
        "Unternehmensführung & -entwicklung": "Gewerbeaufsichtsamt Hannover",
        "": "Niedersächsische Staatskanzlei",
    },
    "TH": {
        "Arbeit & Ruhestand": "Thüringer Landesverwaltungsamt, Abteilung Soziales",
        "Bauen & Wohnen": "Thüringer Landesverwaltungsamt, Referat Bauaufsicht",
        "Bildung": "Thüringer Ministerium für Bildung, Jugend und Sport",
        "Ein- & Auswanderung": "Thüringer Landesverwaltungsamt, Zentrale Ausländerbehörde",
        "Engagement & Hobby": "Thüringer Ministerium für Inneres und Kommunales",
        "Familie & Kind": "Thüringer Landesverwaltungsamt, Landesjugendamt",
        "Forschung & Förderung": "Thüringer Aufbaubank",
        "Gesundheit": "Thüringer Landesamt für Verbraucherschutz",
        "Mobilität & Reisen": "Thüringer Landesamt für Bau und Verkehr",
        "Querschnitt": "Thüringer Landesamt für Statistik",
        "Recht & Ordnung": "Thüringer Landesverwaltungsamt",
        "Steuern & Zoll": "Thüringer Landesfinanzdirektion",
        "Umwelt": "Thüringer Landesamt für Umwelt, Bergbau und Naturschutz",
        "Unternehmensführung & -entwicklung": "Thüringer Landesamt für Verbraucherschutz, Abteilung Arbeitsschutz",
        "": "Thüringer Staatskanzlei",
    },
    "BY": {
        "Arbeit & Ruhestand": "Zentrum Bayern Familie und Soziales",
        "Bauen & Wohnen": "Bayerisches Staatsministerium für Wohnen, Bau und Verkehr",
        "Bildung": "Bayerisches Staatsministerium für Unterricht und Kultus",
        "Ein- & Auswanderung": "Bayerisches Landesamt für Asyl und Rückführungen",
        "Engagement & Hobby": "Bayerisches Staatsministerium des Innern, für Sport und Integration",
        "Familie & Kind": "Zentrum Bayern Familie und Soziales",
        "Forschung & Förderung": "LfA Förderbank Bayern",
        "Gesundheit": "Bayerisches Landesamt für Gesundheit und Lebensmittelsicherheit",
        "Mobilität & Reisen": "Landesbaudirektion Bayern",
        "Querschnitt": "Bayerisches Landesamt für Statistik",
        "Recht & Ordnung": "Bayerisches Staatsministerium der Justiz",
        "Steuern & Zoll": "Bayerisches Landesamt für Steuern",
        "Umwelt": "Bayerisches Landesamt für Umwelt",
        "Unternehmensführung & -entwicklung": "Gewerbeaufsichtsamt bei der Regierung von Oberbayern",
        "": "Bayerische Staatskanzlei",
    },
}
STATE_PORTAL = {
    "NI": "https://service.niedersachsen.de/detail?leistung=",
    "TH": "https://www.thueringen.de/verwaltungsportal/leistung/",
    "BY": "https://www.freistaat.bayern/dienstleistungen/",
}

# Planted defects per state: category -> count.
DEFECTS = {
    "NI": {"key": 8, "maturity": 7, "date": 8, "url": 6, "area": 6, "duplicate": 2},
    "TH": {"key": 6, "maturity": 6, "date": 6, "url": 5, "area": 5, "duplicate": 2, "columns": 1},
    "BY": {"key": 8, "maturity": 7, "date": 7, "url": 4, "area": 6, "duplicate": 2, "reference": 1},
}
LOCAL_SERVICES = {"NI": 5, "TH": 4, "BY": 4}
# Districts per locally executed key (inclusive range) and the chance of a lower draw.
DISTRICT_RANGE = {"NI": (3, 11), "TH": (3, 9), "BY": (3, 15)}

LOCALLY_EXECUTED_TYP = {"2/3", "4", "5", "2", "1, 2/3", "44"}


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------
def slug(text):
    t = text.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        t = t.replace(a, b)
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t[:60].rstrip("-")


def rand_date(r, start, end):
    return start + dt.timedelta(days=r.randint(0, (end - start).days))


def district_count(r, state):
    lo, hi = DISTRICT_RANGE[state]
    # skewed towards the low end: minimum of two draws
    return min(r.randint(lo, hi), r.randint(lo, hi))


def jitter_level(r, base):
    if r.random() < 0.3:
        return max(0, min(4, base + r.choice((-1, 1))))
    return base


def district_authority(state, district, themenfeld):
    ars, name, kind, _ = district
    dept = DEPARTMENT.get(themenfeld, "Bürgerservice")
    if kind == "lhs":
        return "Landeshauptstadt München, " + BY_LHS_DEPARTMENT.get(dept, "Kreisverwaltungsreferat")
    if kind == "region":
        return "Region Hannover, Fachbereich " + dept.replace("amt", "")
    if kind == "stadt":
        return "Stadt %s, %s" % (name, dept)
    if state == "NI":
        return "Landkreis %s, %s" % (name, dept)
    if state == "BY":
        return "Landratsamt %s, %s" % (name, dept)
    return "Landratsamt %s, %s" % (name, dept)


# --------------------------------------------------------------------------------------------
# reference
# --------------------------------------------------------------------------------------------
with open(REFERENCE, encoding="utf-8", newline="") as fh:
    REF_ROWS = list(csv.DictReader(fh))
REF = {}
for row in REF_ROWS:
    k = row["leistungsschluessel"]
    if re.fullmatch(r"\d{14}", k) and k not in REF:
        REF[k] = row
LOCAL_REF = [row for row in REF_ROWS if row["leistungsschluessel"] == LOCAL_KEY]
VALID_KEYS = sorted(REF)

# Is a key executed locally (per district)? Decided once per key, the same in every state.
LOCAL_EXEC = {}
for k in VALID_KEYS:
    LOCAL_EXEC[k] = REF[k]["leistungstyp"] in LOCALLY_EXECUTED_TYP and rng.random() < 0.72

# Key sets: a core in all three states (~60 % of each state's keys), the rest in one or two.
pool = VALID_KEYS[:]
rng.shuffle(pool)
sizes = [("ALL", 390), ("NI+TH", 60), ("NI+BY", 80), ("TH+BY", 60), ("NI", 120), ("TH", 140), ("BY", 120)]
STATE_KEYS = {"NI": [], "TH": [], "BY": []}
pos = 0
for group, n in sizes:
    chunk = pool[pos:pos + n]
    pos += n
    members = ["NI", "TH", "BY"] if group == "ALL" else group.split("+")
    for s in members:
        STATE_KEYS[s].extend(chunk)
for s in STATE_KEYS:
    STATE_KEYS[s].sort()

LOCAL_PICK = rng.sample(LOCAL_REF, sum(LOCAL_SERVICES.values()))
LOCAL_FOR = {}
i = 0
for s in ("NI", "TH", "BY"):
    LOCAL_FOR[s] = LOCAL_PICK[i:i + LOCAL_SERVICES[s]]
    i += LOCAL_SERVICES[s]


# --------------------------------------------------------------------------------------------
# wording
# --------------------------------------------------------------------------------------------
def name_for(state, ref, r):
    name = ref["leistungsbezeichnung"]
    if state == "NI":
        return name
    if state == "TH":
        x = r.random()
        if x < 0.3 and not name.lower().startswith("antrag") and re.search(
                r"(Erteilung|Genehmigung|Erlaubnis|Zulassung|Ausstellung|Bewilligung|Gewährung|Verlängerung|Anerkennung|Befreiung)", name):
            return "Antrag auf " + name
        if x < 0.4:
            return name.replace(" - ", " – ") + " in Thüringen"
        return name
    # BY
    if name.endswith(" Erteilung"):
        return name[: -len(" Erteilung")] + " – Erteilung"
    if r.random() < 0.35 and not name.endswith(("beantragen", "Beantragung")):
        return name + " beantragen"
    return name


KURZ_TEMPLATES = [
    "Hier erhalten Sie Informationen zur Leistung „{name}“ in der Lebenslage {lebenslage}.",
    "Für {name} ist die örtlich zuständige Behörde verantwortlich. Gebühren richten sich nach der Gebührenordnung.",
    "Die Leistung gehört zum Themenfeld {themenfeld}. Bitte halten Sie Ausweis und Nachweise bereit; die Bearbeitung dauert etwa {wochen} Wochen.",
    "Sie müssen den Antrag schriftlich oder online stellen. Unterlagen: Antragsformular; Personalausweis; ggf. Vollmacht.",
    "Auskünfte zu {name} erteilt die zuständige Stelle. Größere Vorhaben bedürfen einer gesonderten Prüfung.",
]


def kurztext(ref, name, r):
    t = r.choice(KURZ_TEMPLATES)
    return t.format(name=name, lebenslage=ref["lebenslage"] or "Querschnitt",
                    themenfeld=ref["themenfeld"] or "Querschnitt", wochen=r.randint(2, 8))


def th_beschreibung(ref, name, r, backslash=False):
    lines = ["Leistung: " + name]
    x = r.random()
    if x < 0.55:
        lines.append("Bitte beachten Sie: Die Bearbeitung dauert in der Regel %d Wochen, "
                     "in Ausnahmefällen länger." % r.randint(2, 8))
        lines.append("Unterlagen: Personalausweis, Nachweise, ggf. Vollmacht.")
        if r.random() < 0.4:
            lines.append('Hinweis: Der Vordruck heißt "Antrag %s" und ist vollständig auszufüllen.'
                         % r.choice(["A1", "B2", "Formblatt 3", "Anlage K"]))
    elif x < 0.8:
        lines = [kurztext(ref, name, r)]
    else:
        lines = ["Zuständig ist die Behörde für das Themenfeld %s, Lebenslage %s."
                 % (ref["themenfeld"] or "Querschnitt", ref["lebenslage"] or "Querschnitt")]
    if backslash:
        lines.append(r.choice([
            "Formular unter C:\\Formulare\\Antrag.pdf",
            "Vorlage im Netzlaufwerk \\\\fileserver\\Formulare\\Antrag_2024.docx",
            "Formular unter C:\\Formulare\\Antrag.pdf (Pfad: Laufwerk C:\\)",
        ]))
    return "\n".join(lines)


def by_volltext(ref, name, r):
    parts = ["<p>Mit dieser Leistung (%s) können Sie Ihr Anliegen bei der zuständigen Stelle erledigen.</p>" % name]
    parts.append("Gebühren & Auslagen: je nach Aufwand, in der Regel < %d Euro." % r.choice([50, 100, 250, 500]))
    if ref.get("gesetz_kuerzel"):
        parts.append("Rechtsgrundlage: %s." % ref["gesetz_kuerzel"])
    parts.append("Bitte reichen Sie alle Unterlagen vollständig ein; fehlende Nachweise verzögern die Bearbeitung.")
    return " ".join(parts)


# --------------------------------------------------------------------------------------------
# offering model
# --------------------------------------------------------------------------------------------
class Offering:
    """One record per service per state and area."""

    def __init__(self, state, key, ref, area, authority, level, url, r):
        self.state = state
        self.key = key          # 14-digit key or None for state-local services
        self.ref = ref
        self.area = area        # district tuple or None (state-wide)
        self.authority = authority
        self.level = level      # 0..4 or None (empty)
        self.url = url          # '' = none
        self.valid_from = rand_date(r, dt.date(2019, 1, 1), dt.date(2024, 12, 31))
        if r.random() < 0.6:
            self.valid_from = self.valid_from.replace(day=1)
        self.valid_to = dt.date(r.randint(2027, 2032), 12, 31) if r.random() < 0.18 else None
        self.changed = rand_date(r, max(self.valid_from, dt.date(2022, 1, 1)), NOW)
        self.defect = None      # category
        self.defect_desc = ""
        self.override = {}      # column overrides for defects
        self.extra_field = False
        self.line = None

    @property
    def gebiet(self):
        return self.area[0] if self.area else ""

    @property
    def local(self):
        return self.key is None


def build_offerings(state, r):
    """Clean offerings for a state (no defects yet)."""
    districts = {"NI": NI_DISTRICTS, "TH": TH_DISTRICTS, "BY": BY_DISTRICTS}[state]
    offerings = []
    for k in STATE_KEYS[state]:
        ref = REF[k]
        base = r.choice([0, 1, 1, 2, 2, 2, 3, 3, 3, 4])
        name = name_for(state, ref, r)
        if LOCAL_EXEC[k]:
            chosen = sorted(r.sample(districts, district_count(r, state)))
            efa = r.random() < 0.35  # one shared (EfA) online service for all areas
            for d in chosen:
                lvl = jitter_level(r, base)
                if lvl >= 2 and r.random() < 0.9:
                    url = (STATE_PORTAL[state] + slug(name)) if efa else "https://%s/%s" % (d[3], slug(name))
                else:
                    url = ""
                o = Offering(state, k, ref, d, district_authority(state, d, ref["themenfeld"]), lvl, url, r)
                o.name = name
                offerings.append(o)
        else:
            url = (STATE_PORTAL[state] + slug(name)) if base >= 2 and r.random() < 0.9 else ""
            o = Offering(state, k, ref, None, STATE_AUTHORITY[state].get(ref["themenfeld"], STATE_AUTHORITY[state][""]),
                         base, url, r)
            o.name = name
            offerings.append(o)
    # state-local services (no LeiKa key): each gets a distinct area (one state-wide, the rest
    # in different districts) so that no two of them share (key, gebietId).
    local_districts = r.sample(districts, len(LOCAL_FOR[state]) - 1)
    for i, ref in enumerate(LOCAL_FOR[state]):
        d = None if i == 0 else local_districts[i - 1]
        auth = STATE_AUTHORITY[state].get(ref["themenfeld"], STATE_AUTHORITY[state][""]) if d is None \
            else district_authority(state, d, ref["themenfeld"])
        lvl = r.choice([1, 2, 3])
        url = "" if lvl < 2 else ((STATE_PORTAL[state] if d is None else "https://%s/" % d[3]) + slug(ref["leistungsbezeichnung"]))
        o = Offering(state, None, ref, d, auth, lvl, url, r)
        o.name = ref["leistungsbezeichnung"]
        offerings.append(o)
    return offerings


# --------------------------------------------------------------------------------------------
# value formatting per state
# --------------------------------------------------------------------------------------------
def fmt_key(state, key, r):
    if state == "NI":
        x = r.random()
        if x < 0.7:
            return " ".join((key[:2], key[2:5], key[5:8], key[8:11], key[11:]))
        if x < 0.85:
            return ".".join((key[:2], key[2:5], key[5:8], key[8:11], key[11:]))
        return key
    if state == "TH":
        if r.random() < 0.35:
            return "-".join((key[:2], key[2:5], key[5:8], key[8:11], key[11:]))
        return key
    return key


def group_like(state, digits, r):
    """Format a (possibly malformed) digit string in the state's usual style."""
    if state == "NI":
        sep = r.choice([" ", " ", "."])
    elif state == "TH":
        sep = r.choice(["", "-"])
    else:
        sep = ""
    if not sep:
        return digits
    parts = [digits[:2]] + [digits[i:i + 3] for i in range(2, len(digits), 3)]
    return sep.join(parts)


def fmt_maturity(state, level, r):
    if level is None:
        return ""
    if state == "NI":
        x = r.random()
        if x < 0.08:
            return ""
        if level == 3 and x < 0.35:
            return "online"
        if level == 0 and x < 0.5:
            return "offline"
        return "Stufe %d" % level
    if state == "TH":
        x = r.random()
        if x < 0.08:
            return ""
        if level == 1 and x < 0.45:
            return "nur Information"
        return ("RG%d" if x < 0.6 else "Reifegrad %d") % level
    x = r.random()  # BY
    if x < 0.08:
        return ""
    if level == 4 and x < 0.5:
        return "vollständig online"
    if x < 0.3:
        return str(level)
    return "Stufe %d" % level


def fmt_date(state, d):
    if d is None:
        return ""
    return d.strftime("%d.%m.%Y") if state == "NI" else d.strftime("%Y-%m-%d")


BAD_KEY_KINDS = ["13 digits", "15 digits", "letter O instead of 0", "truncated"]


def bad_key(state, key, r, kind):
    if kind == "13 digits":
        return group_like(state, key[:-1], r), "LeiKa key with 13 digits"
    if kind == "15 digits":
        return group_like(state, key + "0", r), "LeiKa key with 15 digits"
    if kind == "letter O instead of 0":
        idx = [i for i, c in enumerate(key) if c == "0"]
        i = idx[min(1, len(idx) - 1)]
        return group_like(state, key[:i] + "O" + key[i + 1:], r), "LeiKa key with letter O instead of digit 0"
    return group_like(state, key[:8], r), "truncated LeiKa key (8 digits)"


BAD_MATURITY = {
    "NI": ["in Planung", "Stufe 7", "bald online", "Stufe 5", "teilweise online"],
    "TH": ["RG9", "in Planung", "Reifegrad 7", "bald online", "RG 5"],
    "BY": ["Stufe 7", "in Planung", "bald online", "Stufe 9", "teilweise online"],
}
BAD_DATES = {
    "NI": ["31.02.2024", "2024-13-01", "01/02/2024", "32.01.2023", "30.02.2025"],
    "TH": ["2024-13-01", "31.02.2024", "01/02/2024", "2024-02-30", "2023-04-31"],
    "BY": ["2024-02-30", "2024-13-01", "01.02.2024", "2023-06-31", "2025-00-10"],
}
BAD_URLS = ["javascript:alert(1)", "ftp://ftp.{dom}/formulare/antrag.pdf", "{dom}/online-antrag",
            "www.{dom}/antrag", "file:///C:/Formulare/Antrag.pdf"]
BAD_AREAS = {
    "NI": [("091620000000", "Regionalschlüssel of another state (Bayern, München)"),
           ("03241000000", "Regionalschlüssel with 11 digits"),
           ("0310100000000", "Regionalschlüssel with 13 digits"),
           ("160510000000", "Regionalschlüssel of another state (Thüringen, Erfurt)"),
           ("0324100000", "Regionalschlüssel with 10 digits"),
           ("3241", "Regionalschlüssel with 4 digits")],
    "TH": [("032410000000", "ars of another state (Niedersachsen, Region Hannover)"),
           ("16053000000", "ars with 11 digits"),
           ("1605500000000", "ars with 13 digits"),
           ("091620000000", "ars of another state (Bayern, München)"),
           ("16063", "ars with 5 digits")],
    "BY": [("160510000000", "gebietID of another state (Thüringen, Erfurt)"),
           ("09162000000", "gebietID with 11 digits"),
           ("0956400000000", "gebietID with 13 digits"),
           ("031010000000", "gebietID of another state (Niedersachsen, Braunschweig)"),
           ("091620", "gebietID with 6 digits"),
           ("9162", "gebietID with 4 digits")],
}


def domain_of(o):
    return o.area[3] if o.area else {"NI": "niedersachsen.de", "TH": "thueringen.de", "BY": "freistaat.bayern"}[o.state]


def plant_csv_defects(state, offerings, r):
    """Mutate/insert defective offerings (exactly one defect each). Returns the final list."""
    plan = DEFECTS[state]
    candidates = [o for o in offerings if not o.local]
    # the source offerings of duplicates must stay valid: choose them first
    dup_sources = r.sample([o for o in candidates[: len(candidates) // 2]], plan.get("duplicate", 0))
    used = set(id(o) for o in dup_sources)
    pool_ = [o for o in candidates if id(o) not in used]
    r.shuffle(pool_)
    it = iter(pool_)
    for cat in ("key", "maturity", "date", "url", "area", "columns"):
        for n in range(plan.get(cat, 0)):
            o = next(it)
            while cat == "area" and o.area is None:
                o = next(it)
            o.defect = cat
            if cat == "key":
                kind = BAD_KEY_KINDS[n % len(BAD_KEY_KINDS)]
                o.override["key"], o.defect_desc = bad_key(state, o.key, r, kind)
                o.defect_desc += " '%s'" % o.override["key"]
            elif cat == "maturity":
                v = BAD_MATURITY[state][n % len(BAD_MATURITY[state])]
                o.override["maturity"] = v
                o.defect_desc = "unknown maturity '%s'" % v
            elif cat == "date":
                v = BAD_DATES[state][n % len(BAD_DATES[state])]
                col = ["valid_from", "valid_to", "changed"][n % 3]
                o.override[col] = v
                colname = {"NI": {"valid_from": "Gültig ab", "valid_to": "Gültig bis", "changed": "Letzte Änderung"},
                           "TH": {"valid_from": "gueltig_von", "valid_to": "gueltig_bis", "changed": "stand"}}[state][col]
                o.defect_desc = "unreadable date '%s' in %s" % (v, colname)
            elif cat == "url":
                v = BAD_URLS[n % len(BAD_URLS)].format(dom=domain_of(o).replace("www.", ""))
                if o.level is None or o.level < 2:
                    o.level = 3
                o.override["url"] = v
                o.defect_desc = "online service not an absolute http(s) URL: '%s'" % v
            elif cat == "area":
                v, desc = BAD_AREAS[state][n % len(BAD_AREAS[state])]
                o.override["area"] = v
                o.defect_desc = desc + " '%s'" % v
            elif cat == "columns":
                o.extra_field = True
                o.defect_desc = "record with 14 fields instead of 13 (unquoted comma in behoerde)"
    final = list(offerings)
    for src in dup_sources:
        d = Offering(state, src.key, src.ref, src.area, src.authority, src.level, src.url, r)
        d.name = src.name
        d.defect = "duplicate"
        d.dup_of = src
        # insert somewhere after the source
        i = final.index(src)
        j = r.randint(i + 1, len(final))
        final.insert(j, d)
    return final


def shuffle_offerings(offerings, r):
    r.shuffle(offerings)
    return offerings


# --------------------------------------------------------------------------------------------
# NI / TH CSV
# --------------------------------------------------------------------------------------------
NI_HEADER = ["Leistungs-ID", "Leistungsschlüssel", "Leistungsbezeichnung", "Kurzbeschreibung", "Leistungstyp",
             "OZG-ID", "Reifegrad", "Onlinedienst", "Zuständige Stelle", "Regionalschlüssel", "Gültig ab",
             "Gültig bis", "Letzte Änderung"]
TH_HEADER = ["id", "leika", "titel", "beschreibung", "typ", "ozg_id", "reifegrad", "online_url", "behoerde", "ars",
             "gueltig_von", "gueltig_bis", "stand"]


def csv_fields(state, o, r, seq_id, backslash=False):
    key = LOCAL_KEY if o.local else o.override.get("key", fmt_key(state, o.key, r))
    maturity = o.override.get("maturity", fmt_maturity(state, o.level, r))
    url = o.override.get("url", o.url)
    area = o.override.get("area", o.gebiet)
    vf = o.override.get("valid_from", fmt_date(state, o.valid_from))
    vt = o.override.get("valid_to", fmt_date(state, o.valid_to))
    ch = o.override.get("changed", fmt_date(state, o.changed))
    if state == "NI":
        text = kurztext(o.ref, o.name, r)
    else:
        text = th_beschreibung(o.ref, o.name, r, backslash)
    fields = [seq_id, key, o.name, text, o.ref["leistungstyp"], o.ref["ozg_id"], maturity, url, o.authority,
              area, vf, vt, ch]
    if o.extra_field:
        a, b = o.authority.split(", ", 1) if ", " in o.authority else (o.authority, "Bürgerservice")
        fields[8:9] = [a, " " + b]
    return fields


def write_csv(state, offerings, r):
    if state == "NI":
        path, header, enc, delim, term, bom = os.path.join(OUT, "ni", "leistungen.csv"), NI_HEADER, "cp1252", ";", "\r\n", ""
    else:
        path, header, enc, delim, term, bom = os.path.join(OUT, "th", "leistungskatalog.csv"), TH_HEADER, "utf-8", ",", "\n", "\ufeff"
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, quotechar='"', lineterminator=term, quoting=csv.QUOTE_MINIMAL, doublequote=True)
    w.writerow(header)
    line = 2
    seq = 100000 if state == "NI" else 4000
    backslash_idx = set()
    if state == "TH":
        clean = [i for i, o in enumerate(offerings) if o.defect is None and not o.local]
        backslash_idx = set(r.sample(clean, 6))
    for i, o in enumerate(offerings):
        seq += r.randint(1, 3)
        sid = ("NI-%d" % seq) if state == "NI" else ("TH-LK-%06d" % seq)
        o.source_id = sid
        o.line = line
        before = buf.tell()
        w.writerow(csv_fields(state, o, r, sid, i in backslash_idx))
        line += buf.getvalue()[before:].count("\n")
    data = (bom + buf.getvalue()).encode(enc)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)
    if state == "TH":
        for i in sorted(backslash_idx):
            offerings[i].backslash = True


# --------------------------------------------------------------------------------------------
# BY XZuFi
# --------------------------------------------------------------------------------------------
NS = "http://xoev.de/schemata/xzufi/2_2_0"


def by_model(r):
    """Build leistungen, onlinedienste and zustaendigkeiten for Bayern; plant defects.
    Returns (leistungen, onlinedienste, ztos); offering bookkeeping lives on the objects."""
    clean = build_offerings("BY", r)
    # group offerings into leistungen
    leistungen = []
    by_key = {}
    for o in clean:
        gk = o.key if o.key else ("LOCAL", o.ref["leistungsbezeichnung"])
        if gk not in by_key:
            L = {"key": o.key, "ref": o.ref, "name": o.name, "offerings": [], "level": o.level,
                 "statewide": o.area is None, "authority": o.authority if o.area is None else None,
                 "defect": None, "override": {}}
            by_key[gk] = L
            leistungen.append(L)
        by_key[gk]["offerings"].append(o)
    # state-local services: each local offering becomes its own leistung
    for L in list(leistungen):
        if L["key"] is None and len(L["offerings"]) > 1:
            raise SystemExit("unexpected")
    r.shuffle(leistungen)
    seq = 100
    for L in leistungen:
        seq += r.randint(1, 4)
        L["id"] = "BY-L-%06d" % seq
        L["created"] = dt.datetime(r.randint(2019, 2023), r.randint(1, 12), r.randint(1, 28), r.randint(7, 17),
                                   r.choice([0, 15, 30, 45]), 0)
        ch = rand_date(r, max(L["created"].date(), dt.date(2023, 1, 1)), NOW)
        L["changed"] = dt.datetime(ch.year, ch.month, ch.day, r.randint(7, 18), r.randint(0, 59), 0)
        if L["changed"] <= L["created"]:
            L["changed"] = L["created"] + dt.timedelta(hours=2)
        L["version"] = r.randint(1, 12)
        first = L["offerings"][0]
        L["beginn"] = first.valid_from.isoformat()
        L["ende"] = first.valid_to.isoformat() if first.valid_to else None
        L["maturity"] = fmt_maturity("BY", L["level"], r)
        L["kurz"] = kurztext(L["ref"], L["name"], r)
        L["voll"] = by_volltext(L["ref"], L["name"], r)
    # onlinedienste
    ods = []
    od_seq = [200]

    def new_od(name, url):
        od_seq[0] += r.randint(1, 3)
        od = {"id": "BY-OD-%06d" % od_seq[0], "name": name, "url": url,
              "vn": r.choice(["basisregistrierung", "substanziell", "substanziell", "hoch"])}
        ods.append(od)
        return od

    ztos = []
    for L in leistungen:
        L["od"] = None
        lvl = L["level"] or 0
        if lvl >= 2 and r.random() < 0.85:
            L["od"] = new_od("Online-Antrag " + L["name"], STATE_PORTAL["BY"] + slug(L["name"]))
        if L["statewide"]:
            L["offering"] = L["offerings"][0]
            continue
        for o in L["offerings"]:
            z = {"leistung": L, "leistungID": L["id"], "gebiet": o.area[0], "district": o.area,
                 "authority": o.authority, "od": None, "offering": o, "defect": None}
            if L["od"] is not None and r.random() < 0.2:
                z["od"] = new_od("Online-Antrag %s (%s)" % (L["name"], o.area[1]),
                                 "https://%s/%s" % (o.area[3], slug(L["name"])))
            ztos.append(z)
    # defects -------------------------------------------------------------------------------
    plan = DEFECTS["BY"]
    sw = [L for L in leistungen if L["statewide"] and L["key"] is not None]
    picks = r.sample(sw, plan["key"] + plan["maturity"] + plan["date"])
    it = iter(picks)
    for cat in ("key", "maturity", "date"):
        for n in range(plan[cat]):
            L = next(it)
            L["defect"] = cat
            if cat == "key":
                v, desc = bad_key("BY", L["key"], r, BAD_KEY_KINDS[n % len(BAD_KEY_KINDS)])
                L["override"]["key"] = v
                L["desc"] = desc + " '%s' in referenzLeiKa/code" % v
            elif cat == "maturity":
                v = BAD_MATURITY["BY"][n % len(BAD_MATURITY["BY"])]
                L["maturity"] = v
                L["desc"] = "unknown maturity '%s' in klassifizierung urn:de:ozg:reifegrad" % v
            else:
                v = BAD_DATES["BY"][n % len(BAD_DATES["BY"])]
                if n % 3 == 2:
                    if L["ende"] is None:
                        L["ende"] = "2030-12-31"
                    L["ende"] = v
                    L["desc"] = "unreadable date '%s' in gueltigkeit/ende" % v
                else:
                    L["beginn"] = v
                    L["desc"] = "unreadable date '%s' in gueltigkeit/beginn" % v
    zclean = [z for z in ztos if z["leistung"]["key"] is not None]
    # duplicate sources (stay valid), then url and area defects on other zustaendigkeiten
    dup_src = r.sample(zclean[: len(zclean) // 2], plan["duplicate"])
    rest = [z for z in zclean if z not in dup_src]
    r.shuffle(rest)
    it = iter(rest)
    for n in range(plan["url"]):
        z = next(it)
        dom = z["district"][3].replace("www.", "")
        v = BAD_URLS[n % len(BAD_URLS)].format(dom=dom)
        z["od"] = new_od("Online-Antrag %s (%s)" % (z["leistung"]["name"], z["district"][1]), v)
        z["defect"] = "url"
        z["desc"] = "area-specific onlinedienst %s has link '%s' (not absolute http/https), used only by this zustaendigkeit" % (z["od"]["id"], v)
    for n in range(plan["area"]):
        z = next(it)
        v, desc = BAD_AREAS["BY"][n % len(BAD_AREAS["BY"])]
        z["gebiet"] = v
        z["defect"] = "area"
        z["desc"] = desc + " '%s'" % v
    for src in dup_src:
        d = dict(src)
        d["od"] = None
        d["defect"] = "duplicate"
        d["offering"] = None
        i = ztos.index(src)
        j = r.randint(i + 1, len(ztos))
        ztos.insert(j, d)
        d["desc"] = "second zustaendigkeit for %s (LeiKa %s) in gebiet %s" % (src["leistungID"], src["leistung"]["key"], src["gebiet"])
    # reference: a zustaendigkeit naming no leistung
    ids = {L["id"] for L in leistungen}
    ghost = "BY-L-%06d" % (seq + 1000)
    assert ghost not in ids
    d0 = BY_DISTRICTS[r.randrange(len(BY_DISTRICTS))]
    ghost_z = {"leistung": None, "leistungID": ghost, "gebiet": d0[0], "district": d0,
               "authority": district_authority("BY", d0, "Querschnitt"), "od": None, "offering": None,
               "defect": "reference", "desc": "zustaendigkeit names leistungID %s, which is not in the file" % ghost}
    ztos.insert(r.randint(len(ztos) // 3, 2 * len(ztos) // 3), ghost_z)
    seq_z = 0
    for z in ztos:
        seq_z += 1
        z["id"] = "BY-Z-%07d" % seq_z
    return leistungen, ods, ztos


def write_by(leistungen, ods, ztos, r):
    out = []
    ln = [0]

    def emit(indent, text):
        out.append("  " * indent + text)

    def el(name, value, attrs=""):
        return "<xzufi:%s%s>%s</xzufi:%s>" % (name, attrs, escape(value), name)

    msg_uuid = str(uuid.UUID(int=r.getrandbits(128), version=4))
    emit(0, '<?xml version="1.0" encoding="UTF-8"?>')
    emit(0, '<xzufi:transfer.operation.040101 xmlns:xzufi="%s" standard="XZuFi" version="2.2.0" '
            'produkt="BayernPortal Redaktionssystem">' % NS)
    emit(1, "<xzufi:nachrichtenkopf>")
    emit(2, el("nachrichtUUID", msg_uuid))
    emit(2, el("erstelltDatumZeit", "2026-11-27T23:00:00"))
    emit(2, "<xzufi:sender>" + el("kennung", "BY-BAYERNPORTAL") + el("name", "BayernPortal") + "</xzufi:sender>")
    emit(2, "<xzufi:empfaenger>" + el("kennung", "CATALOG-SYNC") + "</xzufi:empfaenger>")
    emit(1, "</xzufi:nachrichtenkopf>")
    emit(1, "<xzufi:schreibe>")

    def modul(code, text):
        emit(3, "<xzufi:modulText>")
        emit(4, "<xzufi:leikaTextmodul>" + el("code", code) + "</xzufi:leikaTextmodul>")
        emit(4, el("inhalt", text, ' languageCode="de-DE"'))
        emit(3, "</xzufi:modulText>")

    for L in leistungen:
        L["line"] = len(out) + 1
        emit(2, "<xzufi:leistung>")
        emit(3, el("id", L["id"], ' schemeAgencyID="BY-BAYERNPORTAL"'))
        if L["key"] is not None:
            code = L["override"].get("key", L["key"])
            emit(3, '<xzufi:referenzLeiKa listURI="urn:de:fim:leika:leistung">' + el("code", code) + "</xzufi:referenzLeiKa>")
        modul("02", L["name"])
        modul("05", L["kurz"])
        modul("06", L["voll"])
        if L["statewide"]:
            modul("22", L["authority"])
        if L["ref"]["leistungstyp"]:
            emit(3, "<xzufi:typisierung>" + el("code", L["ref"]["leistungstyp"]) + "</xzufi:typisierung>")
        if L["ref"]["ozg_id"]:
            emit(3, '<xzufi:klassifizierung listURI="urn:de:ozg:ozg-id">' + el("code", L["ref"]["ozg_id"]) + "</xzufi:klassifizierung>")
        if L["maturity"]:
            emit(3, '<xzufi:klassifizierung listURI="urn:de:ozg:reifegrad" listVersionID="1.1">' + el("code", L["maturity"])
                 + "</xzufi:klassifizierung>")
        if L["od"] is not None:
            emit(3, el("onlinedienstID", L["od"]["id"]))
        emit(3, "<xzufi:versionsinformation>" + el("erstelltDatumZeit", L["created"].isoformat())
             + el("geaendertDatumZeit", L["changed"].isoformat()) + el("version", str(L["version"]))
             + "</xzufi:versionsinformation>")
        g = "<xzufi:gueltigkeit>" + el("beginn", L["beginn"])
        if L["ende"]:
            g += el("ende", L["ende"])
        emit(3, g + "</xzufi:gueltigkeit>")
        emit(2, "</xzufi:leistung>")
    for od in ods:
        emit(2, "<xzufi:onlinedienst>")
        emit(3, el("id", od["id"], ' schemeAgencyID="BY-BAYERNPORTAL"'))
        emit(3, el("bezeichnung", od["name"], ' languageCode="de-DE"'))
        emit(3, "<xzufi:link>" + el("link", od["url"]) + el("titel", "Zum Antrag") + "</xzufi:link>")
        emit(3, "<xzufi:vertrauensniveau>" + el("code", od["vn"]) + "</xzufi:vertrauensniveau>")
        emit(2, "</xzufi:onlinedienst>")
    oe_ids = {}
    for z in ztos:
        key = (z["district"][0], z["authority"])
        if key not in oe_ids:
            oe_ids[key] = "BY-OE-%04d" % (len(oe_ids) + 1)
        z["line"] = len(out) + 1
        emit(2, "<xzufi:zustaendigkeitTransferObjekt>")
        emit(3, "<xzufi:zustaendigkeit>")
        emit(4, el("id", z["id"]))
        emit(4, el("leistungID", z["leistungID"]))
        emit(4, "<xzufi:gebietID>" + el("code", z["gebiet"]) + "</xzufi:gebietID>")
        if z["od"] is not None:
            emit(4, el("onlinedienstID", z["od"]["id"]))
        emit(3, "</xzufi:zustaendigkeit>")
        emit(3, "<xzufi:organisationseinheit>" + el("id", oe_ids[key]) + el("name", z["authority"])
             + "</xzufi:organisationseinheit>")
        emit(2, "</xzufi:zustaendigkeitTransferObjekt>")
    emit(1, "</xzufi:schreibe>")
    emit(0, "</xzufi:transfer.operation.040101>")
    path = os.path.join(OUT, "by", "xzufi-leistungen.xml")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(("\n".join(out) + "\n").encode("utf-8"))


# --------------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------------
def main():
    results = {}   # state -> dict(read, rejects{cat:n}, local, keys:set)
    defects = []   # (state, line, category, description)

    for state in ("NI", "TH"):
        r = random.Random(rng.getrandbits(64))
        offs = build_offerings(state, r)
        shuffle_offerings(offs, r)
        offs = plant_csv_defects(state, offs, r)
        write_csv(state, offs, r)
        rej = {}
        keys = set()
        local = 0
        for o in offs:
            if o.defect:
                rej[o.defect] = rej.get(o.defect, 0) + 1
                desc = o.defect_desc
                if o.defect == "duplicate":
                    desc = "same (LeiKa %s, gebiet %s) as %s on line %d" % (
                        o.key, o.gebiet or "state-wide", o.dup_of.source_id, o.dup_of.line)
                defects.append((state, o.line, o.defect, desc))
            elif o.local:
                local += 1
            else:
                keys.add(o.key)
        results[state] = {"read": len(offs), "rejects": rej, "local": local, "keys": keys}

    r = random.Random(rng.getrandbits(64))
    leistungen, ods, ztos = by_model(r)
    write_by(leistungen, ods, ztos, r)
    rej = {}
    keys = set()
    local = 0
    read = 0
    seen = set()
    for L in leistungen:  # leistungen without any zustaendigkeit: one state-wide offering each
        if not L["statewide"]:
            continue
        read += 1
        if L["defect"]:
            rej[L["defect"]] = rej.get(L["defect"], 0) + 1
            defects.append(("BY", L["line"], L["defect"], L["desc"]))
        elif L["key"] is None:
            local += 1
        else:
            assert (L["key"], "") not in seen
            seen.add((L["key"], ""))
            keys.add(L["key"])
    for z in ztos:
        read += 1
        if z["defect"]:
            rej[z["defect"]] = rej.get(z["defect"], 0) + 1
            defects.append(("BY", z["line"], z["defect"], z["desc"]))
            continue
        L = z["leistung"]
        if L["key"] is None:
            local += 1
        else:
            assert (L["key"], z["gebiet"]) not in seen
            seen.add((L["key"], z["gebiet"]))
            keys.add(L["key"])
    # every leistung that has a zustaendigkeit really has one in the file
    with_z = {z["leistungID"] for z in ztos}
    for L in leistungen:
        assert L["statewide"] == (L["id"] not in with_z), L["id"]
    results["BY"] = {"read": read, "rejects": rej, "local": local, "keys": keys}

    # expected counts ---------------------------------------------------------------------
    lines = ["# Expected import result of the sample exports; written by tools/generate-sample-data.py.",
             "# read = offerings in the file (rejected included); imported = read - rejected."]
    for state in ("NI", "TH", "BY"):
        res = results[state]
        nrej = sum(res["rejects"].values())
        lines.append("%s.read=%d" % (state, res["read"]))
        lines.append("%s.imported=%d" % (state, res["read"] - nrej))
        lines.append("%s.rejected=%d" % (state, nrej))
        for cat in CATEGORIES:
            if res["rejects"].get(cat):
                lines.append("%s.rejected.%s=%d" % (state, cat, res["rejects"][cat]))
        lines.append("%s.local=%d" % (state, res["local"]))
        lines.append("%s.keys=%d" % (state, len(res["keys"])))
    allkeys = results["NI"]["keys"] | results["TH"]["keys"] | results["BY"]["keys"]
    common = results["NI"]["keys"] & results["TH"]["keys"] & results["BY"]["keys"]
    lines.append("merged.keys=%d" % len(allkeys))
    lines.append("merged.allStates=%d" % len(common))
    with open(os.path.join(OUT, "expected-counts.properties"), "w", encoding="ascii", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")

    defects.sort(key=lambda d: (["NI", "TH", "BY"].index(d[0]), d[1]))
    with open(os.path.join(OUT, "planted-defects.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["state", "line", "category", "description"])
        w.writerows(defects)

    write_readme(results)


README = """# Sample data

Synthetic exports of three states' catalogues of administrative services, as catalog-sync reads
them (see `config/application.yml`):

| State | File | Format |
|---|---|---|
| NI Niedersachsen | `ni/leistungen.csv` | CSV, windows-1252, `;`, CRLF, dates `dd.MM.yyyy`, keys with spaces/dots/plain, maturity `Stufe 0`..`Stufe 4`/`online`/`offline` |
| TH Thüringen | `th/leistungskatalog.csv` | CSV, UTF-8 with BOM, `,`, LF, dates `yyyy-MM-dd`, keys plain or with dashes, maturity `RG0`..`RG4`/`Reifegrad 0`..`4`/`nur Information`, multi-line quoted `beschreibung` |
| BY Bayern | `by/xzufi-leistungen.xml` | XZuFi 2.2.0 (`transfer.operation.040101`), UTF-8: leistung, onlinedienst, zustaendigkeitTransferObjekt |

The data is synthetic but made from real LeiKa keys, names, Leistungstypen and OZG-IDs (the
reference `src/main/resources/reference/leika-leistungen.csv`), real district ARS and district names.
Wording, texts, authorities, maturity levels, dates and URLs are invented.

LeiKa keys and names derived from kdn-nrw/OZG-Datenbank-NRW (MIT License, Copyright (c) 2020 Gert Hammes); see src/main/resources/reference/LICENSE-kdn-nrw-MIT.txt

## Files

- `expected-counts.properties`: the import result catalog-sync must produce (offerings read,
  imported, rejected per category, state-local offerings, distinct keys; merged keys and keys
  present in all three states). Computed by the generator from what it wrote.
- `planted-defects.csv`: every dirty record (state, physical line where the record starts,
  header = line 1; for XML the line of the `leistung` / `zustaendigkeitTransferObjekt` start tag),
  category and description. Each dirty record has exactly one defect.

## Model

One offering = one service per state and area. CSV: every data record is one offering (empty
`Regionalschlüssel`/`ars` = state-wide). XZuFi: every `zustaendigkeitTransferObjekt` is one offering;
every `leistung` without any zustaendigkeit is one state-wide offering. Services without a LeiKa key
(`nicht im LeiKa` in NI/TH, no `referenzLeiKa` in BY) are valid, state-local offerings; each of them
has its own area (one state-wide, the others in distinct districts).

## Counts

%(counts)s

## Regenerate

    python3 tools/generate-sample-data.py

from the repository root (Python 3, stdlib only, seed 20261128; byte-identical output on every run).
"""


def write_readme(results):
    rows = ["| State | read | imported | rejected | by category | local | keys |", "|---|---|---|---|---|---|---|"]
    for s in ("NI", "TH", "BY"):
        res = results[s]
        n = sum(res["rejects"].values())
        cats = ", ".join("%s %d" % (c, res["rejects"][c]) for c in CATEGORIES if res["rejects"].get(c))
        rows.append("| %s | %d | %d | %d | %s | %d | %d |" % (s, res["read"], res["read"] - n, n, cats, res["local"], len(res["keys"])))
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(README % {"counts": "\n".join(rows)})


if __name__ == "__main__":
    main()
