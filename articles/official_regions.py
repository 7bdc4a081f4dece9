"""The official Kemendagri regions shipped in data/wilayah, read into rows for the data migration that
loads them."""

import csv
from pathlib import Path

WILAYAH_DIR = Path(__file__).resolve().parent.parent / "data" / "wilayah"


def read_csv(name, folder=WILAYAH_DIR):
    with open(Path(folder) / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def region_rows(folder=WILAYAH_DIR):
    """Region dicts with code, name, level, province_code, election and pilkada_2024, sorted by code."""
    elections = {row["code"]: row for row in read_csv("pilkada2024.csv", folder)}
    rows = []
    for row in read_csv("regions.csv", folder):
        election = elections.get(row["code"], {})
        rows.append(
            {
                "code": row["code"],
                "name": row["name"],
                "level": row["level"],
                "province_code": row["province_code"],
                "election": election.get("election", ""),
                "pilkada_2024": election.get("held_2024_11_27") == "yes",
            }
        )
    return sorted(rows, key=lambda r: r["code"])


def alias_rows(folder=WILAYAH_DIR):
    """Alias dicts with code, alias and kind (short_name, abbreviation, variant, former_code …)."""
    return [
        {"code": row["code"], "alias": row["alias"], "kind": row["kind"]}
        for row in read_csv("aliases.csv", folder)
    ]
