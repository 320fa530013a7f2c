"""Champion movement (``fit.champion``, ``docs/semantics.md`` §1.1).

A power user of a customer who changes jobs and signs up from their new company is the warmest
lead there is. The same human is recognised by ``link`` (a people column such as a LinkedIn URL)
on two records: the earlier one, at another company domain, was a power user. This is a
self-join of the visible people on the link, one per scoring run, not per person.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from leadscore.compile.expressions import truth
from leadscore.compile.fit import as_number
from leadscore.compile.portable import num
from leadscore.spec import model as m

COLUMN = "fit__champion"


def champion_points(champion: m.Champion, people: ir.Table) -> ir.Table:
    """``person_id`` → ``fit__champion`` for the people who are champions (others absent)."""
    link = people[champion.link].cast("string").strip().lower()
    link = ibis.ifelse(link == "", ibis.null("string"), link)
    earlier = people.select(
        _link=link, _domain=people.email_domain, _created=people.created_at,
        _power=truth(people[champion.power_user]).fill_null(False),
        _nps=(as_number(people[champion.nps]) if champion.nps else ibis.null("float64")))
    now = people.select(person_id=people.person_id, _plink=link, _pdomain=people.email_domain,
                        _pcreated=people.created_at)
    # Same human (link), an earlier sign-up, another company domain, and a power user then.
    matches = now.join(earlier, [now._plink == earlier._link,
                                 earlier._created < now._pcreated,
                                 earlier._domain != now._pdomain, earlier._power])
    per_person = matches.group_by("person_id").aggregate(
        _high_nps=(matches._nps >= champion.nps_min).fill_null(False).any())
    points = num(champion.points) + ibis.ifelse(per_person._high_nps,
                                                num(champion.nps_bonus), num(0))
    return per_person.select("person_id", **{COLUMN: points})
