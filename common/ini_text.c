/* A settings text fed to libinih line by line (common/ini_text.h). */
#include "common/ini_text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void ini_text_init(ini_text *t, const char *text, ips_error code)
{
    memset(t, 0, sizeof *t);
    t->next = text;
    t->code = code;
}

void ini_text_error(ini_text *t, ips_error code, const char *fmt, ...)
{
    if (t->err_line)
        return; /* the first error is the one reported */
    t->err_line = t->lineno ? t->lineno : 1;
    t->err_code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->err, sizeof t->err, fmt, ap);
    va_end(ap);
}

char *ini_text_read(char *buf, int num, void *stream)
{
    ini_text *t = stream;
    if (!t->next || !*t->next)
        return NULL;
    const char *nl = strchr(t->next, '\n');
    size_t len = nl ? (size_t)(nl - t->next) : strlen(t->next);
    t->lineno++;
    t->indented = len > 0 && (t->next[0] == ' ' || t->next[0] == '\t');
    if (len + 2 > (size_t)num) {
        ini_text_error(t, t->code, "the line is longer than %d characters; shorten it",
                       num - 2);
        len = (size_t)num - 2;
    }
    memcpy(buf, t->next, len);
    buf[len] = '\n';
    buf[len + 1] = '\0';
    t->next = nl ? nl + 1 : NULL;
    return buf;
}
