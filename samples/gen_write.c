/* The writer of gen-samples: a row becomes fields (fld), the fields become a
 * line of canonical CSV, and with --exports the same fields go to
 * gen_exports.c, which writes them in the client systems' dialects. */
#include <stdio.h>
#include <string.h>

#include "gen_world.h"

/* ---------- the writer: fields, then text ---------- */

#define BLANK ((fld){'-', NULL, 0, 0})
fld FS(const char *s) { return s && *s ? (fld){'s', s, 0, 0} : BLANK; }
fld FD(int d) { return d == NODATE ? BLANK : (fld){'d', NULL, d, 0}; }
fld FN(long v, int dec) { return v < 0 ? BLANK : (fld){'n', NULL, v, dec}; }
static fld FB(int b) { return b < 0 ? BLANK : (fld){'b', NULL, b, 0}; }
static fld FC(const char *const *list, int i) { return i < 0 ? BLANK : FS(list[i]); }

const char *const file_names[E_N] = {"coaches", "clients", "employers", "enrollments",
    "contacts", "jobs", "assessments", "fidelity_reviews"};
const char *const headers[E_N] = {
    "coach_id,provider_id,team_id,region,fte,focus_share,community_share,start_date,end_date",
    "client_id,birth_year,gender,municipality,segment",
    "employer_id,name,industry,sector,municipality",
    "enrollment_id,client_id,coach_id,service,referral_date,start_date,end_date,exit_reason,"
    "referral_source,support_level",
    "contact_id,date,kind,in_person,client_id,coach_id,by,employer_id,setting,minutes",
    "job_id,client_id,employer_id,enrollment_id,job_title,occupation,start_date,end_date,"
    "hours_per_week,competitive,permanent,subsidized,end_reason",
    "client_id,date,instrument,score",
    "review_id,unit,review_date,item,status,score,score_high,reviewer"};

char *put_num(char *p, long v, int dec)
{
    long scale = 1;
    for (int i = 0; i < dec; i++)
        scale *= 10;
    p += sprintf(p, "%ld", v / scale);
    long frac = v % scale;
    if (frac) {
        *p++ = '.';
        for (scale /= 10; frac; scale /= 10) {
            *p++ = (char)('0' + frac / scale);
            frac %= scale;
        }
    }
    return p;
}

/* Canonical text: RFC 4180 quoting, ISO dates, '.' decimals, y/n. */
void write_row(world *w, int e, const fld *f, int n)
{
    char line[2048], *p = line;
    for (int i = 0; i < n; i++) {
        if (i)
            *p++ = ',';
        if (f[i].t == 's') {
            bool q = strpbrk(f[i].s, ",\"\r\n") != NULL;
            if (q)
                *p++ = '"';
            for (const char *s = f[i].s; *s && p < line + sizeof line - 8; s++) {
                if (*s == '"')
                    *p++ = '"';
                *p++ = *s;
            }
            if (q)
                *p++ = '"';
        } else if (f[i].t == 'd') {
            int y, m, d;
            day_ymd((int)f[i].v, &y, &m, &d);
            p += sprintf(p, "%04d-%02d-%02d", y, m, d);
        } else if (f[i].t == 'n') {
            p = put_num(p, f[i].v, f[i].dec);
        } else if (f[i].t == 'b') {
            *p++ = f[i].v ? 'y' : 'n';
        }
    }
    *p++ = '\n';
    fwrite(line, 1, (size_t)(p - line), w->f[e]);
    w->rows[e]++;
    if (w->exports)
        gen_exports_row(w->exports, e, f, n);
}

void write_coach(world *w, const coach *c)
{
    fld f[] = {FS(c->id), FS(c->t->provider), FS(c->t->team), FS(c->t->region), FN(c->fte, 2),
               FN(c->focus, 2), FN(c->community, 2), FD(c->start), FD(c->end)};
    write_row(w, E_COACH, f, COUNT(f));
}

void write_employer(world *w, const employer *m)
{
    int k = m->kind;
    const char *sector = k == K_CITY || k == K_COUNTY ? "public" : k == K_THIRD ? "third" : "private";
    fld f[] = {FS(m->id), FS(m->name), FS(m->tol), FS(sector), FS(m->muni)};
    write_row(w, E_EMPLOYER, f, COUNT(f));
}

void write_client(world *w, const client *c)
{
    if (w->exports)
        gen_exports_client(w->exports, c->id, c->birth_year, c->gender);
    fld f[] = {FS(c->id), FN(c->birth_year, 0), FC((const char *const[]){"f", "m", "x"}, c->gender),
               FC(munis, c->muni), FC(segments, c->segment)};
    write_row(w, E_CLIENT, f, COUNT(f));
}

int coach_on(const world *w, int slot_i, int day)
{
    const slot *s = &w->slots[slot_i];
    return s->second >= 0 && day > s->leave ? s->second : s->first;
}

void write_enrollment(world *w, const client *c, const episode *e)
{
    int coach = coach_on(w, e->slot, e->end == NODATE ? w->asof : e->end);
    fld f[] = {FS(e->id), FS(c->id), e->coach_blank ? BLANK : FS(w->coaches[coach].id),
               FC(services, e->service), FD(e->referral), FD(e->start), FD(e->end),
               FC(exits, e->exit), FC(sources, e->source), FC(levels, e->level)};
    write_row(w, E_ENROLL, f, COUNT(f));
}

void write_job(world *w, const client *c, const episode *e, const job *j)
{
    fld f[] = {FS(j->id), FS(c->id), FS(w->emps[j->emp].id), e && j->with_ep ? FS(e->id) : BLANK,
               FS(j->title), j->occ >= 0 ? FS(occs[j->occ].code) : BLANK, FD(j->start), FD(j->end),
               FN(j->hours10, 1), FB(j->competitive), FB(j->permanent), FB(j->subsidized),
               FC(end_reasons, j->end_reason)};
    write_row(w, E_JOB, f, COUNT(f));
}

void write_contact(world *w, const client *c, const contact *k)
{
    char id[24];
    snprintf(id, sizeof id, "ko%07ld", ++w->next_contact);
    fld f[] = {FS(id), FD(k->date), FC(kinds_c, k->kind), FB(k->in_person), c ? FS(c->id) : BLANK,
               k->coach >= 0 ? FS(w->coaches[k->coach].id) : BLANK, FC(bys, k->by),
               k->emp >= 0 ? FS(w->emps[k->emp].id) : BLANK, FC(settings, k->setting),
               FN(k->minutes, 0)};
    write_row(w, E_CONTACT, f, COUNT(f));
}

void write_assessment(world *w, const client *c, int date, const char *inst, long v, int dec)
{
    fld f[] = {FS(c->id), FD(date), FS(inst), FN(v, dec)};
    write_row(w, E_ASSESS, f, COUNT(f));
}
