/* The fixed tables of gen-samples, made before any client and written at
 * once: the coaches (a few positions per provider, copied for bigger sets),
 * the employers (named ones first, then every trade in every place) and one
 * fidelity review. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "gen_world.h"

/* ---------- coaches: a slot is a position, held by one coach after another ---------- */

const slot_tmpl tmpls[] = {
    {"valmennuslehto", "lehto_lahti", "Lahti", T_IPS, 100, 95, 70, -900, 0},
    {"valmennuslehto", "lehto_lahti", "Lahti", T_IPS, 100, 90, 55, -420, 272},
    {"valmennuslehto", "lehto_lahti", "Lahti", T_IPS, 80, 100, 60, -200, 0},
    {"valmennuslehto", "lehto_hollola", "Hollola", T_IPS, 100, 85, 50, -650, 0},
    {"valmennuslehto", "lehto_hollola", "Kärkölä", T_IPS, 60, 100, 65, 151, 0},
    {"tyopaja_orimattila", "orimattila_ips", "Orimattila", T_IPS, 100, 80, 40, INT_MIN, 0},
    {"tyopaja_orimattila", "orimattila_ips", "Orimattila", T_IPS, 50, 70, 35, -300, 455},
    {"tyopaja_orimattila", "orimattila_paja", "Orimattila", T_PAJA, 100, 80, 30, -2000, 0},
    {"tyopaja_orimattila", "orimattila_paja", "Orimattila", T_PAJA, 80, 60, 30, -700, 0},
    {"kuntoutussaatio", "saatio_heinola", "Heinola", T_IPS, 100, 95, 80, -500, 0},
    {"kuntoutussaatio", "saatio_heinola", "Heinola", T_IPS, 70, 90, 60, -360, 516},
    {"kuntoutussaatio", "saatio_heinola", "Heinola", T_IPS, 90, 100, 75, -100, 0},
};
/* How clients spread over the slots (ips work and workshop work separately). */
const int tmpl_w_ips[] = {20, 17, 16, 20, 10, 18, 8, 0, 0, 20, 13, 17};
const int tmpl_w_paja[] = {0, 0, 0, 0, 0, 0, 0, 55, 45, 0, 0, 0};
_Static_assert(COUNT(tmpls) == N_TMPLS && COUNT(tmpl_w_ips) == N_TMPLS && COUNT(tmpl_w_paja) == N_TMPLS,
               "slots and their weights (gen_world.h)");

/* ---------- employers ---------- */

static const char *const kind_tol[K_N] = {"47.11", "56.10", "81.21", "81.10", "41.20", "52.10",
    "49.41", "87.30", "10.71", "45.20", "25.62", "81.30", "96.01", "31.09", "82.11", "55.10",
    "84.11", "86.10", "88.99"};

typedef struct { const char *name; int kind; const char *muni, *tol; } named_employer;
static const named_employer named[] = {
    {"Kahvila Äijänpää", K_FOOD, "Orimattila", NULL}, {"Hämeen Rakennus Oy", K_BUILD, "Lahti", NULL},
    {"Åbo Städservice Ab", K_CLEAN, "Lahti", NULL}, {"Lahden kaupunki", K_CITY, "Lahti", NULL},
    {"Päijät-Hämeen hyvinvointialue", K_COUNTY, "Lahti", NULL},
    {"Kierrätyskeskus Kääpä ry", K_THIRD, "Lahti", "47.79"},
    {"Orimattilan kaupunki", K_CITY, "Orimattila", NULL}, {"Hollolan kunta", K_CITY, "Hollola", NULL},
    {"Heinolan kaupunki", K_CITY, "Heinola", NULL}, {"Kärkölän kunta", K_CITY, "Kärkölä", NULL},
    {"Ravintola Pöllölä Oy", K_FOOD, "Hollola", NULL}, {"Leipomo Mäkelä Ky", K_BAKE, "Kärkölä", NULL},
    {"Sähkö-Järvinen Oy", K_BUILD, "Lahti", "43.21"}, {"Lähikauppa Ämmälä", K_SHOP, "Lahti", NULL},
    {"Siivouspalvelu Kärppä Oy", K_CLEAN, "Orimattila", NULL},
    {"Metsä-Häme Puutuote Oy", K_WOOD, "Heinola", "16.23"},
    {"Vääksyn Kiinteistöpalvelu Oy", K_PROP, "Asikkala", NULL},
    {"Hoivakoti Kuusenkäpy Oy", K_CARE, "Hollola", NULL},
    {"Mielenterveysyhdistys Sävel ry", K_THIRD, "Heinola", NULL},
    {"Kukkakauppa Ruusunnuppu", K_SHOP, "Orimattila", "47.76"},
    {"Autokorjaamo Hämäläinen Oy", K_AUTO, "Lahti", NULL},
    {"Konepaja Kärkkäinen Oy", K_METAL, "Lahti", NULL}, {"Hotelli Salpaussalo Oy", K_HOTEL, "Lahti", NULL},
    {"Kahvila-Konditoria Sävyisä", K_FOOD, "Heinola", NULL}, {"Pesula Lumivalkea Ky", K_LAUNDRY, "Hollola", NULL},
    {"Logistiikkakeskus Hämeenkoski Oy", K_WARE, "Hollola", NULL},
    {"Lounasravintola Köökki Oy", K_FOOD, "Lahti", NULL}, {"Söderholmin Maalaus Oy", K_BUILD, "Lahti", "43.34"},
    {"Kuljetus Öhman Oy", K_TRANS, "Kärkölä", NULL}, {"Café Åkerlund", K_FOOD, "Heinola", NULL},
    {"Toimistopalvelu Älykäs Oy", K_OFFICE, "Lahti", NULL},
    {"Ohjelmistotalo Särmä Oy", K_OFFICE, "Lahti", "62.01"},
    {"Hoivapalvelu Hyvä Päivä Oy", K_CARE, "Orimattila", "88.10"},
    {"Työ & Toiminta ry", K_THIRD, "Orimattila", NULL},
    {"Koskinen, Mäkelä & Co Oy", K_METAL, "Orimattila", NULL},
    {"Osuuskunta \"Yhteinen Pöytä\"", K_FOOD, "Lahti", NULL},
    {"Rakennuspalvelu Hirvonen", K_BUILD, "Asikkala", "43"}, {"Pihapalvelu Määttä Tmi", K_GARDEN, "Hollola", ""},
    {"Lähitaksi Väänänen Ky", K_TRANS, "Heinola", "49.32"}, {"Kirpputori Löytö Oy", K_SHOP, "Lahti", "47.79"},
};
static const struct { const char *word; int kind; const char *tol; } trades[] = {
    {"Kauppa", K_SHOP, NULL}, {"Rautakauppa", K_SHOP, "47.52"}, {"Ravintola", K_FOOD, NULL},
    {"Lounaskahvila", K_FOOD, NULL}, {"Siivouspalvelu", K_CLEAN, NULL}, {"Kiinteistöhuolto", K_PROP, NULL},
    {"Rakennus", K_BUILD, NULL}, {"Sähkö", K_BUILD, "43.21"}, {"Logistiikka", K_WARE, NULL},
    {"Kuljetus", K_TRANS, NULL}, {"Hoivakoti", K_CARE, NULL}, {"Leipomo", K_BAKE, NULL},
    {"Autokorjaamo", K_AUTO, NULL}, {"Konepaja", K_METAL, NULL}, {"Puutarha", K_GARDEN, NULL},
    {"Pesula", K_LAUNDRY, NULL}, {"Puusepät", K_WOOD, NULL}, {"Kirjapaino", K_OFFICE, "18.12"},
    {"Hotelli", K_HOTEL, NULL}, {"Varastopalvelu", K_WARE, NULL}, {"Maalaus", K_BUILD, "43.34"},
    {"Kotipalvelu", K_CARE, "88.10"},
};
static const struct { const char *gen, *muni; } places[] = {
    {"Lahden", "Lahti"}, {"Hollolan", "Hollola"}, {"Orimattilan", "Orimattila"},
    {"Heinolan", "Heinola"}, {"Kärkölän", "Kärkölä"}, {"Päijät-Hämeen", "Lahti"},
    {"Salpausselän", "Lahti"}, {"Vesijärven", "Lahti"}, {"Järvelän", "Kärkölä"},
    {"Asikkalan", "Asikkala"}, {"Iitin", "Iitti"}, {"Jokimaan", "Lahti"}, {"Mäkelän", "Hollola"},
    {"Artjärven", "Orimattila"}, {"Virtasen", "Heinola"}, {"Sysmän", "Sysmä"},
    {"Nastolan", "Lahti"}, {"Hämeenkosken", "Hollola"}, {"Åkerlundin", "Lahti"},
};
static const char *const forms[] = {"Oy", "Oy", "Oy", "Ky", "Tmi", "Oy", "Oy", "Ky"};

/* ---------- the fixed tables: coaches, employers, the fidelity review ---------- */

static void make_coach(world *w, const slot_tmpl *t, int copy, int start, int end, bool repl)
{
    coach *c = &w->coaches[w->ncoaches];
    rng r = rng_for(w->seed, 1, (uint64_t)w->ncoaches);
    snprintf(c->id, sizeof c->id, "tv%03d", ++w->ncoaches);
    c->t = t;
    c->fte = repl ? (pm(&r, 500) ? 100 : 80) : t->fte;
    c->focus = repl ? range(&r, 17, 20) * 5 : t->focus;
    c->community = repl ? range(&r, 10, 14) * 5 : t->community;
    c->start = start, c->end = end;
    c->emp_pm = range(&r, 60, 260), c->free_pm = range(&r, 40, 260);
    c->diligence = range(&r, 450, 950), c->never_pm = range(&r, 30, 220);
    c->fast = range(&r, 0, 2), c->phone_pm = range(&r, 100, 300);
    (void)copy;
}

void make_coaches(world *w)
{
    int span = w->asof - w->start;
    w->nslots = COUNT(tmpls) * w->copies;
    w->slots = calloc((size_t)w->nslots, sizeof *w->slots);
    w->coaches = calloc((size_t)w->nslots * 2, sizeof *w->coaches);
    for (int cp = 0; cp < w->copies; cp++)
        for (int i = 0; i < COUNT(tmpls); i++) {
            const slot_tmpl *t = &tmpls[i];
            slot *s = &w->slots[cp * COUNT(tmpls) + i];
            s->tmpl = i;
            s->start = t->start_off == INT_MIN ? NODATE : w->start + t->start_off + (cp * 17) % 60;
            int leave = t->leave_off ? t->leave_off + (cp * 41) % 90 : 0;
            s->leave = leave && leave < span - 30 ? w->start + leave : NODATE;
            s->first = w->ncoaches;
            make_coach(w, t, cp, s->start, s->leave, false);
            s->second = -1;
            if (s->leave != NODATE) {
                s->second = w->ncoaches; /* the successor starts two weeks early, for handover */
                make_coach(w, t, cp, s->leave - 14, NODATE, true);
            }
        }
    for (int i = 0; i < w->ncoaches; i++)
        write_coach(w, &w->coaches[i]);
}

void make_employers(world *w)
{
    int n = w->nemps;
    w->emps = calloc((size_t)n, sizeof *w->emps);
    for (int i = 0; i < n; i++) {
        employer *m = &w->emps[i];
        snprintf(m->id, sizeof m->id, "tn%04d", i + 1);
        if (i < COUNT(named)) {
            snprintf(m->name, sizeof m->name, "%s", named[i].name);
            m->kind = named[i].kind, m->muni = named[i].muni;
            m->tol = named[i].tol ? named[i].tol : kind_tol[m->kind];
            continue;
        }
        /* Every trade in every place, in an order that mixes both. */
        int k = i - COUNT(named), np = COUNT(places), nt = COUNT(trades);
        int p = k % np, t = (k / np + k) % nt, round = k / (np * nt);
        snprintf(m->name, sizeof m->name, round ? "%s %s %s %d" : "%s %s %s", places[p].gen,
                 trades[t].word, forms[(p + t) % COUNT(forms)], round + 1);
        m->kind = trades[t].kind, m->muni = places[p].muni;
        m->tol = trades[t].tol ? trades[t].tol : kind_tol[m->kind];
    }
    for (int k = 0; k < K_N; k++)
        w->by_kind[k] = calloc((size_t)n, sizeof(int));
    for (int i = 0; i < n; i++) {
        int k = w->emps[i].kind;
        w->by_kind[k][w->nby_kind[k]++] = i;
        write_employer(w, &w->emps[i]);
    }
}

/* One review of one provider near the end of the span, shaped like the seed's
 * audit of ValmennusLehto Oy: items 4 and 5 did not apply, one was not rated,
 * one was scored as a range. */
void make_review(world *w)
{
    static const signed char sc[25][2] = {{4, 0}, {4, 0}, {5, 0}, {-1, 0}, {-1, 0}, {4, 0},
        {3, 5}, {4, 0}, {5, 0}, {4, 0}, {4, 0}, {3, 0}, {-2, 0}, {4, 0}, {4, 0}, {5, 0},
        {3, 0}, {4, 0}, {4, 0}, {4, 0}, {3, 0}, {4, 0}, {4, 0}, {3, 0}, {4, 0}};
    int y, m, d, date = workday(w->asof - 40, w->start, w->asof);
    char id[40];
    day_ymd(date, &y, &m, &d);
    snprintf(id, sizeof id, "arviointi_%d_valmennuslehto", y);
    for (int i = 0; i < 25; i++) {
        int st = sc[i][0] > 0 ? 0 : sc[i][0] == -1 ? 1 : 2;
        fld f[] = {FS(id), FS("valmennuslehto"), FD(date), FN(i + 1, 0), FS(statuses[st]),
                   FN(st ? -1 : sc[i][0], 0), FN(sc[i][1] ? sc[i][1] : -1, 0),
                   FS("Hämeen ELY-keskus, kaksi arvioijaa")};
        write_row(w, E_REVIEW, f, COUNT(f));
    }
}
