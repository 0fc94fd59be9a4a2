"""Swedish-like words for the synthetic national corpus: the plan structure Nära vård plans share,
and stems that activity names, goals and descriptions are composed from.

Places are not here: they come from ``domain.places`` (the real 21 regions and 290
municipalities), so the synthetic graph resolves exactly as real documents do.
"""

from __future__ import annotations

PERIOD = "2024-2027"

GOAL_AREAS: tuple[str, ...] = ("Tillsammans", "Nära", "God hälsa, vård och omsorg")

FOCUS_AREAS: tuple[str, ...] = (
    "Delaktighet och personcentrering",
    "Hälsofrämjande, förebyggande och rehabiliterande",
    "Primärvården som nav",
    "Kompetensförsörjning",
    "Digitalisering",
)

# Focus area → the målsättningar a plan states under it.
GOALS: dict[str, tuple[str, ...]] = {
    "Delaktighet och personcentrering": (
        "Personen är delaktig i planeringen av sin vård och omsorg",
        "Fler personer har en samordnad individuell plan",
        "Närstående erbjuds stöd i ett tidigt skede",
        "Personcentrerade arbetssätt används i alla verksamheter",
        "Barn och unga får komma till tals i sin egen vård",
    ),
    "Hälsofrämjande, förebyggande och rehabiliterande": (
        "Fler invånare får stöd att förändra ohälsosamma levnadsvanor",
        "Färre fallskador bland äldre",
        "Rehabilitering i hemmet är tillgänglig i hela länet",
        "Tidiga insatser för barn och unga med psykisk ohälsa",
        "Ökad fysisk aktivitet bland personer med kronisk sjukdom",
    ),
    "Primärvården som nav": (
        "Alla invånare har en fast vårdkontakt",
        "Ökad kontinuitet i primärvården",
        "Färre undvikbara besök på akutmottagningen",
        "Mobila team finns i varje kommun",
        "God tillgänglighet till första linjens vård",
    ),
    "Kompetensförsörjning": (
        "Medarbetare har kompetens för nära vård",
        "Fler undersköterskor stannar i yrket",
        "Gemensam introduktion för nyanställda",
        "Verksamhetsförlagd utbildning i samverkan",
        "Ledare har stöd att leda omställningen",
    ),
    "Digitalisering": (
        "Invånare kan följa sina egna värden digitalt",
        "Digitala vårdmöten är ett självklart alternativ",
        "Information delas säkert mellan huvudmännen",
        "Välfärdsteknik används i hemtjänsten",
        "Journalsamverkan mellan region och kommun",
    ),
}

# Indicator → (målområde, its mått). An empty list is an indicator gap, as in real plans.
INDICATORS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Delaktighet": ("Tillsammans", ("Andel patienter som upplever delaktighet i sin vård",)),
    "Samordning": ("Tillsammans", ("Antal Samordnad individuell plan (SIP)", "Andel SIP med uppföljning")),
    "Tillgänglighet": ("Nära", ("Andel besök inom vårdgarantin", "Väntetid till första linjen")),
    "Kontinuitet": ("Nära", ("Kontinuitetsindex primärvårdsläkare, kronisk sjukdom",)),
    "Hälsofrämjande": ("God hälsa, vård och omsorg", ("Antal genomförda hälsosamtal",)),
    "Förebyggande": ("God hälsa, vård och omsorg", ("Andel fallskador bland personer över 80 år",)),
    "Rehabiliterande": ("God hälsa, vård och omsorg", ()),
}

TARGET_GROUPS: tuple[str, ...] = (
    "barn och unga",
    "unga vuxna 18–29 år",
    "äldre",
    "personer med samsjuklighet",
    "närstående",
    "personer med funktionsnedsättning",
    "personer med psykisk ohälsa",
    "personer med kronisk sjukdom",
    "nyanlända",
    "multisjuka äldre",
)

VERBS: tuple[str, ...] = (
    "Utveckla",
    "Införa",
    "Pröva",
    "Sprida",
    "Etablera",
    "Kartlägga",
    "Samordna",
    "Följa upp",
    "Stärka",
    "Breddinföra",
    "Utvärdera",
    "Samverka kring",
)

# Activity objects, by the focus area they usually fall under.
OBJECTS: dict[str, tuple[str, ...]] = {
    "Delaktighet och personcentrering": (
        "samordnad individuell plan (SIP)",
        "personcentrerade samtal",
        "anhörigstöd",
        "brukarråd",
        "patientkontrakt",
        "språkombud",
        "delaktighetsmodell",
    ),
    "Hälsofrämjande, förebyggande och rehabiliterande": (
        "hälsosamtal",
        "fallprevention",
        "rehabilitering i hemmet",
        "levnadsvaneinsatser",
        "träffpunkter",
        "familjecentral",
        "första linjen för barn och unga",
        "hälsocoacher",
    ),
    "Primärvården som nav": (
        "fast vårdkontakt",
        "mobila team",
        "trygg hemgång",
        "läkemedelsgenomgångar",
        "hemsjukvård",
        "vårdsamordnare",
        "akutteam",
        "demensteam",
        "palliativ vård",
    ),
    "Kompetensförsörjning": (
        "kompetensutveckling",
        "introduktionsprogram",
        "gemensam utbildning",
        "handledning",
        "karriärvägar",
        "ledarutveckling",
        "yrkesintroduktion",
    ),
    "Digitalisering": (
        "egenmonitorering",
        "digitala vårdmöten",
        "välfärdsteknik",
        "e-hälsa",
        "journalsamverkan",
        "digital nattillsyn",
        "distansmonitorering",
    ),
}

BENEFITS: tuple[str, ...] = (
    "får en mer sammanhållen vård",
    "får stöd tidigare",
    "slipper onödiga besök på sjukhus",
    "kan bo kvar hemma längre",
    "får bättre kontinuitet",
    "blir mer delaktiga",
    "får vård nära hemmet",
)

KINDS: tuple[str, ...] = (
    "aktivitet",
    "aktivitet",
    "projekt",
    "utvecklingsarbete",
    "gemensam satsning",
    "pilot",
)
STATUSES: tuple[str, ...] = ("pågående", "pågående", "planerad", "avslutad", "okänd")
TIMEPLANS: tuple[str, ...] = (
    "Påbörjas {start}",
    "{start}–{end}",
    "Pilot under våren {start}",
    "Klart {end}",
    "Löpande {start}–{end}",
)

# County-wide bodies and units; "{county}" is the county's display name.
COUNTY_BODIES: tuple[tuple[str, str], ...] = (
    ("Länsstyrgruppen i {county}", "styrgrupp"),
    ("Nätverket Nära vård i {county}", "nätverk"),
    ("Beredningsgrupp Barn och unga i {county}", "beredningsgrupp"),
    ("Beredningsgrupp Äldre i {county}", "beredningsgrupp"),
    ("Beredningsgrupp Psykisk hälsa i {county}", "beredningsgrupp"),
    ("Länsgemensamt regionalt stöd i {county}", "enhet"),
)
# Local units; "{place}" is the municipality's bare name.
LOCAL_UNITS: tuple[tuple[str, str], ...] = (
    ("Vårdcentralen {place}", "enhet"),
    ("Hemsjukvården i {place}", "enhet"),
    ("Socialförvaltningen i {place}", "enhet"),
)
