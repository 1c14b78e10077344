/* Contacts and assessments of gen-samples: the meetings, employer contacts
 * and benefits counselling of an episode, as its coach works (collected in
 * w->cbuf, which gen_client() sorts and writes), its assessments, and the
 * employer work for no one client. */
#include <stdio.h>
#include <stdlib.h>

#include "gen_world.h"

static const int q_first[] = {0, 2, 6, 12, 20, 30, 45, 70, 110, 180, 300};
static const int minutes_list[] = {20, 30, 30, 45, 45, 45, 60, 60, 60, 60, 75, 90};

static void add_contact(world *w, rng *r, const episode *e, int date, int kind, int in_person,
                        int by, int emp, int setting, int minutes)
{
    if (date == NODATE)
        return;
    if (w->cn == w->ccap) {
        w->ccap = w->ccap ? w->ccap * 2 : 256;
        w->cbuf = realloc(w->cbuf, (size_t)w->ccap * sizeof *w->cbuf);
        if (!w->cbuf) {
            fprintf(stderr, "gen-samples: out of memory\n");
            exit(1);
        }
    }
    int coach = by == BY_CLIENT && pm(r, 500) ? -1 : coach_on(w, e->slot, date);
    if (pm(r, 30))
        setting = -1;
    if (pm(r, 50))
        minutes = -1;
    w->cbuf[w->cn] = (contact){date, kind, in_person, coach, by, emp, setting, minutes, w->cn};
    w->cn++;
}

static void meet(world *w, rng *r, const client *c, const episode *e, int date, bool followup)
{
    if (date == NODATE)
        return;
    const coach *co = &w->coaches[coach_on(w, e->slot, date)];
    bool inp = followup || !pm(r, co->phone_pm);
    int setting = ST_OFFICE, minutes = minutes_list[below(r, COUNT(minutes_list))];
    if (!inp)
        setting = ST_REMOTE, minutes = range(r, 2, 6) * 5;
    else if (e->service == SV_GROUP)
        minutes = pm(r, 500) ? 90 : 120;
    else if (pm(r, co->community * 10))
        setting = job_held(c, date, true) && pm(r, 450) ? ST_WORKPLACE
                  : pm(r, 200)                          ? ST_HOME : ST_COMMUNITY;
    add_contact(w, r, e, date, CK_CLIENT, inp, -1, -1, setting, minutes);
}

static void meet_employer(world *w, rng *r, const episode *e, int date, int emp, bool inp, int by)
{
    int setting = !inp ? ST_REMOTE : by == BY_CLIENT ? ST_WORKPLACE
                                   : WPICK(r, ((const int[]){15, 25, 60})); /* office.. workplace */
    if (by == BY_COACH && pm(r, 150))
        by = -1; /* the default */
    add_contact(w, r, e, date, CK_EMPLOYER, inp, by, emp, setting,
                inp ? range(r, 4, 12) * 5 : range(r, 1, 4) * 5);
}

/* A working day in [lo, hi] on or before d (a meeting the week before something). */
static int workday_back(int d, int lo, int hi)
{
    d -= weekday(d) >= 5 ? weekday(d) - 4 : 0;
    return d < lo || d > hi ? NODATE : d;
}

static void job_followup(world *w, rng *r, const client *c, const episode *e, const job *j,
                         int lo, int hi)
{
    int dil = w->coaches[coach_on(w, e->slot, j->start)].diligence;
    if (pm(r, dil))
        meet(w, r, c, e, workday_back(j->start - range(r, 1, 6), lo, hi), true);
    if (pm(r, dil))
        meet(w, r, c, e, workday(j->start + range(r, 0, 3), lo, hi), true);
    for (int wk = 0; wk < 4; wk++)
        if (pm(r, dil))
            meet(w, r, c, e, workday(j->start + 7 * wk + range(r, 0, 4), lo, hi), true);
    for (int mo = 1; mo <= 8; mo++)
        if (pm(r, dil * 9 / 10) && (j->end == NODATE || j->start + 30 * mo <= j->end))
            meet(w, r, c, e, workday(j->start + 30 * mo + range(r, 0, 10), lo, hi), true);
}

/* The first in-person employer contact (fidelity item 15): the same day, within
 * weeks, months, or never, depending on the coach; returns its day or NODATE. */
static int first_employer_contact(world *w, rng *r, const episode *e, unsigned interest,
                                  unsigned force, int lo, int hi)
{
    const coach *co0 = &w->coaches[coach_on(w, e->slot, lo)];
    const job *j1 = e->njobs ? &e->jobs[0] : NULL;
    int fe = NODATE;
    if (force & F_ZERO_DAY)
        fe = lo;
    else if ((e->service == SV_IPS || pm(r, 250)) && !pm(r, co0->never_pm))
        fe = lo + QUANT(r, q_first) * (4 - co0->fast) / 3 * (e->service == SV_IPS ? 1 : 2);
    if (j1 && j1->start >= lo && (fe == NODATE || fe > j1->start - 3))
        fe = max_i(lo, j1->start - range(r, 3, 20)); /* the job came from an employer visit */
    fe = fe == NODATE ? NODATE : workday(fe, lo, hi);
    if (fe != NODATE) {
        int emp = j1 && fe >= j1->start - 20 ? j1->emp : pick_emp(w, r, interest);
        meet_employer(w, r, e, fe, emp, true, pm(r, 300) ? BY_BOTH : BY_COACH);
    }
    return fe;
}

void episode_contacts(world *w, rng *r, const client *c, const episode *e, unsigned force)
{
    int lo = e->start, hi = e->end == NODATE ? w->asof : e->end;
    const job *j1 = e->njobs ? &e->jobs[0] : NULL;
    unsigned interest = j1 ? occs[j1->occ >= 0 ? j1->occ : 0].kinds : occs[pick_occ(r)].kinds;
    int fe = first_employer_contact(w, r, e, interest, force, lo, hi);
    static const int per_level[] = {600, 300, 140};
    int per = e->service == SV_GROUP ? 500 : e->service == SV_ENV ? 450 : e->service == SV_OTHER
              ? 200 : per_level[e->level < 0 ? 1 : e->level];
    for (int mon = lo - weekday(lo); mon <= hi; mon += 7) {
        const coach *co = &w->coaches[coach_on(w, e->slot, max_i(mon, lo))];
        const job *held = job_held(c, mon, true);
        int n = pm(r, per);
        n += e->level == 0 && pm(r, 250);
        for (int i = 0; i < n; i++)
            meet(w, r, c, e, workday(mon + below(r, 5), lo, hi), false);
        int d = workday(mon + below(r, 5), lo, hi);
        if (e->service == SV_IPS && !held) {
            if (fe != NODATE && mon > fe && pm(r, co->emp_pm)) {
                int emp = pick_emp(w, r, interest);
                meet_employer(w, r, e, d, emp, true, WPICK(r, ((const int[]){65, 13, 22})));
            }
            if (pm(r, co->emp_pm / 4)) {
                int emp = pick_emp(w, r, interest);
                meet_employer(w, r, e, workday(mon + below(r, 5), lo, hi), emp, false, BY_COACH);
            }
        } else if (held && held != &c->pre && pm(r, co->emp_pm / 3)) {
            meet_employer(w, r, e, d, held->emp, true, pm(r, 300) ? BY_BOTH : BY_COACH);
        }
        if (pm(r, 80)) { /* with other professionals: social work, health care */
            int day = workday(mon + below(r, 5), lo, hi), inp = pm(r, 350);
            int setting = pm(r, 500) ? ST_OFFICE : ST_REMOTE, minutes = range(r, 4, 12) * 5;
            add_contact(w, r, e, day, CK_NETWORK, inp, -1, -1, setting, minutes);
        }
        if (pm(r, 12)) {
            int day = workday(mon + below(r, 5), lo, hi), inp = pm(r, 500);
            add_contact(w, r, e, day, CK_OTHER, inp, -1, -1, ST_OFFICE, range(r, 2, 8) * 5);
        }
    }
    if (pm(r, 600)) { /* benefits counselling early in the service ... */
        int day = workday(lo + range(r, 0, 21), lo, hi);
        add_contact(w, r, e, day, CK_BENEFITS, 1, -1, -1, ST_OFFICE, range(r, 9, 18) * 5);
    }
    for (int i = 0; i < e->njobs; i++) {
        if (pm(r, 450)) { /* ... and again when work starts */
            int day = workday(e->jobs[i].start + range(r, -10, 10), lo, hi), inp = pm(r, 700);
            add_contact(w, r, e, day, CK_BENEFITS, inp, -1, -1, ST_OFFICE, range(r, 6, 12) * 5);
        }
        job_followup(w, r, c, e, &e->jobs[i], lo, hi);
    }
}

void episode_assessments(world *w, rng *r, const client *c, const episode *e)
{
    if (!pm(r, e->service == SV_GROUP ? 300 : 880))
        return;
    int hi = e->end == NODATE ? w->asof : e->end, last = NODATE;
    int rtw = range(r, 10, 45); /* 1..6 in tenths, most start low */
    rtw = (rtw + range(r, 15, 45)) / 2;
    int wa = range(r, 1, 8);
    for (int d = workday(e->start + range(r, 0, 14), e->start, hi); d != NODATE;) {
        if (pm(r, 930))
            write_assessment(w, c, d, "rtw_se", rtw, 1);
        if (pm(r, 900))
            write_assessment(w, c, d, "work_ability_score", wa, 0);
        last = d;
        rtw = max_i(10, min_i(60, rtw + range(r, -3, 6)));
        wa = max_i(0, min_i(10, wa + range(r, -1, 2)));
        int next = d + range(r, 170, 195);
        d = next > hi - 20 ? NODATE : workday(next, d + 1, hi);
    }
    if (e->end != NODATE && last != NODATE && last < e->end - 14 && pm(r, 600)) {
        write_assessment(w, c, e->end, "rtw_se", rtw, 1);
        write_assessment(w, c, e->end, "work_ability_score", wa, 0);
    }
}

/* Employer work for no one client: job development, by each coach on working days. */
void free_contacts(world *w)
{
    for (int s = 0; s < w->nslots; s++) {
        rng r = rng_for(w->seed, 3, (uint64_t)s);
        int from = w->slots[s].start == NODATE ? w->start : max_i(w->start, w->slots[s].start);
        for (int d = from; d <= w->asof; d++) {
            int ci = coach_on(w, s, d);
            int p = tmpls[w->slots[s].tmpl].kind == T_IPS ? w->coaches[ci].free_pm : 60;
            if (weekday(d) >= 5 || !pm(&r, p))
                continue;
            contact k = {.date = d, .kind = CK_EMPLOYER, .coach = ci, .seq = 0};
            k.in_person = !pm(&r, 150);
            k.by = pm(&r, 200) ? -1 : BY_COACH;
            k.emp = skew(&r, w->nemps);
            k.setting = k.in_person ? (pm(&r, 700) ? ST_WORKPLACE : ST_COMMUNITY) : ST_REMOTE;
            k.minutes = k.in_person ? range(&r, 4, 12) * 5 : range(&r, 1, 4) * 5;
            write_contact(w, NULL, &k);
        }
    }
    /* One row on the last day, so the as-of date of the set never depends on luck. */
    contact k = {w->asof, CK_EMPLOYER, 1, coach_on(w, 0, w->asof), BY_COACH, 0, ST_WORKPLACE, 45, 0};
    write_contact(w, NULL, &k);
}
