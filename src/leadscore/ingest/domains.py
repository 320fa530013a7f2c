"""Personal email domains and company-domain normalisation.

A person's email domain makes them part of an account only when it is a company domain:
the maintained list in ``personal_domains.txt`` (gmail, yahoo, outlook, hotmail, icloud,
proton, …) plus ``ingest.personal_domains`` from the project file are never company domains.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def maintained_personal_domains() -> frozenset[str]:
    """The maintained list shipped with leadscore."""
    text = resources.files("leadscore.ingest").joinpath("personal_domains.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.lstrip().startswith("#"))


def personal_domains(extra: list[str] | tuple[str, ...] = ()) -> frozenset[str]:
    """The maintained list plus a project's own additions (lower-cased)."""
    return maintained_personal_domains() | {d.strip().lower().lstrip("@") for d in extra}


def domain_sql(expr: str) -> str:
    """SQL turning a website, URL or domain column into a bare lower-case domain (or NULL).

    ``https://www.Acme.com/about`` → ``acme.com``.
    """
    bare = (f"regexp_replace(regexp_replace(lower(trim(CAST({expr} AS VARCHAR))), "
            f"'^[a-z]+://', ''), '^www\\.', '')")
    return f"nullif(regexp_extract({bare}, '^([^/:?#@\\s]+)', 1), '')"


def email_domain_sql(expr: str) -> str:
    """SQL for the lower-case domain of an email address (or NULL)."""
    domain = f"regexp_extract(CAST({expr} AS VARCHAR), '@([^@\\s]+)\\s*$', 1)"
    return f"nullif(lower(trim({domain})), '')"
