#!/usr/bin/python3
"""The pandas script a data analyst would write instead of ipsreport: a cost
peer for `make bench`, not a second implementation.  It follows metrics.md
loosely (IPS episodes, quarter P, 12-month window W) and skips its finer rules.

usage: python3 bench/peer.py DATA_DIR PERIOD OUT_DIR   (DATA_DIR/canonical/*.csv)
"""
import sys
from pathlib import Path

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

data, period, out = Path(sys.argv[1]) / "canonical", sys.argv[2], Path(sys.argv[3])
out.mkdir(parents=True, exist_ok=True)
q = pd.Period(period, freq="Q")
p_start, p_end = q.start_time.normalize(), q.end_time.normalize()
w_start = p_end - pd.Timedelta(days=364)

def load(name, dates, **dtype):
    return pd.read_csv(data / f"{name}.csv", parse_dates=dates,
                       dtype={"client_id": str, "coach_id": str, "employer_id": str,
                              "enrollment_id": str, **dtype})

# The whole export is loaded, as an analyst would, not only the columns used.
coaches = load("coaches", ["start_date", "end_date"], provider_id=str, team_id=str)
clients = load("clients", [], gender="category", segment="category", municipality=str)
employers = load("employers", [], industry=str, sector="category")
enr = load("enrollments", ["referral_date", "start_date", "end_date"],
           service="category", exit_reason="category", support_level="category")
contacts = load("contacts", ["date"], kind="category", in_person="category",
                by="category", setting="category")
jobs = load("jobs", ["start_date", "end_date"], occupation=str, job_title=str,
            competitive="category", permanent="category")

as_of = max(enr[["start_date", "end_date"]].max().max(), contacts["date"].max(),
            jobs[["start_date", "end_date"]].max().max())
enr["end"] = enr["end_date"].fillna(as_of)
jobs["end"] = jobs["end_date"].fillna(as_of)
ips = enr[enr["service"] == "ips"]

# Caseload and employment rate: a competitive job held on a day of P that is
# also a day of the client's active episode.
active = ips[(ips["start_date"] <= p_end) & (ips["end"] >= p_start)]
active = active.merge(coaches[["coach_id", "provider_id"]], on="coach_id", how="left")
comp = jobs[jobs["competitive"] == "y"]
held = active.merge(comp, on="client_id", suffixes=("", "_job"))
held = held[held[["start_date", "start_date_job"]].max(axis=1).clip(lower=p_start)
            <= held[["end", "end_job"]].min(axis=1).clip(upper=p_end)]
by_provider = pd.DataFrame({
    "caseload": active.groupby("provider_id")["client_id"].nunique(),
    "employed": held.groupby("provider_id")["client_id"].nunique()}).fillna(0)
by_provider["employment_rate"] = 100 * by_provider["employed"] / by_provider["caseload"]
caseload, employed = active["client_id"].nunique(), held["client_id"].nunique()

# Item 15: days from episode start to the first in-person employer contact
# naming the client, for episodes started in W.
cohort = ips[ips["start_date"].between(w_start, p_end)]
emp_contacts = contacts.loc[(contacts["kind"] == "employer") & (contacts["in_person"] == "y")
                            & (contacts["date"] <= as_of), ["client_id", "date"]]
first = cohort.merge(emp_contacts, on="client_id")
first = first[first["date"] >= first["start_date"]].groupby("enrollment_id")["date"].min()
days = (first - cohort.set_index("enrollment_id").loc[first.index, "start_date"]).dt.days

# Items 19 and 20: competitive jobs of ips episodes held in W that do not repeat
# an earlier job type / employer of the same client.  A job without an
# enrollment_id takes the client's episode active on its start date.
guess = comp[comp["enrollment_id"].isna()].drop(columns="enrollment_id").merge(
    enr[["client_id", "enrollment_id", "service", "start_date", "end"]],
    on="client_id", suffixes=("", "_ep"))
guess = guess[(guess["start_date_ep"] <= guess["start_date"]) & (guess["end_ep"] >= guess["start_date"])]
guess = (guess.assign(not_ips=guess["service"] != "ips")
         .sort_values(["not_ips", "start_date_ep"], ascending=[True, False])
         .drop_duplicates("job_id"))
scoped = pd.concat([comp[comp["enrollment_id"].notna()], guess[comp.columns]])
scoped = scoped[scoped["enrollment_id"].isin(ips["enrollment_id"])].copy()
title = scoped["job_title"].str.lower().str.split().str.join(" ")
scoped["job_type"] = ("occ:" + scoped["occupation"].str[:4]).fillna("title:" + title)
in_w = (scoped["start_date"] <= p_end) & (scoped["end"] >= w_start)
diversity = {}
for item, key in (("job_diversity", "job_type"), ("employer_diversity", "employer_id")):
    earlier = scoped.groupby(["client_id", key])["start_date"].transform("min") < scoped["start_date"]
    diversity[item] = 100 * (1 - earlier[in_w].mean())

exits = ips[ips["end_date"].between(p_start, p_end)]["exit_reason"].value_counts()
exits = exits[exits > 0].rename_axis("exit_reason").rename("exits")

summary = pd.DataFrame({"metric": [
    "caseload_active", "employment_rate", "first_employer_contact_mean_days",
    "first_employer_contact_within_30", "first_employer_contact_pending",
    "job_diversity", "employer_diversity", "exits"], "value": [
    caseload, 100 * employed / caseload, days.mean(), 100 * (days <= 30).mean(),
    len(cohort) - len(days), diversity["job_diversity"], diversity["employer_diversity"],
    exits.sum()]}).round(1)
with pd.ExcelWriter(out / f"peer-{period}.xlsx", engine="xlsxwriter") as xl:
    summary.to_excel(xl, sheet_name="Summary", index=False)
    exits.to_frame().to_excel(xl, sheet_name="Exits")
    by_provider.round(1).to_excel(xl, sheet_name="By provider")
    for sheet in xl.sheets.values():
        sheet.set_column(0, 3, 30)

def contact_hist(ax):
    days.plot.hist(bins=30, ax=ax)
    ax.axvline(30, color="red", linestyle="--")  # item 15's top band

for name, title, draw in (
        ("exits_by_reason", "Exits by reason", lambda ax: exits.sort_values().plot.barh(ax=ax)),
        ("first_employer_contact", "Days to first employer contact", contact_hist),
        ("employment_rate_by_provider", "Employment rate by provider (%)",
         lambda ax: by_provider["employment_rate"].plot.bar(ax=ax))):
    fig, ax = plt.subplots(figsize=(8, 5))
    draw(ax)
    ax.set_title(f"{title}, {period}")
    fig.tight_layout()
    fig.savefig(out / f"{name}.png", dpi=100)
    plt.close(fig)
print(summary.to_string(index=False))
