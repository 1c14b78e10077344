/* Clients of gen-samples, one at a time: each client's random stream plans
 * one or two episodes with their jobs, then the client's rows are written,
 * contacts (gen_contacts.c) sorted by date.  The first clients are the
 * showcase, forced into the cases the tools must handle. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_world.h"

/* ---------- clients: plan each episode, then write its rows ---------- */

static const int q_wait[] = {0, 4, 8, 13, 18, 25, 33, 45, 60};
static const int q_ttj[] = {7, 30, 55, 80, 110, 150, 200, 280, 420, 600};
static const int q_exit[] = {40, 110, 180, 250, 320, 400, 500, 650, 900};
static const int q_follow[] = {30, 70, 110, 150, 190, 240, 300, 380, 500};
static const int q_jobdur[] = {20, 60, 110, 170, 240, 330, 450, 600, 900};
static const int q_gap[] = {20, 45, 75, 110, 160, 230, 320};
static const int q_age[] = {18, 22, 27, 33, 40, 47, 54, 60, 64};
static const int hours10[] = {100, 120, 150, 160, 180, 200, 200, 240, 250, 250, 280, 300, 300,
    320, 350, 375, 375, 375, 400};

/* The first clients are forced into the cases the tools must handle, so every
 * sample set has them whatever the seed (F_ flags: gen_world.h). */
static const unsigned showcase[] = {F_EQ_TITLE, F_SAME_EMP, F_SAME_TYPE, F_PREJOB | F_NO_REF,
                                    F_ZERO_DAY, F_TWO_EP, F_NEG_WAIT};

static int pick_slot(world *w, rng *r, int service, int start)
{
    bool paja = service == SV_GROUP || service == SV_ENV;
    int t = paja ? wpick(r, tmpl_w_paja, N_TMPLS) : wpick(r, tmpl_w_ips, N_TMPLS);
    int s = below(r, w->copies) * N_TMPLS + t;
    if (w->slots[s].start != NODATE && w->slots[s].start > start)
        s--; /* the position is not filled yet: a teammate takes the client */
    return s;
}

int pick_occ(rng *r)
{
    int w[N_OCCS];
    for (int i = 0; i < N_OCCS; i++)
        w[i] = occs[i].w;
    return WPICK(r, w);
}

int pick_emp(world *w, rng *r, unsigned kinds)
{
    int cand[K_N], n = 0;
    for (int k = 0; k < K_N; k++)
        if ((kinds >> k & 1) && w->nby_kind[k])
            cand[n++] = k;
    if (!n)
        return skew(r, w->nemps);
    int k = cand[below(r, n)];
    return w->by_kind[k][skew(r, w->nby_kind[k])];
}

/* A job from start; occ and emp < 0 mean "pick one". */
static void make_job(world *w, rng *r, job *j, int start, int occ, int emp)
{
    memset(j, 0, sizeof *j);
    snprintf(j->id, sizeof j->id, "ty%06ld", ++w->next_job);
    j->occ = occ >= 0 ? occ : pick_occ(r);
    for (int t = 0; occ < 0 && emp >= 0 && t < 50 && !(occs[j->occ].kinds & B(w->emps[emp].kind)); t++)
        j->occ = pick_occ(r); /* a job that fits the employer */
    j->emp = emp >= 0 ? emp : pick_emp(w, r, occs[j->occ].kinds);
    snprintf(j->title, sizeof j->title, "%s", occs[j->occ].title);
    if (occ < 0 && pm(r, 200)) { /* only the title was recorded, sometimes in lower case */
        j->occ = -1;
        if (pm(r, 250))
            j->title[0] = (char)(j->title[0] - 'A' + 'a');
    }
    bool third = w->emps[j->emp].kind == K_THIRD;
    j->start = start;
    j->hours10 = pm(r, 40) ? -1 : hours10[below(r, COUNT(hours10))];
    j->competitive = pm(r, third ? 400 : 40) ? 0 : 1;
    j->subsidized = pm(r, third ? 500 : 150) ? 1 : pm(r, 850) ? 0 : -1;
    j->permanent = pm(r, 150) ? -1 : pm(r, 700) ? 1 : 0;
    j->with_ep = pm(r, 850);
    int dur = QUANT(r, q_jobdur);
    if (j->permanent == 0)
        dur = min_i(dur, range(r, 90, 365));
    j->end = start + dur <= w->asof ? start + dur : NODATE;
    j->end_reason = -1;
    if (j->end != NODATE)
        j->end_reason = j->permanent == 0 && pm(r, 700) ? 2 : WPICK(r, ((const int[]){45, 20, 15, 20}));
}

const job *job_held(const client *c, int day, bool pre_too)
{
    for (int e = 0; e < c->nep; e++)
        for (int i = 0; i < c->ep[e].njobs; i++) {
            const job *j = &c->ep[e].jobs[i];
            if (j->start <= day && (j->end == NODATE || j->end >= day))
                return j;
        }
    if (pre_too && c->has_pre && c->pre.start <= day && (c->pre.end == NODATE || c->pre.end >= day))
        return &c->pre;
    return NULL;
}

/* The jobs of an episode; returns the start of the last one, or NODATE. */
static int plan_jobs(world *w, rng *r, episode *e, int first, unsigned force)
{
    job *j1 = &e->jobs[e->njobs++];
    make_job(w, r, j1, first, -1, force & F_EQ_TITLE ? pick_emp(w, r, B(K_SHOP)) : -1);
    if (force & F_EQ_TITLE) { /* formula-like text: spreadsheets must show it, not run it */
        snprintf(j1->title, sizeof j1->title, "=Kassa+Myynti");
        j1->occ = -1, j1->competitive = 1;
    }
    if (force & (F_SAME_EMP | F_SAME_TYPE)) {
        j1->occ = j1->occ < 0 ? 0 : j1->occ;
        j1->permanent = 0, j1->end = first + range(r, 90, 150);
        j1->end_reason = force & F_SAME_EMP ? 2 : 0;
    }
    bool again = force & (F_SAME_EMP | F_SAME_TYPE) || pm(r, 700);
    if (j1->end == NODATE || !again)
        return first;
    int s2 = workday(j1->end + QUANT(r, q_gap) / 3, j1->end + 1, w->asof);
    if (s2 == NODATE)
        return first;
    bool same_emp = force & F_SAME_EMP || (!(force & F_SAME_TYPE) && pm(r, 250));
    bool same_type = force & F_SAME_TYPE || (!same_emp && pm(r, 300) && j1->occ >= 0);
    int occ = same_emp ? (pm(r, 500) && j1->occ >= 0 ? j1->occ : -1) : same_type ? j1->occ : -1;
    int emp = same_emp ? j1->emp : -1;
    job *j2 = &e->jobs[e->njobs++];
    for (int tries = 0; tries < 5; tries++) {
        w->next_job -= tries > 0;
        make_job(w, r, j2, s2, occ, emp);
        if (!(force & F_SAME_TYPE) || j2->emp != j1->emp)
            break;
    }
    return s2;
}

static void plan_episode(world *w, rng *r, client *c, episode *e, int service, int start,
                         unsigned force)
{
    memset(e, 0, sizeof *e);
    snprintf(e->id, sizeof e->id, "ep%06ld", ++w->next_ep);
    e->service = service, e->start = start;
    e->slot = pick_slot(w, r, service, start);
    e->level = service == SV_IPS ? WPICK(r, ((const int[]){25, 55, 15, 5}))
                                 : WPICK(r, ((const int[]){10, 60, 25, 5}));
    e->level = e->level == 3 ? -1 : e->level;
    if (force & F_NO_REF || (!force && pm(r, 40)))
        e->referral = NODATE;
    else if (force & F_NEG_WAIT || (!force && pm(r, 30)))
        e->referral = min_i(start + range(r, 1, 10), w->asof); /* entered before the paperwork */
    else
        e->referral = start - QUANT(r, q_wait);
    e->source = pm(r, 20) ? -1 : wpick(r, source_w[c->segment < 0 ? SEG_OTHER : c->segment], 7);
    e->coach_blank = !force && pm(r, 10);
    e->exit = -1, e->end = NODATE;

    int job_pm = service == SV_IPS ? 420 : service == SV_ENV ? 120 : service == SV_GROUP ? 60 : 200;
    bool wants_job = force & F_JOB || (!(force & F_TWO_EP) && pm(r, job_pm));
    int ttj = force & F_JOB ? range(r, 30, 90) : QUANT(r, q_ttj);
    int leave = pm(r, 120) ? 100000 : QUANT(r, q_exit) * (service == SV_IPS ? 4 : 2) / 3;
    if (force & F_TWO_EP)
        leave = range(r, 120, 200);
    int plan = start + leave, first = workday(start + ttj, start, w->asof);
    if (wants_job && ttj < leave && first != NODATE) {
        int last = plan_jobs(w, r, e, first, force);
        const job *lj = &e->jobs[e->njobs - 1];
        plan = last + QUANT(r, q_follow);
        if (lj->end != NODATE && plan >= lj->end && pm(r, 600))
            plan = last + (lj->end - last) * range(r, 3, 9) / 10; /* leaves while still employed */
    }
    if (plan > w->asof || force & (F_JOB | F_ZERO_DAY))
        return; /* still in the service on the as-of date */
    e->end = workday(plan, start, w->asof);
    const job *held = job_held(c, e->end, false);
    for (int i = 0; i < e->njobs && !held; i++)
        if (e->jobs[i].start <= e->end && (e->jobs[i].end == NODATE || e->jobs[i].end >= e->end))
            held = &e->jobs[i];
    if (held)
        e->exit = held->subsidized == 1 && pm(r, 600) ? X_EMP_SUB : pm(r, 60) ? X_EDU : X_EMP_OPEN;
    else
        e->exit = force & F_TWO_EP ? X_OTHER_SVC : service == SV_IPS ? wpick(r, exit_w_ips, N_EXITS)
                                                                     : wpick(r, exit_w_env, N_EXITS);
}

static int by_date(const void *a, const void *b)
{
    const contact *x = a, *y = b;
    return x->date != y->date ? (x->date > y->date) - (x->date < y->date)
                              : (x->seq > y->seq) - (x->seq < y->seq);
}

void gen_client(world *w, long i)
{
    rng r = rng_for(w->seed, 2, (uint64_t)i);
    unsigned force = i < COUNT(showcase) ? showcase[i] : 0;
    client c;
    memset(&c, 0, sizeof c);
    snprintf(c.id, sizeof c.id, "as%06ld", i + 1);
    c.segment = pm(&r, 10) ? -1 : wpick(&r, segment_w, N_SEGMENTS);
    int span = w->asof - w->start;
    int s = force ? w->start + range(&r, 10, 90) : pm(&r, 80) ? w->start + range(&r, 0, 20)
                                                              : w->start + below(&r, max_i(span - 14, 1));
    s = workday(min_i(s, w->asof), w->start, w->asof);
    s = s == NODATE ? w->asof : s;
    int sv = force & F_TWO_EP ? SV_ENV : force ? SV_IPS : WPICK(&r, ((const int[]){760, 70, 110, 60}));
    plan_episode(w, &r, &c, &c.ep[0], sv, s, force);
    c.nep = 1;
    episode *e1 = &c.ep[0];
    bool done = e1->exit == X_EMP_OPEN || e1->exit == X_EMP_SUB || e1->exit == X_PENSION || e1->exit == X_MOVED;
    if (e1->end != NODATE && (force & F_TWO_EP || (!done && pm(&r, sv == SV_IPS ? 150 : 400)))) {
        int s2 = workday(e1->end + (force & F_TWO_EP ? range(&r, 14, 40) : QUANT(&r, q_gap)),
                         e1->end + 1, w->asof - 10);
        if (s2 != NODATE) {
            int sv2 = sv != SV_IPS && pm(&r, 300) ? sv : pm(&r, 900) ? SV_IPS : SV_GROUP;
            plan_episode(w, &r, &c, &c.ep[c.nep++], sv2, s2, force & F_TWO_EP ? F_ZERO_DAY : 0);
        }
    }
    int y, m, d;
    day_ymd(s, &y, &m, &d);
    c.birth_year = pm(&r, 10) ? -1 : y - (c.segment == SEG_YOUTH ? range(&r, 18, 29) : QUANT(&r, q_age));
    c.gender = WPICK(&r, ((const int[]){460, 510, 20, 10}));
    c.gender = c.gender == 3 ? -1 : c.gender;
    c.muni = pm(&r, 8) ? -1 : wpick(&r, muni_w, N_MUNIS);
    for (int k = 0, here = pm(&r, 700); here && k < N_MUNIS; k++)
        if (strcmp(munis[k], tmpls[w->slots[e1->slot].tmpl].region) == 0)
            c.muni = k; /* most clients live where their coach works */
    if (force & F_PREJOB || (sv == SV_IPS && pm(&r, 30))) {
        c.has_pre = 1;
        make_job(w, &r, &c.pre, s - range(&r, 30, 400), -1, -1);
        c.pre.with_ep = 0, c.pre.competitive = 1, c.pre.hours10 = range(&r, 10, 20) * 10;
        c.pre.end = pm(&r, 500) ? NODATE : min_i(s + range(&r, -25, 120), w->asof);
        c.pre.end_reason = c.pre.end == NODATE ? -1 : pm(&r, 600) ? 0 : 3;
    }
    write_client(w, &c);
    w->cn = 0;
    for (int k = 0; k < c.nep; k++) {
        write_enrollment(w, &c, &c.ep[k]);
        for (int j = 0; j < c.ep[k].njobs; j++)
            write_job(w, &c, &c.ep[k], &c.ep[k].jobs[j]);
        episode_contacts(w, &r, &c, &c.ep[k], k ? 0 : force);
        episode_assessments(w, &r, &c, &c.ep[k]);
    }
    if (c.has_pre)
        write_job(w, &c, NULL, &c.pre);
    qsort(w->cbuf, (size_t)w->cn, sizeof *w->cbuf, by_date);
    for (int k = 0; k < w->cn; k++)
        write_contact(w, &c, &w->cbuf[k]);
}
