/* Shared by the fuzz targets: a private temp folder for the files the
 * targets write, removed at exit.  The targets run under libFuzzer
 * (scripts/fuzz.sh) or, without fuzzing, under tests/fuzz/driver.c. */
#ifndef IPS_FUZZ_SUPPORT_H
#define IPS_FUZZ_SUPPORT_H

#include <stddef.h>

/* The folder (created on first use); aborts when it cannot be made. */
const char *fuzz_dir(void);
/* Writes data to fuzz_dir()/name, returns the path (static buffer per call
 * site is not kept: copy it if needed); aborts on I/O errors. */
void fuzz_write(const char *name, const void *data, size_t n, char *path, size_t pathlen);
/* Prints what broke and aborts, so libFuzzer and the driver both see a crash. */
void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
