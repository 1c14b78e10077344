/* Translations of the data contract's codes (data-contract.md) and of the
 * metrics' group and band names (metrics.md): the catalogue's "CODE_…:code"
 * entries (po/), in contract order.  The catalogue is also the list of
 * the codes a domain knows (label_code_count(), label_code_at()). */
#include <stddef.h>

#include "reports/catalogue.h"
#include "reports/labels.h"

const char *label_code(code_domain domain, const char *code, report_lang lang)
{
    if ((int)domain < 0 || domain >= CODE__COUNT || !code || (int)lang < 0 ||
        lang >= REPORT_LANG__COUNT)
        return NULL;
    const catalogue_entry *e = catalogue_find(&catalogue_codes[domain], code);
    if (!e)
        return NULL; /* not a code of the domain: the caller shows the code */
    return e->text[lang] ? e->text[lang] : e->text[REPORT_LANG_EN];
}

size_t label_code_count(code_domain domain)
{
    return (int)domain >= 0 && domain < CODE__COUNT ? catalogue_codes[domain].n : 0;
}

const char *label_code_at(code_domain domain, size_t i)
{
    return i < label_code_count(domain) ? catalogue_codes[domain].entries[i].key : NULL;
}
