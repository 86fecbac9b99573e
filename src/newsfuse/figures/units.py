"""Units of measure: which dimension a unit measures and its factor to a canonical unit.

Lets "5,000 ft", "1,500 metres" and "almost a mile" be one water depth, and
"1,000 barrels a day" and "42,000 gallons a day" one leak rate.
"""

from __future__ import annotations

#: unit -> (dimension, factor to the dimension's canonical unit: metre, m², litre, kg).
UNITS: dict[str, tuple[str, float]] = {
    "ft": ("length", 0.3048), "m": ("length", 1.0), "km": ("length", 1000.0), "miles": ("length", 1609.344),
    "in": ("length", 0.0254), "yd": ("length", 0.9144),
    "sq miles": ("area", 2_589_988.0), "sq km": ("area", 1e6), "sq m": ("area", 1.0), "sq ft": ("area", 0.0929),
    "acres": ("area", 4046.86), "ha": ("area", 1e4),
    "gallons": ("volume", 3.785411784), "barrels": ("volume", 158.987294928), "litres": ("volume", 1.0),
    "tonnes": ("mass", 1000.0), "kg": ("mass", 1.0), "lb": ("mass", 0.45359237),
    "psi": ("pressure", 6894.757),  # pounds per square inch, in pascals
    "years": ("time", 365.25), "months": ("time", 30.4375), "weeks": ("time", 7.0), "days": ("time", 1.0),
}


def dimension(unit: str | None) -> tuple[str, float]:
    """(dimension, factor); rates keep their '/day'; unknown units are their own dimension."""
    if unit is None:
        return "count", 1.0
    base, _, per = unit.partition("/")
    dim, factor = UNITS.get(base, (base, 1.0))
    if per:
        return f"{dim}/{per}", factor
    return dim, factor
