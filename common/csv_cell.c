#include "common/csv_cell.h"

#include <string.h>

bool csv_cell_formula_risk(const char *s)
{
    return s[0] && strchr("=+-@\t\r", s[0]) != NULL;
}

void csv_cell_write(FILE *out, const char *s, bool text, bool last)
{
    bool guard = text && csv_cell_formula_risk(s);
    if (strpbrk(s, ",\"\r\n")) {
        fputc('"', out);
        if (guard)
            fputc('\'', out);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', out);
            fputc(*s, out);
        }
        fputc('"', out);
    } else {
        if (guard)
            fputc('\'', out);
        fputs(s, out);
    }
    fputc(last ? '\n' : ',', out);
}
