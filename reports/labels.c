/* Labels by id, the report languages, and the date and period texts.  The
 * texts themselves are the catalogue's (po/, reports/catalogue.h):
 * Finnish follows the wording of THL's quality criteria and the seeds
 * (palveluntuottaja, työhönvalmentaja, laatukriteerit, aloitus-, ohjaus- ja
 * tulospalkkio); Swedish follows the official Swedish terms where they exist. */
#include "reports/labels.h"

#include "reports/catalogue.h"

#include "model/metrics.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const lang_codes[REPORT_LANG__COUNT] = {"fi", "sv", "en"};

int report_lang_parse(const char *code)
{
    for (int i = 0; i < REPORT_LANG__COUNT; i++)
        if (code && strcasecmp(code, lang_codes[i]) == 0)
            return i;
    return -1;
}

const char *report_lang_code(report_lang lang)
{
    return (int)lang >= 0 && lang < REPORT_LANG__COUNT ? lang_codes[lang] : "fi";
}

const char *label(label_id id, report_lang lang)
{
    if ((int)id < 0 || id >= L__COUNT || (int)lang < 0 || lang >= REPORT_LANG__COUNT)
        return "";
    /* No usable translation: the English msgid, as gettext shows it. */
    const char *s = catalogue_labels[id][lang];
    s = s ? s : catalogue_labels[id][REPORT_LANG_EN];
    return s ? s : "";
}

const char *label_subst(const char *text, long n, char *buf, size_t size)
{
    size_t o = 0;
    if (size == 0)
        return buf;
    for (const char *p = text; *p && o + 1 < size;) {
        if (strncmp(p, "{n}", 3) == 0) {
            int w = snprintf(buf + o, size - o, "%ld", n);
            o = w < 0 ? o : (o + (size_t)w < size ? o + (size_t)w : size - 1);
            p += 3;
        } else {
            buf[o++] = *p++;
        }
    }
    buf[o] = '\0';
    return buf;
}

void label_date(report_lang lang, ips_day day, char buf[16])
{
    date_format_style(day, date_style_of(report_lang_code(lang)), buf);
}

const char *label_date_format(report_lang lang)
{
    return date_style_excel(date_style_of(report_lang_code(lang)));
}

void label_period(report_lang lang, ips_day start, ips_day end, ips_day as_of, char *buf,
                  size_t size)
{
    char name[48], a[16], b[16];
    metric_period_text(start, end, name, sizeof name);
    if (strchr(name, '-')) { /* a span, not 2024Q3: its days in the language's style */
        label_date(lang, start, a);
        label_date(lang, end, b);
        snprintf(name, sizeof name, "%s\xE2\x80\x93%s", a, b);
    }
    if (metric_period_cut(end, as_of) < end)
        snprintf(buf, size, "%s (%s)", name, label(L_TO_DATE, lang));
    else
        snprintf(buf, size, "%s", name);
}
