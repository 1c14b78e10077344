/* Feeding a settings text held in memory to libinih one physical line at a
 * time (ini_parse_stream's reader), so that handlers know the line inih is
 * on and the first error they find is the one reported: the tariff file
 * and the project file read the same way. */
#ifndef IPS_INI_TEXT_H
#define IPS_INI_TEXT_H

#include <stdbool.h>

#include "common/error.h"

typedef struct {
    const char *next;   /* the rest of the text */
    int lineno;         /* physical line last handed to inih */
    bool indented;      /* that line begins with a blank */
    ips_error code;     /* what a line too long is reported as */
    int err_line;       /* the first error's line, 0 = none */
    ips_error err_code;
    char err[768];
} ini_text;

/* Starts reading text; errors of the reader itself are reported as code. */
void ini_text_init(ini_text *t, const char *text, ips_error code);

/* inih's fgets-like reader; stream is the ini_text. */
char *ini_text_read(char *buf, int num, void *stream);

/* Records an error on the current line (line 1 before any), unless one was
 * recorded already. */
void ini_text_error(ini_text *t, ips_error code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
